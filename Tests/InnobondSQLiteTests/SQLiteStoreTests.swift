import Foundation
import GRDB
import InnobondModel
import InnobondTestSupport
import Testing

@testable import InnobondSQLite
@testable import InnobondStore

/// The path of a registry file in a new folder of its own, removed afterwards.
func withRegistryPath(_ body: (String) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-sqlite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try await body(folder.appendingPathComponent("registry.sqlite").path)
}

/// A new SQLite file in a folder of its own, removed afterwards.
func withSQLiteStore(_ body: (SQLiteRegistryStore, String) async throws -> Void) async throws {
    try await withRegistryPath { path in
        let store = try SQLiteRegistryStore(path: path)
        try await body(store, path)
        try await store.close()
    }
}

@Suite struct SQLiteStoreTests {
    @Test(arguments: StoreContract.cases)
    func contract(_ contractCase: StoreContract.Case) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "innobond-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await contractCase.run {
            try SQLiteRegistryStore(path: folder.appendingPathComponent("\(UUID().uuidString).sqlite").path)
        }
    }

    /// A kind read in two parts on two connections (split at the median of
    /// its first key column) gives the rows reading it whole gives, in order.
    @Test func aSnapshotReadInPartsIsTheSnapshot() async throws {
        try await withSQLiteStore { store, path in
            try await StoreContract.importAll(store)
            let whole = try await store.loadSnapshot()
            let split = try SQLiteRegistryStore(path: path, splitAbove: 1)
            let parts = try await split.loadSnapshot()
            try await split.close()
            #expect(parts.records(Allocation.self).count > 2)
            for kind in RecordKind.allCases where kind.declaration.inSnapshot {
                func rows<Record: RegistryRecord>(_ type: Record.Type, _ snapshot: RegistrySnapshot) -> String {
                    String(describing: snapshot.records(type))
                }
                #expect(rows(kind.recordType, parts) == rows(kind.recordType, whole), "\(kind)")
            }
            #expect(parts.counts == whole.counts)
        }
    }

    /// The typed readers a snapshot uses give, for every stored row, the
    /// record the validating path gives (the path a file's rows take).
    @Test func typedReadingIsTheValidatingReading() async throws {
        try await withSQLiteStore { store, _ in
            try await StoreContract.importAll(store)
            var typed: Set<RecordKind> = []
            for kind in RecordKind.allCases where kind.declaration.inSnapshot {
                let schema = TableSchema.of(kind)
                for row in try await store.rows(of: kind, after: nil, limit: 100_000) {
                    let validated = try schema.record(of: row)
                    if let record = TypedRow(values: row).read(kind.recordType) {
                        typed.insert(kind)
                        #expect(record.fieldTexts == validated.fieldTexts, "\(kind): \(row)")
                    }
                }
            }
            let readers: Set<RecordKind> = [
                .bonds, .issuers, .curves, .useOfProceeds, .allocations, .unallocatedBalances, .useChanges,
                .eligibilityEvidence, .issuerFinancials,
            ]
            #expect(typed.isSuperset(of: readers), "no typed reading of \(readers.subtracting(typed))")
        }
    }

    @Test func theFileIsInWALModeAndReopens() async throws {
        try await withSQLiteStore { store, path in
            try await StoreContract.importAll(store)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            let again = try SQLiteRegistryStore(path: path)
            #expect(try await again.loadSnapshot().bonds.count == 3)
            try await again.close()
        }
    }

    /// Another process reading the file keeps the log from being emptied; the
    /// store closes all the same, its rows committed, and the file holds them
    /// once the reader is done.
    @Test func aReaderOfTheFileDoesNotFailTheClose() async throws {
        try await withSQLiteStore { store, path in
            var configuration = Configuration()
            configuration.allowsUnsafeTransactions = true
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            try reader.inDatabase { db in
                try db.execute(sql: "BEGIN")
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM bonds")
            }
            let writer = try SQLiteRegistryStore(path: path)
            try await StoreContract.importAll(writer)
            try await writer.close()
            try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
            try reader.close()
            #expect(try await store.loadSnapshot().bonds.count == 3)
        }
    }

    @Test func aFileThatIsNotADatabaseSaysSo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID().uuidString)").path
        try Data("hello, I am text".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: StoreError.self) { try SQLiteRegistryStore(path: path) }
    }
}

/// A registry written by an earlier release opens with this build, which
/// migrates it, and exports the same bytes.
@Suite struct OlderRegistryTests {
    @Test func anOlderRegistryOpensAndExportsTheSameFiles() async throws {
        try await withRegistryPath { path in
            try FileManager.default.copyItem(at: OlderRegistry.sqlite, to: URL(fileURLWithPath: path))
            let store = try SQLiteRegistryStore(path: path)
            try await OlderRegistry.expectSameExports(store)
            #expect(try await store.tokens().map(\.name) == ["fixture-admin"])
            try await store.close()
        }
    }
}

/// The audit log refuses every change, and a change made behind the
/// database's back (its trigger dropped) breaks the chain `check` follows.
@Suite struct AuditLogTests {
    @Test func noEntryIsChangedOrDeleted() async throws {
        try await withSQLiteStore { store, path in
            try await StoreContract.importAll(store)
            let queue = try DatabaseQueue(path: path)
            for sql in ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"] {
                #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
            }
            #expect(try await store.auditEntries(AuditFilter()).count == StoreContract.files.count)
            try queue.inDatabase { db in
                try db.execute(sql: "DROP TRIGGER audit_log_no_update")
                try db.execute(sql: "UPDATE audit_log SET rows_read = rows_read + 1 WHERE id = 2")
            }
            try queue.close()
            let report = try await store.check()
            #expect(report.problems.contains { $0.contains("audit entry 2 does not hash to its stored hash") })
        }
    }
}
/// Every table is what its kind's declaration says: the columns in order,
/// their types and whether they take NULL, and the key, whether a written
/// migration made it or the declaration did.
@Suite struct DeclaredTablesTests {
    @Test(arguments: RecordKind.allCases)
    func theTableIsTheDeclaration(_ kind: RecordKind) async throws {
        try await withSQLiteStore { _, path in
            let schema = TableSchema.of(kind)
            let queue = try DatabaseQueue(path: path)
            let rows = try await queue.read { db in try Row.fetchAll(db, sql: "PRAGMA table_info(\(schema.table))") }
            let columns = rows.map { $0["name"] as String }
            let extra = schema.keptColumns
            #expect(columns == schema.columns.map(\.name) + extra)
            for (row, column) in zip(rows, schema.columns) {
                let type: String
                switch column.storage {
                case .text, .date: type = "TEXT"
                case .integer, .money, .boolean: type = "INTEGER"
                case .real: type = "REAL"
                }
                #expect(row["type"] as String == type, "\(kind).\(column.name)")
                let required = column.required || (schema.isVersioned && column.fileName == "revision")
                #expect(
                    (row["notnull"] as Int) == (required || schema.storedKey.contains(column.name) ? 1 : 0),
                    "\(kind).\(column.name)")
            }
            let key = rows.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
            #expect(key.map { $0["name"] as String } == schema.storedKey)
            try queue.close()
        }
    }
}
