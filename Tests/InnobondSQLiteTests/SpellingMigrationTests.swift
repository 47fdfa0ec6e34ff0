import Foundation
import GRDB
import InnobondModel
import InnobondStore
import InnobondTestSupport
import Testing

@testable import InnobondSQLite

/// Rows stored before imports made spellings canonical take them when the
/// registry is next opened.
@Suite struct SpellingMigrationTests {
    @Test func storedCodesProvincesAndTenorsTakeTheRegistrysSpelling() async throws {
        try await withRegistryPath { path in
            // A registry as the schema of version 2 let it be written.
            let old = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(old, upTo: "v2: api tokens")
            @Sendable func bond(_ code: String, _ name: String) -> String {
                "('\(code)', '91350100M000100Y43', '\(name)', 'mtn', 0, '2025-01-02', '2026-01-02', 100, 1.5, 1, 'ACT/365F')"
            }
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO issuers VALUES ('91350100M000100Y43', '示例', NULL, 'other', 'xizang', 'private', '688001.sh');
                        INSERT INTO issuers VALUES ('91440300708461136T', '示例二', NULL, 'other', 'NeiMengGu', 'private', NULL);
                        INSERT INTO bonds (code, uscc, name, type, sci_tech, issue_date, maturity_date, amount_fen,
                            coupon_rate, frequency, day_count)
                            VALUES \(bond("scp001.IB", "a")), \(bond("dup01.SH", "old")), \(bond("DUP01.SH", "new")),
                            \(bond("ab.IB", "lower")), \(bond("Ab.IB", "mixed"));
                        INSERT INTO quotes VALUES ('scp001.IB', '2025-03-03', NULL, 1.6, 'cfets');
                        INSERT INTO quotes VALUES ('scp001.IB', '2026-01-02', NULL, 1.6, 'cfets');
                        INSERT INTO quotes VALUES ('dup01.SH', '2025-03-03', NULL, 1.1, 'sse');
                        INSERT INTO quotes VALUES ('DUP01.SH', '2025-03-03', NULL, 1.2, 'sse');
                        INSERT INTO quotes VALUES ('dup01.SH', '2025-03-04', NULL, 1.3, 'sse');
                        INSERT INTO quotes VALUES ('ab.IB', '2025-03-03', NULL, 2.1, 'cfets');
                        INSERT INTO quotes VALUES ('Ab.IB', '2025-03-03', NULL, 2.2, 'cfets');
                        INSERT INTO use_of_proceeds VALUES ('scp001.IB', 'Lab', 'rd', 50);
                        INSERT INTO use_of_proceeds VALUES ('ab.IB', 'Lab', 'rd', 10);
                        INSERT INTO use_of_proceeds VALUES ('Ab.IB', 'Lab', 'rd', 20);
                        INSERT INTO curve_points VALUES ('CGB', '2025-03-03', '12M', 1.40);
                        INSERT INTO curve_points VALUES ('CGB', '2025-03-03', '1Y', 1.45);
                        INSERT INTO curve_points VALUES ('CGB', '2025-03-03', '24M', 1.50);
                        INSERT INTO curve_points VALUES ('CGB', '2025-03-03', '14D', 1.30);
                        INSERT INTO curve_points VALUES ('CGB', '2025-03-03', '18M', 1.47);
                        """)
            }
            try old.close()

            let store = try SQLiteRegistryStore(path: path)
            let snapshot = try await store.loadSnapshot()
            #expect(snapshot.issuers.map(\.province).sorted() == ["Inner Mongolia", "Tibet"])
            #expect(snapshot.issuers.compactMap(\.listedCode) == ["688001.SH"])
            #expect(snapshot.bonds.map(\.code.value).sorted() == ["AB.IB", "DUP01.SH", "SCP001.IB"])
            // The capitalised twin keeps its own name and quote; the lower-case
            // bond's other quote joins it. Without a capitalised twin, the
            // smallest code in byte order (Ab before ab) gives its row.
            #expect(snapshot.bonds.first { $0.code.value == "DUP01.SH" }?.name == "new")
            #expect(snapshot.bonds.first { $0.code.value == "AB.IB" }?.name == "mixed")
            #expect(
                snapshot.curvePoints.map { "\($0.tenor) \($0.yieldPercent)" }.sorted() == [
                    "18M 1.47", "1Y 1.45", "2W 1.3", "2Y 1.5",
                ])
            // A quote stored on its bond's maturity day, before the rule that
            // refuses it, does not stop its bond from being imported again.
            let bonds =
                "code,uscc,name,type,sci_tech,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count\n"
                + "SCP001.IB,91350100M000100Y43,a,mtn,false,2025-01-02,2026-01-02,1,1.5,1,ACT/365F\n"
            let report = try await StoreContract.importText(store, .bonds, bonds)
            #expect(report.committed && report.badRows == 0, "\(report.issues)")
            try await store.close()
            let reopened = try DatabaseQueue(path: path)
            defer { try? reopened.close() }
            let quotes = try await reopened.read { db in
                try Row.fetchAll(db, sql: "SELECT bond_code, date, yield FROM quotes ORDER BY bond_code, date").map {
                    "\($0["bond_code"] as String) \($0["date"] as String) \($0["yield"] as Double)"
                }
            }
            #expect(
                quotes == [
                    "AB.IB 2025-03-03 2.2", "DUP01.SH 2025-03-03 1.2", "DUP01.SH 2025-03-04 1.3",
                    "SCP001.IB 2025-03-03 1.6", "SCP001.IB 2026-01-02 1.6",
                ])
            let uses = try await reopened.read { db in
                try Row.fetchAll(db, sql: "SELECT bond_code, planned_fen FROM use_of_proceeds ORDER BY bond_code").map {
                    "\($0["bond_code"] as String) \($0["planned_fen"] as Int)"
                }
            }
            #expect(uses == ["AB.IB 20", "SCP001.IB 50"])
        }
    }
}
