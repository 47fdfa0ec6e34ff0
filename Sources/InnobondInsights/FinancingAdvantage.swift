import FixedIncome
import InnobondModel

/// Do sci-tech bonds borrow cheaper and longer than conventional bonds of
/// comparable issuers?
///
/// Method: each sci-tech bond the filter passes is matched to the
/// conventional bond (of any issuer, the filter's other conditions applying)
/// with the same rating, market, issue month and bucket of the tenor the
/// market prices it to (to the put date of a 3+2 bond), nearest in issue
/// date, then in that tenor, then by code; a conventional bond may serve
/// several sci-tech bonds (matching with replacement). The coupon difference
/// of the pairs is averaged, with a two-sided 95 % confidence interval by
/// Student's t. Issue spreads are coupons over the CGB curve of the issue
/// date (its latest day within ``CurveLibrary/maximumAgeDays``), interpolated
/// at the priced tenor's date.
public struct FinancingAdvantage: Sendable, Codable, Equatable {
    /// One matched pair.
    public struct Pair: Sendable, Codable, Equatable {
        public var sciTech: String
        public var conventional: String
        /// Sci-tech coupon minus conventional coupon, basis points.
        public var couponDifferenceBp: Double
        /// Sci-tech priced tenor minus conventional, years.
        public var tenorDifferenceYears: Double
    }

    /// What the figures allow one to say.
    public enum Conclusion: String, Sendable, Codable, Equatable {
        /// Fewer pairs than ``minimumPairs``.
        case tooFewPairs = "too_few_pairs"
        /// The whole confidence interval is below zero.
        case cheaper
        /// The whole confidence interval is above zero.
        case dearer
        /// The confidence interval contains zero.
        case noSignificantDifference = "no_significant_difference"
    }

    /// Mean figures of one group of bonds.
    public struct GroupFigures: Sendable, Codable, Equatable {
        public var bonds: Int
        /// Tenor at issue to final maturity, years.
        public var tenorYears: SampleStatistics?
        public var couponPercent: SampleStatistics?
        /// Issue spread over CGB, basis points, of the bonds with a curve on their issue date.
        public var issueSpreadBp: SampleStatistics?
    }

    public var filter: BondFilter
    public var minimumPairs: Int
    public var sciTech: GroupFigures
    public var conventional: GroupFigures
    /// Sci-tech bonds matched.
    public var pairs: [Pair]
    /// Sci-tech bonds without a comparable conventional bond.
    public var unmatched: Int
    /// Coupon difference of the pairs, basis points.
    public var couponDifferenceBp: SampleStatistics?
    /// Its 95 % confidence interval, basis points.
    public var confidenceInterval95Bp: ClosedRange<Double>?
    /// Priced-tenor difference of the pairs, years.
    public var tenorDifferenceYears: SampleStatistics?
    public var conclusion: Conclusion

    /// - Parameters:
    ///   - filter: the bonds compared; its sci-tech condition is ignored.
    ///   - curves: where the CGB curve of each issue date comes from.
    ///   - minimumPairs: fewer pairs than this are too few to conclude.
    public init(
        _ snapshot: RegistrySnapshot, filter: BondFilter, curves: CurveLibrary, governmentCurve: String = "CGB",
        minimumPairs: Int = 10
    ) {
        self.filter = filter
        self.minimumPairs = minimumPairs
        let scope = snapshot.bonds(matching: filter.with(sciTech: nil))
        let sciTechBonds = scope.filter(\.sciTech)
        let conventionalBonds = scope.filter { !$0.sciTech }

        var spreadCache: [CivilDate: HermiteCurve?] = [:]
        func issueSpreadBp(_ bond: Bond) -> Double? {
            let curve: HermiteCurve?
            if let cached = spreadCache[bond.issueDate] {
                curve = cached
            } else {
                curve = curves.day(governmentCurve, on: bond.issueDate).flatMap(curves.curve)
                spreadCache[bond.issueDate] = curve
            }
            guard let curve else { return nil }
            return (bond.couponRatePercent - 100 * curve.parYield(at: bond.pricingDate)) * 100
        }
        func figures(_ bonds: [Bond]) -> GroupFigures {
            GroupFigures(
                bonds: bonds.count, tenorYears: SampleStatistics(bonds.map(\.tenorYears)),
                couponPercent: SampleStatistics(bonds.map(\.couponRatePercent)),
                issueSpreadBp: SampleStatistics(bonds.compactMap(issueSpreadBp)))
        }
        sciTech = figures(sciTechBonds)
        conventional = figures(conventionalBonds)

        struct Cell: Hashable {
            var rating: Rating?
            var market: Market
            var month: Int
            var bucket: TenorBucket
        }
        func cell(_ bond: Bond) -> Cell {
            Cell(
                rating: bond.rating, market: bond.market, month: bond.issueDate.year * 12 + bond.issueDate.month,
                bucket: bond.pricingTenorBucket)
        }
        let candidates = Dictionary(grouping: conventionalBonds.filter { $0.rating != nil }, by: cell)
        var pairs: [Pair] = []
        for bond in sciTechBonds.sorted(by: { $0.code < $1.code }) where bond.rating != nil {
            guard let group = candidates[cell(bond)] else { continue }
            let best = group.min { a, b in
                let keyA = (
                    abs(a.issueDate.days(to: bond.issueDate)), abs(a.pricingTenorYears - bond.pricingTenorYears)
                )
                let keyB = (
                    abs(b.issueDate.days(to: bond.issueDate)), abs(b.pricingTenorYears - bond.pricingTenorYears)
                )
                return keyA != keyB ? keyA < keyB : a.code < b.code
            }!
            pairs.append(
                Pair(
                    sciTech: bond.code.value, conventional: best.code.value,
                    couponDifferenceBp: (bond.couponRatePercent - best.couponRatePercent) * 100,
                    tenorDifferenceYears: bond.pricingTenorYears - best.pricingTenorYears))
        }
        self.pairs = pairs
        unmatched = sciTechBonds.count - pairs.count
        let differences = SampleStatistics(pairs.map(\.couponDifferenceBp))
        couponDifferenceBp = differences
        confidenceInterval95Bp = differences?.confidenceInterval95
        tenorDifferenceYears = SampleStatistics(pairs.map(\.tenorDifferenceYears))
        if pairs.count < minimumPairs {
            conclusion = .tooFewPairs
        } else if let interval = confidenceInterval95Bp, interval.upperBound < 0 {
            conclusion = .cheaper
        } else if let interval = confidenceInterval95Bp, interval.lowerBound > 0 {
            conclusion = .dearer
        } else {
            conclusion = .noSignificantDifference
        }
    }
}
