import FixedIncome
import InnobondInsights
import InnobondModel
import Testing

/// Matched-pair coupon differences and issue spreads, worked out by hand.
@Suite struct FinancingAdvantageTests {
    static let x = Sample.issuer(11)
    static let y = Sample.issuer(12)
    static let sciTech = [
        Sample.bond("102500001.IB", issuer: x, issued: "2025-03-10", coupon: 2.30),
        Sample.bond("102500002.IB", issuer: x, issued: "2025-03-20", coupon: 2.35),
        Sample.bond("102500003.IB", issuer: x, issued: "2025-03-25", coupon: 2.50),
        // No AA conventional bond: unmatched. Its curve (1 March) is 13 days old: no issue spread.
        Sample.bond("102500004.IB", issuer: x, issued: "2025-03-14", coupon: 2.60, rating: "AA"),
    ]
    static let conventional = [
        Sample.bond("102500101.IB", issuer: y, sciTech: false, issued: "2025-03-05", coupon: 2.50),
        Sample.bond("102500102.IB", issuer: y, sciTech: false, issued: "2025-03-21", coupon: 2.55),
        Sample.bond("102500103.IB", issuer: y, sciTech: false, issued: "2025-03-10", coupon: 2.00, rating: "AAA"),
    ]
    static let curves = CurveLibrary(Sample.flatCurve("2025-03-01", 2.0) + Sample.flatCurve("2025-03-15", 2.0))

    func advantage(_ bonds: [Bond], minimumPairs: Int = 10) -> FinancingAdvantage {
        FinancingAdvantage(
            Sample.snapshot(issuers: [Self.x, Self.y], bonds: bonds), filter: .all, curves: Self.curves,
            minimumPairs: minimumPairs)
    }

    @Test func pairsTheNearestConventionalBondOfTheSameCell() throws {
        let result = advantage(Self.sciTech + Self.conventional, minimumPairs: 3)
        // 10 March → 5 March (5 days, not 21 March); 20 March → 21 March; 25 March → 21 March.
        #expect(result.pairs.map(\.conventional) == ["102500101.IB", "102500102.IB", "102500102.IB"])
        #expect(result.unmatched == 1)
        let difference = try #require(result.couponDifferenceBp)
        // −20, −20 and −5 bp: mean −15; squares of deviations 25 + 25 + 100 over 2 give 75.
        #expect(abs(difference.mean - -15) < 1e-9)
        #expect(abs(difference.standardDeviation - 75.0.squareRoot()) < 1e-9)
        // t(0.975, 2) = 4.30265273 times 75^½ / 3^½ = 5.
        let interval = try #require(result.confidenceInterval95Bp)
        #expect(abs(interval.lowerBound - (-15 - 4.30265273 * 5)) < 1e-6)
        #expect(abs(interval.upperBound - (-15 + 4.30265273 * 5)) < 1e-6)
        #expect(result.conclusion == .noSignificantDifference)
        #expect(advantage(Self.sciTech + Self.conventional).conclusion == .tooFewPairs)
    }

    /// A regime chooses sci-tech bonds; conventional bonds, which have none,
    /// are still their matches.
    @Test func aRegimeChoosesTheSciTechSideOnly() {
        var filter = BondFilter.all
        filter.regimes = [.techBoard2025]
        let snapshot = Sample.snapshot(issuers: [Self.x, Self.y], bonds: Self.sciTech + Self.conventional)
        let result = FinancingAdvantage(snapshot, filter: filter, curves: Self.curves, minimumPairs: 3)
        #expect(result.pairs.map(\.conventional) == ["102500101.IB", "102500102.IB", "102500102.IB"])
        filter.regimes = [.nafmiiNote]
        #expect(FinancingAdvantage(snapshot, filter: filter, curves: Self.curves).pairs.isEmpty)
    }

    @Test func aWholeIntervalBelowZeroIsCheaper() {
        let result = advantage(Array(Self.sciTech.prefix(2)) + Self.conventional, minimumPairs: 2)
        #expect(result.couponDifferenceBp.map { abs($0.mean + 20) < 1e-9 } == true)
        #expect(result.conclusion == .cheaper)
    }

    @Test func issueSpreadsAreOverTheCGBCurveOfTheIssueDate() throws {
        let result = advantage(Self.sciTech + Self.conventional)
        // Sci-tech: 30, 35 and 50 bp over a flat 2 %; the AA bond has no curve within 10 days.
        let sciTech = try #require(result.sciTech.issueSpreadBp)
        #expect(sciTech.count == 3)
        #expect(abs(sciTech.mean - 115.0 / 3) < 1e-6)
        // Conventional: 50, 55 and 0 bp.
        let conventional = try #require(result.conventional.issueSpreadBp)
        #expect(abs(conventional.mean - 35) < 1e-6)
        #expect(result.sciTech.bonds == 4 && result.conventional.bonds == 3)
    }

    @Test func tiesInDateGoToTheNearerTenor() {
        let twoYear = Sample.bond("102500005.IB", issuer: Self.x, issued: "2025-06-15", years: 2, coupon: 2.2)
        let nearerTenor = Sample.bond(
            "102500199.IB", issuer: Self.y, sciTech: false, issued: "2025-06-18", years: 2, coupon: 2.4)
        let longer = Sample.bond(
            "102500198.IB", issuer: Self.y, sciTech: false, issued: "2025-06-12", years: 2, months: 2, coupon: 2.4)
        let result = advantage([twoYear, nearerTenor, longer])
        #expect(result.pairs.map(\.conventional) == ["102500199.IB"])
    }

    @Test func noBondsGiveNoFiguresAndTooFewPairs() {
        let result = advantage([])
        #expect(result.pairs.isEmpty && result.couponDifferenceBp == nil && result.confidenceInterval95Bp == nil)
        #expect(result.sciTech.issueSpreadBp == nil)
        #expect(result.conclusion == .tooFewPairs)
    }
}
