import FixedIncome
import Foundation
import InnobondDemo
import InnobondInsights
import InnobondModel
import Testing

/// `innobond insights` loads only the kinds a summary declares it reads.
@Suite struct InsightsSummaryTests {
    /// A snapshot of the declared kinds alone gives the whole demo
    /// registry's summary, to the byte, and the same default period.
    @Test func theDeclaredKindsAreAllASummaryReads() throws {
        let whole = DemoDataSet.build().snapshot
        var tables = RecordTables()
        tables.replace(InsightsSummary.kinds, from: whole.tables)
        let declared = RegistrySnapshot(isDemo: true, tables: tables, counts: whole.counts)
        #expect(declared.bonds.count == whole.bonds.count && !declared.curvePoints.isEmpty)

        let through = try #require(Briefing.defaultEnd(whole, asOf: nil, today: nil))
        #expect(Briefing.defaultEnd(declared, asOf: nil, today: nil) == through)
        let filter = BondFilter(issued: DateRange(from: CivilDate(year: 2024, month: 1, day: 1)!, to: through))
        func summary(_ snapshot: RegistrySnapshot) throws -> Data {
            try JSONEncoder.api.encode(InsightsSummary(snapshot, filter: filter, through: through))
        }
        #expect(try summary(declared) == summary(whole))
    }
}
