import FixedIncome
import Foundation
import GRDB
import InnobondModel
import InnobondStore
import Testing

@testable import InnobondSQLite

/// Migration v4 rewrites the enumeration checks of issuers, bonds and uses of
/// proceeds with equality tests: the rows stay, and the checks take and refuse
/// exactly what they did.
@Suite struct EqualityChecksMigrationTests {
    @Test func rowsStayAndEveryEnumerationIsCheckedAsBefore() async throws {
        try await withRegistryPath { path in
            // A registry written under version 3.
            let old = try DatabaseQueue(path: path)
            try SQLiteMigrations.migrator.migrate(old, upTo: SpellingMigration.version)
            try await old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO issuers VALUES ('91350100M000100Y43', '示例', NULL, 'semiconductors', 'Fujian', 'private', NULL);
                        INSERT INTO bonds VALUES ('SCP001.IB', '91350100M000100Y43', 'a', 'mtn', 1, 'nafmii_note',
                            '2025-01-02', '2028-01-02', 100, 1.5, 1, 'ACT/365F', 'AA+', '2027-01-02', NULL, 30);
                        INSERT INTO use_of_proceeds VALUES ('SCP001.IB', 'Lab', 'rd', 50);
                        INSERT INTO quotes VALUES ('SCP001.IB', '2025-03-03', NULL, 1.6, 'cfets');
                        """)
            }
            try old.close()

            let store = try SQLiteRegistryStore(path: path)
            let snapshot = try await store.loadSnapshot()
            #expect(snapshot.issuers.map(\.sector) == [.semiconductors])
            #expect(snapshot.bonds.map(\.regime) == [.nafmiiNote])
            #expect(snapshot.bonds.map(\.putDate?.description) == ["2027-01-02"])
            #expect(snapshot.proceeds.map(\.category) == [.rd])
            #expect(snapshot.counts[.quotes] == 1)
            try await store.close()

            let database = try DatabaseQueue(path: path)
            defer { try? database.close() }
            try await database.write { db in
                for table in ["issuers", "bonds", "use_of_proceeds"] {
                    let sql = try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_schema WHERE name = ?", arguments: [table])
                    #expect(sql?.contains(" IN (") == false, "\(table)")
                }
                try #expect(Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_list('quotes')") == 1)

                // Every value of the model's enumerations is taken.
                for (index, sector) in Sector.allCases.enumerated() {
                    for (offset, ownership) in Ownership.allCases.enumerated() {
                        try db.execute(
                            sql: "INSERT INTO issuers VALUES (?, 'x', NULL, ?, 'Fujian', ?, NULL)",
                            arguments: [
                                String(format: "%016d%02d", index, offset), sector.rawValue, ownership.rawValue,
                            ])
                    }
                }
                var serial = 0
                func insertBond(
                    type: String = "mtn", sciTech: Int = 1, regime: String? = nil, frequency: Int = 1,
                    dayCount: String = "ACT/365F"
                ) throws {
                    serial += 1
                    try db.execute(
                        sql: """
                            INSERT INTO bonds VALUES (?, '91350100M000100Y43', 'b', ?, ?, ?, '2025-01-02', '2028-01-02',
                                100, 1.5, ?, ?, NULL, NULL, NULL, NULL)
                            """,
                        arguments: ["B\(serial).IB", type, sciTech, regime, frequency, dayCount])
                }
                for type in BondType.allCases { try insertBond(type: type.rawValue) }
                for regime in Regime.allCases { try insertBond(regime: regime.rawValue) }
                for frequency in [0, 1, 2, 4, 12] { try insertBond(frequency: frequency) }
                for dayCount in DayCount.allCases { try insertBond(dayCount: dayCount.rawValue) }
                try insertBond(sciTech: 0)
                // A committed use names every category but other, which is
                // for allocations and changes of use.
                for category in ProceedsCategory.allCases where category != .other {
                    try db.execute(
                        sql: "INSERT INTO use_of_proceeds VALUES ('SCP001.IB', ?, ?, 1)",
                        arguments: [category.rawValue, category.rawValue])
                }

                // Anything else is refused, as before.
                func refused(_ body: () throws -> Void) -> Bool {
                    do {
                        try body()
                        return false
                    } catch let error as DatabaseError {
                        return error.resultCode == .SQLITE_CONSTRAINT
                    } catch {
                        return false
                    }
                }
                #expect(refused { try insertBond(type: "bond") })
                #expect(refused { try insertBond(type: "MTN") })
                #expect(refused { try insertBond(sciTech: 2) })
                #expect(refused { try insertBond(sciTech: 0, regime: "nafmii_note") })
                #expect(refused { try insertBond(regime: "other") })
                #expect(refused { try insertBond(frequency: 3) })
                #expect(refused { try insertBond(dayCount: "ACT/365") })
                #expect(
                    refused {
                        try db.execute(
                            sql:
                                "INSERT INTO issuers VALUES ('91350100M000100Y99', 'x', NULL, 'x', 'Fujian', 'private', NULL)"
                        )
                    })
                #expect(
                    refused {
                        try db.execute(
                            sql:
                                "INSERT INTO issuers VALUES ('91350100M000100Y99', 'x', NULL, 'other', 'Fujian', 'state', NULL)"
                        )
                    })
                #expect(
                    refused { try db.execute(sql: "INSERT INTO use_of_proceeds VALUES ('SCP001.IB', 'P', 'other', 1)") }
                )
            }
        }
    }
}
