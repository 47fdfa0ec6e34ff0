import FixedIncome
import Foundation
import GRDB
import GRDBSQLite
import InnobondModel
import InnobondStore

/// The registry in an SQLite file (WAL mode), through GRDB.
public final class SQLiteRegistryStore: RegistryStore {
    let pool: DatabasePool
    public let location: String
    /// How long a writer waits for another to finish before giving up as busy (seconds).
    static let writerPatience: Double = 30

    /// Rows above which a snapshot reads a kind in two parts.
    let splitAbove: Int

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// - Throws: ``StoreError/location(_:)`` when the file cannot be opened
    ///   as an SQLite database.
    public convenience init(path: String) throws {
        try self.init(path: path, splitAbove: SnapshotPlan.splitAbove)
    }

    /// A connection's page cache: 64 MB (SQLite's negative sizes are KiB).
    /// Imports stage and merge large files without spilling every page to
    /// disk. Bounded, whatever the file's size.
    static let cacheSize = -65536

    /// The store, reading its costliest kind in two parts when it has more
    /// than `splitAbove` rows.
    init(path: String, splitAbove: Int) throws {
        self.splitAbove = splitAbove
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.writerPatience)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = \(SQLiteRegistryStore.cacheSize)")
        }
        configuration.label = "innobond"
        location = path
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SQLiteMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError.location("cannot open \(path) as an innobond SQLite database: \(Self.message(error))")
        }
    }

    /// Moves every committed page from the write-ahead log into the file,
    /// then closes: the file alone then holds the registry. (SQLite would
    /// checkpoint on closing its last connection, but a pool closes its
    /// writer before its read-only readers, which cannot.)
    public func close() async throws {
        do {
            _ = try await pool.writeWithoutTransaction { db in
                // The connection closes next: wait a second, not the writers' patience.
                try db.execute(sql: "PRAGMA busy_timeout = 1000")
                do {
                    try db.checkpoint(.truncate)
                } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) {
                    // Another connection is reading: the checkpoint gave the
                    // file what it could, and the log keeps what the reader
                    // may still read (SQLite replays it with the file).
                }
            }
        } catch {
            // Closed all the same: SQLite replays the log on the next open.
            try? pool.close()
            throw StoreError.database("\(error)")
        }
        do {
            try pool.close()
        } catch {
            throw StoreError.database("\(error)")
        }
    }

    // MARK: Import

    public func importRows(
        from sources: [ImportSource], options: ImportOptions, markDemo: Bool?,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> [ImportReport] {
        let work = Unchecked(sources)
        do {
            return try await pool.writeWithoutTransaction { db in
                var reports: [ImportReport] = []
                try db.inTransaction(.immediate) {
                    for source in work.value {
                        reports.append(
                            try Self.stageCheckAndMerge(source, options: options, db: db, progress: progress))
                    }
                    let failed = reports.contains { $0.badRows > 0 && !options.skipInvalid }
                    if failed {
                        for index in reports.indices { reports[index].committed = false }
                        return .rollback
                    }
                    if let markDemo {
                        try db.execute(
                            sql: "INSERT INTO dataset (key, value) VALUES ('demo', ?) "
                                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            arguments: [markDemo ? "true" : "false"])
                    }
                    let version = try Self.bumpVersion(db)
                    for (source, report) in zip(work.value, reports) {
                        try Self.audit(
                            db, action: .import, actor: options.actor, kind: source.kind, report: report,
                            sha256: source.sha256, version: version)
                    }
                    return .commit
                }
                return reports
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, writes: true)
        }
    }

    /// Adds one to the registry's version: its new value.
    static func bumpVersion(_ db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO dataset (key, value) VALUES ('version', '1') "
                + "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")
        return try currentVersion(db)
    }

    static func currentVersion(_ db: Database) throws -> Int64 {
        Int64(try String.fetchOne(db, sql: "SELECT value FROM dataset WHERE key = 'version'") ?? "0") ?? 0
    }

    /// Appends an entry to the audit log, chained after the last.
    static func audit(
        _ db: Database, action: AuditEntry.Action, actor: WriteActor, kind: RecordKind? = nil,
        report: ImportReport? = nil, sha256: String? = nil, detail: String? = nil, version: Int64? = nil
    ) throws {
        let previous = try String.fetchOne(db, sql: AuditStatements.lastHash) ?? AuditEntry.genesis
        let entry = AuditEntry(
            at: AuditEntry.now, actor: actor, action: action, kind: kind, report: report, sha256: sha256,
            detail: detail, version: try version ?? currentVersion(db), previousHash: previous)
        try db.execute(
            sql: AuditStatements.insert(.sqlite),
            arguments: StatementArguments(AuditStatements.values(entry).map(\.databaseValue)))
    }

    private static func stageCheckAndMerge(
        _ source: ImportSource, options: ImportOptions, db: Database,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) throws -> ImportReport {
        let statements = ImportStatements(
            schema: source.schema, dialect: .sqlite, rowNoun: source.rowUnit.rawValue)
        var report = ImportReport(kind: source.kind)
        var issues = IssueCollector(limit: options.issueLimit, unit: source.rowUnit)
        try db.execute(sql: statements.dropStaging)
        try db.execute(sql: statements.createStaging)
        let insert = try db.makeStatement(
            sql: "INSERT INTO \(ImportStatements.stagingTable) (\(statements.stagingColumns.joined(separator: ", "))) "
                + "VALUES (\(Array(repeating: "?", count: statements.stagingColumns.count).joined(separator: ", ")))")
        while let batch = try source.nextBatch() {
            report.rowsRead += batch.rowsRead
            issues.addRowIssues(batch.issues)
            for row in batch.rows { try Self.stage(row, with: insert, in: db) }
            progress?(report.rowsRead, batch.bytesRead)
        }
        for statement in statements.prepare { try db.execute(sql: statement) }
        for check in statements.checks {
            if let applies = check.applies, try Row.fetchOne(db, sql: applies) == nil { continue }
            func list() throws -> [[SQLValue]] {
                try Row.fetchAll(db, sql: check.list + " ORDER BY 1 LIMIT \(options.issueLimit)")
                    .map { row in Array(row.databaseValues.map(\.sqlValue)) }
            }
            let listedFirst = check.listsMarkedRows ? [] : try list()
            try db.execute(sql: check.mark)
            let marked = db.changesCount
            issues.addCheck(
                check, listed: check.listsMarkedRows && marked > 0 ? try list() : listedFirst, marked: marked)
        }
        issues.complete(&report)
        if report.badRows == 0 || options.skipInvalid {
            if let row = try Row.fetchOne(db, sql: statements.countExisting) {
                report.count(existing: row[0] as Int? ?? 0, unchanged: row[1] as Int? ?? 0)
            }
            for statement in statements.merge { try db.execute(sql: statement) }
            report.rowsWritten = db.changesCount
            report.committed = true
            if source.kind == .ownership {
                func values(_ sql: String) throws -> [[SQLValue]] {
                    try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues.map(\.sqlValue)) }
                }
                if let issue = OwnershipCheck.issue(
                    stored: try values(OwnershipCheck.storedHoldings), staged: try values(OwnershipCheck.stagedRows))
                {
                    throw StoreError.unusableFile([issue])
                }
            }
        }
        try db.execute(sql: statements.dropStaging)
        return report
    }

    /// Inserts one staged row, binding its values through SQLite's C API on
    /// GRDB's prepared statement: a third faster than building GRDB's
    /// `StatementArguments` for each of a million rows.
    private static func stage(_ row: ImportSource.Row, with statement: Statement, in db: Database) throws {
        try withExtendedLifetime(statement) { try stage(row, with: statement.sqliteStatement, in: db) }
    }

    private static func stage(_ row: ImportSource.Row, with handle: SQLiteStatement, in db: Database) throws {
        sqlite3_bind_int64(handle, 1, Int64(row.line))
        for (index, value) in row.values.enumerated() {
            let position = Int32(index + 2)
            switch value {
            case .null: sqlite3_bind_null(handle, position)
            case .integer(let number): sqlite3_bind_int64(handle, position, number)
            case .real(let number): sqlite3_bind_double(handle, position, number)
            case .text(let text):
                var text = text
                text.withUTF8 { bytes in
                    guard let start = bytes.baseAddress else {
                        _ = sqlite3_bind_text(handle, position, "", 0, nil)
                        return
                    }
                    _ = sqlite3_bind_text(
                        handle, position, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self),
                        Int32(bytes.count), transient)
                }
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw StoreError.database(String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Calls `body` with each row of `sql`, read in place through SQLite's C
    /// API: no value becomes a Swift value until the reader asks for it.
    static func eachRow(
        _ db: Database, sql: String, arguments: StatementArguments = [], columns: Int,
        _ body: (StatementRow) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        // The statement finalizes its handle when released: it must outlive the loop.
        try withExtendedLifetime(statement) {
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            let row = StatementRow(handle: handle, count: columns)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else {
                    throw StoreError.database(String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                try body(row)
            }
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bound bytes.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    // MARK: Reading

    public func rows(of kind: RecordKind, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]] {
        let schema = TableSchema.of(kind)
        let keys = schema.keyColumns.joined(separator: ", ")
        var sql = "SELECT \(schema.columns.map(\.name).joined(separator: ", ")) FROM \(schema.table)"
        var arguments: [DatabaseValue] = []
        var conditions = schema.isVersioned ? [schema.current()] : []
        if let after {
            conditions.append("(\(keys)) > (\(Array(repeating: "?", count: after.count).joined(separator: ", ")))")
            arguments = after.map(\.databaseValue)
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        let query = sql
        let bound = arguments
        return try await read { db in
            try Row.fetchAll(db, sql: query, arguments: StatementArguments(bound)).map { row in
                Array(row.databaseValues.map(\.sqlValue))
            }
        }
    }

    /// Reads the kinds on two connections at once, in two read
    /// transactions (the costliest kind cut in two by its first key
    /// column: ``SnapshotPlan``); both must have read the version the
    /// rows were counted at (a write between their starts means reading
    /// again).
    public func loadSnapshot(at moment: KnownMoment?, kinds: Set<RecordKind>?) async throws -> RegistrySnapshot {
        let kinds = kinds.map { chosen in RecordKind.allCases.filter(chosen.contains) } ?? RecordKind.allCases
        while true {
            let splitAbove = splitAbove
            let (version, counts, demo, plan) = try await read { db in
                var counts: [RecordKind: Int] = [:]
                for kind in kinds {
                    counts[kind] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(TableSchema.of(kind).table)") ?? 0
                }
                let demo = try String.fetchOne(db, sql: "SELECT value FROM dataset WHERE key = 'demo'")
                let plan = try SnapshotPlan.make(
                    kinds.filter(\.declaration.inSnapshot), counts: counts, splitAbove: splitAbove, db)
                return (try Self.currentVersion(db), counts, demo == "true", plan)
            }
            let read: (tables: RecordTables, versions: [Int64])
            do {
                // On a thread of its own: the read blocks until both halves
                // are in, and an executor it blocked could not resume the
                // tasks that give the pool's connections back.
                let pool = pool
                read = try await withCheckedThrowingContinuation { continuation in
                    let thread = Thread { continuation.resume(with: Result { try plan.read(pool, at: moment) }) }
                    // One side of the read runs here: a stack as large as a main thread's.
                    thread.stackSize = 8 << 20
                    thread.start()
                }
            } catch is SnapshotPlan.Moved {
                continue
            } catch {
                throw Self.readError(error)
            }
            guard read.versions.allSatisfy({ $0 == version }) else { continue }
            return RegistrySnapshot(isDemo: demo, tables: read.tables, counts: counts)
        }
    }

    public func registryVersion() async throws -> Int64 {
        try await read { db in
            Int64(try String.fetchOne(db, sql: "SELECT value FROM dataset WHERE key = 'version'") ?? "0") ?? 0
        }
    }

    public func revokedTokenCount() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(revoked_at) FROM api_tokens") ?? 0 }
    }

    // MARK: Tokens

    private static let tokenColumns = "id, name, role, created_at, revoked_at"

    private static func token(_ row: Row) -> APIToken {
        APIToken(
            id: row[0], name: row[1], role: APIRole(rawValue: row[2]) ?? .viewer, created: row[3], revoked: row[4])
    }

    public func createToken(name: String, role: APIRole, secretHash: String, actor: WriteActor) async throws
        -> APIToken
    {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO api_tokens (name, role, secret_hash, created_at) "
                    + "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                arguments: [name, role.rawValue, secretHash])
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.tokenColumns) FROM api_tokens WHERE id = ?",
                    arguments: [db.lastInsertedRowID])
            else { throw StoreError.database("the new token was not stored") }
            let token = Self.token(row)
            try Self.audit(
                db, action: .tokenCreate, actor: actor, detail: "token \(token.id) (\(name), \(role.rawValue))")
            return token
        }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT \(Self.tokenColumns) FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL",
                arguments: [secretHash]
            ).map(Self.token)
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.tokenColumns) FROM api_tokens ORDER BY id").map(Self.token)
        }
    }

    public func revokeToken(id: Int64, actor: WriteActor) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                    + "WHERE id = ? AND revoked_at IS NULL",
                arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.audit(db, action: .tokenRevoke, actor: actor, detail: "token \(id)")
            return true
        }
    }

    private static let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

    public func createSession(tokenID: Int64, secretHash: String, lifetime: Int, actor: WriteActor) async throws {
        try await write { db in
            try Self.audit(db, action: .sessionStart, actor: actor, detail: "for \(lifetime) s")
            try db.execute(
                sql: "INSERT INTO sessions (secret_hash, token_id, created_at, expires_at) VALUES (?, ?, \(Self.now), "
                    + "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', printf('%+d seconds', ?)))",
                arguments: [secretHash, tokenID, lifetime])
        }
    }

    public func sessionToken(secretHash: String) async throws -> APIToken? {
        try await read { db in
            try Row.fetchOne(
                db, sql: SessionStatements.token(now: Self.now, parameter: "?"), arguments: [secretHash]
            ).map(Self.token)
        }
    }

    public func endSession(secretHash: String, actor: WriteActor) async throws -> Bool {
        try await write { db in
            try db.execute(sql: SessionStatements.end(now: Self.now, parameter: "?"), arguments: [secretHash])
            guard db.changesCount > 0 else { return false }
            try Self.audit(db, action: .sessionEnd, actor: actor)
            return true
        }
    }

    public func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        let (sql, arguments) = AuditStatements.select(filter, .sqlite)
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue))).map { row in
                try AuditStatements.entry(Array(row.databaseValues.map(\.sqlValue)))
            }
        }
    }

    /// A bond's quotes: one statement, prepared once a connection (a bond
    /// page asks for it on every view, and compiling it was a tenth of the
    /// page's CPU).
    private static let bondQuotesQuery =
        "SELECT \(TableSchema.of(.quotes).columns.map(\.name).joined(separator: ", ")) FROM quotes "
        + "WHERE bond_code = ? AND date >= ? AND date <= ? ORDER BY date, source"

    public func quotes(bond: BondCode, from start: CivilDate?, through end: CivilDate?) async throws -> [Quote] {
        let schema = TableSchema.of(.quotes)
        let arguments: [DatabaseValue] = [
            bond.value.databaseValue, (start?.iso8601 ?? "0001-01-01").databaseValue,
            (end?.iso8601 ?? "9999-12-31").databaseValue,
        ]
        return try await readStatement { db in
            let statement = try db.cachedStatement(sql: Self.bondQuotesQuery)
            return try Row.fetchAll(statement, arguments: StatementArguments(arguments)).map { row in
                try schema.typedRecord(of: Array(row.databaseValues.map(\.sqlValue)), as: Quote.self)
            }
        }
    }

    public func latestQuotes() async throws -> [Quote] {
        let schema = TableSchema.of(.quotes)
        let sql = TableSchema.latestQuotesQuery(schema.columns.map(\.name).joined(separator: ", "))
        return try await read { db in
            try Quote.latest(
                Row.fetchAll(db, sql: sql).map { row in
                    try schema.typedRecord(of: Array(row.databaseValues.map(\.sqlValue)), as: Quote.self)
                })
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.readError(error)
        }
    }

    /// `body`'s one statement, read without the transaction around it that
    /// ``read(_:)`` begins and commits: a single statement reads one state
    /// of the database on its own.
    func readStatement<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.unsafeRead(body)
        } catch {
            throw Self.readError(error)
        }
    }

    /// The store's error for an error met reading.
    static func readError(_ error: any Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as RowIssues: return StoreError.database("a stored row no longer validates: \(error)")
        default: return storeError(error, writes: false)
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, writes: true)
        }
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return "\(error)"
    }

    /// The store's error for a database error: busy when another writer
    /// held the file for longer than a writer waits.
    static func storeError(_ error: any Error, writes: Bool) -> StoreError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY {
            return .busy(
                "another writer held the registry for more than \(Int(writerPatience)) s"
                    + (writes ? "; nothing was written: try again" : ": try again"))
        }
        return .database(message(error))
    }
}

/// A value handed to GRDB's writer queue and used there alone.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }
}

extension DatabaseValue {
    var sqlValue: SQLValue {
        switch storage {
        case .null: return .null
        case .int64(let value): return .integer(value)
        case .double(let value): return .real(value)
        case .string(let value): return .text(value)
        case .blob: return .null
        }
    }
}
