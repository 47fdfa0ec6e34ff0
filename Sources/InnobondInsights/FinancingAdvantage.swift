import FixedIncome
import InnobondModel

/// Do sci-tech bonds borrow cheaper and longer than conventional bonds of
/// comparable issuers?
///
/// Method: each sci-tech bond the filter passes is matched to the
/// conventional bond (of any issuer, the filter's other conditions applying
/// but its regimes, which conventional bonds have none of)
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
    ///   - filter: the bonds compared; its sci-tech condition is ignored, its
    ///     regimes choose the sci-tech bonds only.
    ///   - curves: where the CGB curve of each issue date comes from.
    ///   - minimumPairs: fewer pairs than this are too few to conclude.
    public init(
        _ snapshot: RegistrySnapshot, filter: BondFilter, curves: CurveLibrary, governmentCurve: String = "CGB",
        minimumPairs: Int = 10
    ) {
        self.filter = filter
        self.minimumPairs = minimumPairs
        // Bonds are read in place, by their position in the snapshot: copying them costs more than the analysis.
        var both = filter.with(sciTech: nil)
        both.regimes = []
        let scope = snapshot.bonds
        let inScope = snapshot.positions(matching: both)
        let sciTechIndices = inScope.filter { index in
            scope[index].sciTech && (filter.regimes.isEmpty || scope[index].regime.map(filter.regimes.contains) == true)
        }
        let conventionalIndices = inScope.filter { !scope[$0].sciTech }

        // The scope's first and last issue days and months bound the tables below.
        let firstDay = inScope.lazy.map { scope[$0].issueDate.dayNumber }.min() ?? 0
        let lastDay = inScope.lazy.map { scope[$0].issueDate.dayNumber }.max() ?? -1
        // Each issue day's curve, built once: nil before it is asked for.
        var curveOfDay = [HermiteParYields??](repeating: nil, count: Swift.max(0, lastDay - firstDay + 1))
        func issueSpreadBp(_ index: Int) -> Double? {
            let day = scope[index].issueDate.dayNumber - firstDay
            if curveOfDay[day] == nil {
                curveOfDay[day] = curves.day(governmentCurve, on: scope[index].issueDate).flatMap(curves.interpolation)
            }
            guard let curve = curveOfDay[day]! else { return nil }
            return (scope[index].couponRatePercent - 100 * curve.parYield(at: scope[index].pricingDate)) * 100
        }
        func figures(_ indices: [Int]) -> GroupFigures {
            GroupFigures(
                bonds: indices.count, tenorYears: SampleStatistics(indices.map { scope[$0].tenorYears }),
                couponPercent: SampleStatistics(indices.map { scope[$0].couponRatePercent }),
                issueSpreadBp: SampleStatistics(indices.compactMap(issueSpreadBp)))
        }
        sciTech = figures(sciTechIndices)
        conventional = figures(conventionalIndices)

        // Match on plain numbers: a cell is one integer of the rating's rank,
        // the market, the issue month and the priced tenor's bucket.
        struct Terms {
            var index: Int
            var day: Int
            var years: Double
            /// The place in code order: the first of equals is the lowest.
            var rank: Int
        }
        let markets = Market.allCases
        let buckets = TenorBucket.allCases
        let ratings = Rating.scale.count
        let firstMonth = CivilDate(dayNumber: firstDay).map { $0.year * 12 + $0.month } ?? 0
        let lastMonth = CivilDate(dayNumber: lastDay).map { $0.year * 12 + $0.month } ?? -1
        let cellCount = Swift.max(0, lastMonth - firstMonth + 1) * markets.count * buckets.count * ratings
        /// The cell of a rated bond.
        func cell(_ index: Int) -> Int {
            let date = scope[index].issueDate
            let month = date.year * 12 + date.month - firstMonth
            let market = markets.firstIndex(of: scope[index].market)!
            let bucket = buckets.firstIndex(of: scope[index].pricingTenorBucket)!
            return ((month * markets.count + market) * buckets.count + bucket) * ratings + scope[index].rating!.rank
        }
        // The rated conventional bonds grouped by cell (a counting sort, in
        // code order), each cell by issue day, then code: the nearest days
        // are found by a binary search rather than a scan of the cell.
        let rated = snapshot.inCodeOrder(conventionalIndices).enumerated().filter { scope[$0.element].rating != nil }
        let cells = rated.map { cell($0.element) }
        var cellStarts = [Int](repeating: 0, count: cellCount + 1)
        for cell in cells { cellStarts[cell + 1] += 1 }
        for cell in 0..<cellCount { cellStarts[cell + 1] += cellStarts[cell] }
        var candidates = [Terms](repeating: Terms(index: 0, day: 0, years: 0, rank: 0), count: rated.count)
        var filled = cellStarts
        for ((rank, index), cell) in zip(rated, cells) {
            candidates[filled[cell]] = Terms(
                index: index, day: scope[index].issueDate.dayNumber, years: scope[index].pricingTenorYears, rank: rank)
            filled[cell] += 1
        }
        for cell in 0..<cellCount where cellStarts[cell + 1] - cellStarts[cell] > 1 {
            candidates[cellStarts[cell]..<cellStarts[cell + 1]].sort {
                $0.day == $1.day ? $0.rank < $1.rank : $0.day < $1.day
            }
        }
        var pairs: [Pair] = []
        for index in snapshot.inCodeOrder(sciTechIndices) where scope[index].rating != nil {
            // The cell's candidates are candidates[first..<end].
            let cell = cell(index)
            let (first, end) = (cellStarts[cell], cellStarts[cell + 1])
            guard first < end else { continue }
            let day = scope[index].issueDate.dayNumber
            let years = scope[index].pricingTenorYears
            // Nearest issue date, then nearest priced tenor, then the first in code order.
            var (low, high) = (first, end)
            while low < high {
                let middle = (low + high) / 2
                if candidates[middle].day < day { low = middle + 1 } else { high = middle }
            }
            let after = low < end ? candidates[low].day - day : Int.max
            let before = low > first ? day - candidates[low - 1].day : Int.max
            let nearest = min(after, before)
            var best: Terms?
            func consider(_ terms: Terms) {
                guard let chosen = best else {
                    best = terms
                    return
                }
                let (distance, chosenDistance) = (abs(terms.years - years), abs(chosen.years - years))
                if distance < chosenDistance || (distance == chosenDistance && terms.rank < chosen.rank) {
                    best = terms
                }
            }
            if after == nearest {
                var place = low
                while place < end && candidates[place].day == candidates[low].day {
                    consider(candidates[place])
                    place += 1
                }
            }
            if before == nearest {
                var place = low - 1
                while place >= first && candidates[place].day == candidates[low - 1].day {
                    consider(candidates[place])
                    place -= 1
                }
            }
            guard let best else { continue }
            pairs.append(
                Pair(
                    sciTech: scope[index].code.value, conventional: scope[best.index].code.value,
                    couponDifferenceBp: (scope[index].couponRatePercent - scope[best.index].couponRatePercent) * 100,
                    tenorDifferenceYears: years - best.years))
        }
        self.pairs = pairs
        unmatched = sciTechIndices.count - pairs.count
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
