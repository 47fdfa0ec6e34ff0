import FixedIncome
import Foundation
import InnobondIO
import InnobondModel
import InnobondPostgres
import InnobondSQLite
import InnobondStore
import InnobondTestSupport
import Testing

/// Backups taken while imports go on hold the registry of one moment, and
/// restore into empty registries of either store with every kind's export
/// byte-identical to the source's at that moment.
@Suite(.enabled(if: postgresURL != nil, "set INNOBOND_TEST_POSTGRES_URL to run against PostgreSQL"))
struct BackupTests {
    /// A new SQLite registry in a folder removed when the test process ends.
    static func makeSQLite() throws -> SQLiteRegistryStore {
        try SQLiteRegistryStore(path: temporaryPath())
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("innobond-backup-\(UUID().uuidString).sqlite")
            .path
    }

    /// The `step`th write: a curve point and a quote of one new date, in
    /// one transaction, so that a consistent read sees both or neither.
    static func write(_ step: Int, into store: any RegistryStore) async throws {
        let date = CivilDate(year: 2025, month: 7, day: 1)!.adding(days: step)!
        let curves = "curve,date,tenor,yield\nCGB,\(date.iso8601),1Y,\(1 + Double(step) / 1000)\n"
        let quotes = "bond_code,date,clean_price,yield,source\n102580123.IB,\(date.iso8601),100.5,,chinabond\n"
        let reports = try await store.importRows(
            from: [
                try ImportSource(kind: .curves, format: .csv, input: MemoryInput(Array(curves.utf8))),
                try ImportSource(kind: .quotes, format: .csv, input: MemoryInput(Array(quotes.utf8))),
            ], options: ImportOptions(), markDemo: nil, progress: nil)
        #expect(reports.allSatisfy { $0.committed })
    }

    static func exports(_ store: any RegistryStore) async throws -> [String] {
        var texts: [String] = []
        for kind in RecordKind.allCases { texts.append(try await StoreContract.exportText(store, kind)) }
        return texts
    }

    @Test(arguments: ["sqlite", "postgres"])
    func aBackupTakenDuringImportsRestoresItsMoment(_ sourceStore: String) async throws {
        let source: any RegistryStore = sourceStore == "sqlite" ? try Self.makeSQLite() : try await makePostgresStore()
        try await StoreContract.importAll(source)
        let writer = Task {
            for step in 0..<60 { try await Self.write(step, into: source) }
        }
        // Well into the writes, the backup: a new SQLite file, as `innobond backup` makes.
        // A writer that stopped early ends the wait: its error is thrown below.
        let deadline = ContinuousClock.now + .seconds(120)
        while try await source.loadSnapshot().curvePoints.count < 3 + 5 {
            if ContinuousClock.now > deadline {
                writer.cancel()
                _ = try await writer.value
                Issue.record("the writes did not reach the fifth in 120 s")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        let backupPath = Self.temporaryPath()
        let backup = try SQLiteRegistryStore(path: backupPath)
        _ = try await source.withConsistentReader { reader in
            try await backup.restore(from: reader, actor: nil, progress: nil)
        }
        try await backup.close()
        try await writer.value

        // The moment: the fixtures and the first `taken` writes, curves and
        // quotes alike.
        let reader = try SQLiteFileReader(path: backupPath)
        let inBackup = try await reader.rows(of: StoredTable(TableSchema.of(.curves)), after: nil, limit: 1000).count
        let quotesInBackup = try await reader.rows(of: StoredTable(TableSchema.of(.quotes)), after: nil, limit: 1000)
            .count
        let taken = inBackup - 3
        #expect(taken >= 5 && taken <= 60)
        #expect(quotesInBackup - 4 == taken, "curves and quotes of the backup come from one moment")
        let reference = try Self.makeSQLite()
        try await StoreContract.importAll(reference)
        for step in 0..<taken { try await Self.write(step, into: reference) }
        let expected = try await Self.exports(reference)
        try await reference.close()

        for target in [try Self.makeSQLite() as any RegistryStore, try await makePostgresStore()] {
            let report = try await target.restore(from: reader, actor: .system, progress: nil)
            #expect(report.rows.first { $0.table == "curve_points" }?.count == inBackup)
            #expect(try await Self.exports(target) == expected, "\(target.location)")
            #expect(try await target.check().isClean)
            // A second restore is refused: the registry is no longer empty.
            await #expect(throws: StoreError.self) {
                _ = try await target.restore(from: reader, actor: .system, progress: nil)
            }
            try await target.close()
        }
        try await source.close()
    }

    /// Tokens keep their hashes and numbers; the next token numbers after them.
    @Test func tokensSurviveARestore() async throws {
        let source = try Self.makeSQLite()
        let hash = String(repeating: "ab", count: 32)
        let token = try await source.createToken(name: "desk", role: .analyst, secretHash: hash, actor: .system)
        let path = Self.temporaryPath()
        try await source.backup(to: path)
        try await source.close()
        let target = try await makePostgresStore()
        _ = try await target.restore(from: try SQLiteFileReader(path: path), actor: .system, progress: nil)
        #expect(try await target.token(secretHash: hash) == token)
        let next = try await target.createToken(
            name: "next", role: .viewer, secretHash: String(repeating: "cd", count: 32), actor: .system)
        #expect(next.id > token.id)
        try await target.close()
    }
}
