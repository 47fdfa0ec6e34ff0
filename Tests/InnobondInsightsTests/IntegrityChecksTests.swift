import FixedIncome
import InnobondInsights
import InnobondModel
import Testing

/// The integrity checks on a few bonds whose committed uses are chosen to
/// fall just inside or outside each limit.
@Suite struct IntegrityChecksTests {
    static let issuer = Sample.issuer(21)
    static let lowResearch = Sample.issuer(22, sector: .advancedManufacturing)
    static let bank = Sample.issuer(23, sector: .financial)

    static func use(_ code: String, _ category: ProceedsCategory, _ yuanMillions: Int64) -> UseOfProceeds {
        UseOfProceeds(
            bondCode: BondCode(code)!, project: "\(category.rawValue) \(yuanMillions)", category: category,
            planned: Money(fen: yuanMillions * 100_000_000))
    }

    static let bonds = [
        // RMB 1 bn each.
        Sample.bond("102500001.IB", issuer: issuer, issued: "2025-03-01", approvalDays: 10),
        Sample.bond("102500002.IB", issuer: issuer, issued: "2025-03-02", approvalDays: 11),
        Sample.bond("102500003.IB", issuer: lowResearch, issued: "2025-03-03"),
        Sample.bond("102500004.IB", issuer: bank, issued: "2025-03-04"),
    ]
    static let proceeds = [
        // 700 m of 1 bn to R&D: exactly the 70 % floor, not below; 300 m working capital: exactly the cap.
        use("102500001.IB", .rd, 700), use("102500001.IB", .workingCapital, 300),
        // 690 m sci-tech: below the floor; 310 m refinancing: above the cap.
        use("102500002.IB", .capacity, 690), use("102500002.IB", .refinancing, 310),
        use("102500003.IB", .rd, 1000),
    ]
    static let financials = [
        // 4.9 % R&D over three years, RMB 58.8 m cumulative, 29 patents: shows none of the criteria.
        IssuerFinancials(
            uscc: lowResearch.uscc, year: 2024, revenue: Money(fen: 40_000_000_000),
            researchSpend: Money(fen: 1_960_000_000),
            inventionPatents: 29),
        IssuerFinancials(
            uscc: lowResearch.uscc, year: 2023, revenue: Money(fen: 40_000_000_000),
            researchSpend: Money(fen: 1_960_000_000)),
        IssuerFinancials(
            uscc: lowResearch.uscc, year: 2022, revenue: Money(fen: 40_000_000_000),
            researchSpend: Money(fen: 1_960_000_000)),
        // An older year does not count.
        IssuerFinancials(
            uscc: lowResearch.uscc, year: 2021, revenue: Money(fen: 1_000), researchSpend: Money(fen: 1_000)),
    ]

    func flags() -> [String: IntegrityFlag] {
        let snapshot = Sample.snapshot(
            issuers: [Self.issuer, Self.lowResearch, Self.bank], financials: Self.financials, bonds: Self.bonds,
            proceeds: Self.proceeds)
        return Dictionary(uniqueKeysWithValues: IntegrityChecks.run(snapshot, filter: .all).map { ($0.id, $0) })
    }

    @Test func committedUsesAgainstTheFloorAndTheCap() {
        let flags = flags()
        // A bond without committed uses has its own flag.
        #expect(flags["below_sci_tech_floor"]?.codes == ["102500002.IB"])
        #expect(flags["refinancing_and_working_capital"]?.codes == ["102500002.IB"])
        #expect(flags["no_committed_uses"]?.codes == ["102500004.IB"])
        #expect(
            flags["below_sci_tech_floor"]?.takeaway.text
                == "1 of 4 sci-tech bonds (RMB 1.0 bn) commits less than 70 % of its proceeds to sci-tech uses.")
        // One of a kind takes the singular.
        #expect(
            flags["no_committed_uses"]?.takeaway.text
                == "1 sci-tech bond (RMB 1.0 bn) has no committed use of proceeds on record.")
    }

    @Test func eligibilityAndApprovals() {
        let flags = flags()
        // The bank is a financial institution: its eligibility rests on other rules.
        #expect(flags["eligibility_not_shown"]?.codes == [Self.lowResearch.uscc.value])
        #expect(flags["no_financials"]?.codes == [Self.issuer.uscc.value])
        #expect(flags["slow_approval"]?.codes == ["102500002.IB"])  // 11 days; 10 is within the limit
    }

    @Test func aFallingShareOfBondsWithResearchAsTheirMainUse() {
        // 10 bonds in 2025 H1 with R&D first; 10 in 2025 H2, 9 with R&D first: 100 % to 90 %.
        var bonds: [Bond] = []
        var proceeds: [UseOfProceeds] = []
        for index in 0..<20 {
            let code = "1025\(String(1000 + index)).IB"
            bonds.append(Sample.bond(code, issuer: Self.issuer, issued: index < 10 ? "2025-03-01" : "2025-09-01"))
            proceeds.append(Self.use(code, index == 19 ? .capacity : .rd, 600))
            proceeds.append(Self.use(code, index == 19 ? .rd : .capacity, 400))
        }
        let snapshot = Sample.snapshot(issuers: [Self.issuer], bonds: bonds, proceeds: proceeds)
        let flag = IntegrityChecks.run(snapshot, filter: .all).first { $0.id == "rd_main_use_falling" }
        #expect(
            flag?.takeaway.text
                == "The share of sci-tech bonds with R&D as their main committed use fell from 100.0 % in 2025 H1 (10 bonds) to 90.0 % in 2025 H2 (10 bonds)."
        )
        // Under a limit of 20 points the fall is not flagged.
        var settings = IntegritySettings()
        settings.researchShareDrop = 0.20
        #expect(
            IntegrityChecks.run(snapshot, filter: .all, settings: settings).allSatisfy {
                $0.id != "rd_main_use_falling"
            })
    }

    @Test func noSciTechBondsNoFlags() {
        #expect(IntegrityChecks.run(Sample.snapshot(), filter: .all).isEmpty)
    }
}
