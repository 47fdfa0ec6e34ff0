import Foundation
import GRDB
import InnobondModel
import InnobondStore

extension SQLiteRegistryStore {
    /// Reads a copy of the registry made at one moment with `VACUUM INTO`,
    /// which SQLite makes consistent while others write; the copy is removed
    /// afterwards.
    public func withConsistentReader<T: Sendable>(
        _ body: @escaping @Sendable (any RegistryReader) async throws -> T
    ) async throws -> T {
        let copy = location + ".snapshot-\(UUID().uuidString)"
        defer { Self.removeFiles(of: copy) }
        do {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [copy])
            }
        } catch {
            throw Self.storeError(error, writes: false)
        }
        let reader = try SQLiteFileReader(path: copy)
        return try await body(reader)
    }

    /// Writes a consistent copy of the registry to a new SQLite file at
    /// `path` (`VACUUM INTO`, safe while others write): a registry innobond
    /// opens, and restores from.
    public func backup(to path: String) async throws {
        do {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
        } catch {
            throw Self.storeError(error, writes: false)
        }
    }

    public func restore(
        from reader: any RegistryReader, actor: WriteActor?,
        progress: (@Sendable (_ table: String, _ rows: Int) -> Void)?
    ) async throws -> RestoreReport {
        let demo = try await reader.datasetValue("demo")
        let sourceVersion = Int64(try await reader.datasetValue("version") ?? "0") ?? 0
        if let file = reader as? SQLiteFileReader {
            // One transaction, table by table from the attached file.
            let location = location
            do {
                return try await pool.writeWithoutTransaction { db in
                    try Self.restore(
                        db, from: file.path, location: location, demo: demo, sourceVersion: sourceVersion, actor: actor,
                        progress: progress)
                }
            } catch let error as StoreError {
                throw error
            } catch {
                throw Self.storeError(error, writes: true)
            }
        }
        // From another store, into a new file (a backup): page by page, the
        // file being unused by anyone else until it is complete.
        try await read { db in try Self.checkEmpty(db, self.location) }
        var report = RestoreReport()
        for table in StoredTable.backedUp {
            var count = 0
            try await reader.eachPage(of: table) { page in
                let rows = Unchecked(page)
                try await self.write { db in
                    let insert = try db.makeStatement(
                        sql: "INSERT INTO \(table.name) (\(table.columnList)) VALUES "
                            + "(\(Array(repeating: "?", count: table.columns.count).joined(separator: ", ")))")
                    for row in rows.value {
                        try insert.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                    }
                }
                count += page.count
                progress?(table.name, count)
            }
            report.rows.append((table.name, count))
        }
        let restored = report
        report.version = try await write { db in
            let version = try Self.finishRestore(db, demo: demo, sourceVersion: sourceVersion)
            if let actor {
                try Self.audit(db, action: .restore, actor: actor, detail: restored.summary, version: version)
            }
            return version
        }
        return report
    }

    /// Writes every table of the registry file at `path` into `db` in one
    /// transaction, `db` being empty.
    private static func restore(
        _ db: Database, from path: String, location: String, demo: String?, sourceVersion: Int64, actor: WriteActor?,
        progress: (@Sendable (_ table: String, _ rows: Int) -> Void)?
    ) throws -> RestoreReport {
        try checkEmpty(db, location)
        try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
        defer { try? db.execute(sql: "DETACH DATABASE source") }
        var report = RestoreReport()
        try db.inTransaction(.immediate) {
            for table in StoredTable.backedUp {
                try db.execute(
                    sql: "INSERT INTO main.\(table.name) (\(table.columnList)) SELECT \(table.columnList) "
                        + "FROM source.\(table.name) ORDER BY \(table.key.joined(separator: ", "))")
                report.rows.append((table.name, db.changesCount))
                progress?(table.name, db.changesCount)
            }
            report.version = try finishRestore(db, demo: demo, sourceVersion: sourceVersion)
            if let actor {
                try audit(db, action: .restore, actor: actor, detail: report.summary, version: report.version)
            }
            return .commit
        }
        return report
    }

    public func check() async throws -> CheckReport {
        try await read { db in
            var report = CheckReport()
            report.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            for line in Set(report.integrity) where line != "ok" {
                // SQLite 3.40 reports "NULL value in T.C" for columns of
                // WITHOUT ROWID tables that hold no NULL (fixed in 3.41):
                // counted here, such a line is a problem only when it is true.
                if let match = line.wholeMatch(of: /NULL value in ([a-z_]+)\.([a-z_]+)/),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \(match.1) WHERE \(match.2) IS NULL") == 0
                {
                    continue
                }
                report.problems.append("SQLite integrity_check: \(line)")
            }
            report.integrity = Array(Set(report.integrity)).sorted()
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                report.problems.append("a \(row[0] as String? ?? "?") row refers to no \(row[2] as String? ?? "?") row")
            }
            for table in StoredTable.backedUp {
                report.counts.append((table.name, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0))
            }
            for (problem, sql) in RegistryChecks.statements() {
                let count = try Int.fetchOne(db, sql: sql) ?? 0
                if count > 0 { report.problems.append("\(problem): \(count)") }
            }
            let (sql, _) = AuditStatements.select(AuditFilter(limit: Int.max), .sqlite)
            let entries = try Row.fetchAll(db, sql: sql).map { row in
                try AuditStatements.entry(Array(row.databaseValues.map(\.sqlValue)))
            }
            if let broken = AuditEntry.firstBreak(in: entries) { report.problems.append(broken) }
            return report
        }
    }

    /// Throws unless every backed-up table of `db` is empty.
    private static func checkEmpty(_ db: Database, _ location: String) throws {
        for table in StoredTable.backedUp {
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.\(table.name)") ?? 0
            if count > 0 {
                throw StoreError.location(
                    "the registry at \(location) is not empty (\(count) \(table.name) rows): restore into an empty one")
            }
        }
    }

    /// Marks a restored registry: the demo mark of its source, and a
    /// version above both its own and its source's, so that a server
    /// watching either reloads.
    private static func finishRestore(_ db: Database, demo: String?, sourceVersion: Int64) throws -> Int64 {
        if let demo {
            try db.execute(
                sql: "INSERT INTO dataset (key, value) VALUES ('demo', ?) "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", arguments: [demo])
        }
        let current = Int64(try String.fetchOne(db, sql: "SELECT value FROM dataset WHERE key = 'version'") ?? "0") ?? 0
        let version = max(current, sourceVersion) + 1
        try db.execute(
            sql: "INSERT INTO dataset (key, value) VALUES ('version', ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", arguments: [String(version)])
        return version
    }

    public static func removeFiles(of path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// Reads an SQLite registry file no one writes: a backup, or a copy made
/// for a consistent read.
public final class SQLiteFileReader: RegistryReader {
    public let path: String
    private let queue: DatabaseQueue

    /// Opens the file read-only.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = true
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.location("cannot open \(path) as an innobond SQLite registry: \(error)")
        }
    }

    public func rows(of table: StoredTable, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]] {
        let keys = table.key.joined(separator: ", ")
        var sql = "SELECT \(table.columnList) FROM \(table.name)"
        if let after {
            sql += " WHERE (\(keys)) > (\(Array(repeating: "?", count: after.count).joined(separator: ", ")))"
        }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        let query = sql
        let arguments = (after ?? []).map(\.databaseValue)
        do {
            return try await queue.read { db in
                try Row.fetchAll(db, sql: query, arguments: StatementArguments(arguments)).map { row in
                    Array(row.databaseValues.map(\.sqlValue))
                }
            }
        } catch {
            throw StoreError.database("\(path): \(SQLiteRegistryStore.message(error))")
        }
    }

    public func datasetValue(_ key: String) async throws -> String? {
        do {
            return try await queue.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM dataset WHERE key = ?", arguments: [key])
            }
        } catch {
            throw StoreError.database("\(path): \(SQLiteRegistryStore.message(error))")
        }
    }
}
