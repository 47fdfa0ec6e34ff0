import Foundation
import GRDB
import InnobondModel
import InnobondStore
import Testing

@testable import InnobondSQLite

/// Rows stored before imports made spellings canonical take them when the
/// registry is next opened.
@Suite struct SpellingMigrationTests {
    @Test func storedCodesAndProvincesTakeTheRegistrysSpelling() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite").path
        // A registry as the schema of version 2 let it be written.
        let old = try DatabaseQueue(path: path)
        try SQLiteMigrations.migrator.migrate(old, upTo: "v2: api tokens")
        try await old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO issuers VALUES ('91350100M000100Y43', '示例', NULL, 'other', 'xizang', 'private', '688001.sh');
                    INSERT INTO issuers VALUES ('91440300708461136T', '示例二', NULL, 'other', 'jiangsu', 'private', NULL);
                    INSERT INTO bonds (code, uscc, name, type, sci_tech, issue_date, maturity_date, amount_fen,
                        coupon_rate, frequency, day_count)
                        VALUES ('scp001.IB', '91350100M000100Y43', 'a', 'mtn', 0, '2025-01-02', '2026-01-02', 100, 1.5, 1,
                        'ACT/365F'),
                        ('dup01.SH', '91350100M000100Y43', 'old', 'mtn', 0, '2025-01-02', '2026-01-02', 100, 1.5, 1,
                        'ACT/365F'),
                        ('DUP01.SH', '91350100M000100Y43', 'new', 'mtn', 0, '2025-01-02', '2026-01-02', 100, 1.5, 1,
                        'ACT/365F');
                    INSERT INTO quotes VALUES ('scp001.IB', '2025-03-03', NULL, 1.6, 'cfets');
                    INSERT INTO quotes VALUES ('dup01.SH', '2025-03-03', NULL, 1.1, 'sse');
                    INSERT INTO quotes VALUES ('DUP01.SH', '2025-03-03', NULL, 1.2, 'sse');
                    INSERT INTO quotes VALUES ('dup01.SH', '2025-03-04', NULL, 1.3, 'sse');
                    INSERT INTO use_of_proceeds VALUES ('scp001.IB', 'Lab', 'rd', 50);
                    """)
        }
        try old.close()

        let store = try SQLiteRegistryStore(path: path)
        let snapshot = try await store.loadSnapshot()
        try await store.close()
        #expect(snapshot.issuers.map(\.province).sorted() == ["Jiangsu", "Tibet"])
        #expect(snapshot.issuers.compactMap(\.listedCode) == ["688001.SH"])
        #expect(snapshot.bonds.map(\.code.value).sorted() == ["DUP01.SH", "SCP001.IB"])
        // The capitalised twin keeps its own name and quote; the lower-case
        // bond's other quote joins it.
        #expect(snapshot.bonds.first { $0.code.value == "DUP01.SH" }?.name == "new")
        let reopened = try DatabaseQueue(path: path)
        defer { try? reopened.close() }
        let quotes = try await reopened.read { db in
            try Row.fetchAll(db, sql: "SELECT bond_code, date, yield FROM quotes ORDER BY bond_code, date").map {
                "\($0["bond_code"] as String) \($0["date"] as String) \($0["yield"] as Double)"
            }
        }
        #expect(quotes == ["DUP01.SH 2025-03-03 1.2", "DUP01.SH 2025-03-04 1.3", "SCP001.IB 2025-03-03 1.6"])
        let uses = try await reopened.read { db in try String.fetchAll(db, sql: "SELECT bond_code FROM use_of_proceeds")
        }
        #expect(uses == ["SCP001.IB"])
    }
}
