import FixedIncome
import InnobondModel

/// The figures of `innobond insights`: issuance statistics and the financing
/// advantage of the bonds a filter passes, and the monetary monitor.
public struct InsightsSummary: Sendable, Codable {
    /// The financing advantage without its list of pairs.
    public struct Advantage: Sendable, Codable {
        public var sciTech: FinancingAdvantage.GroupFigures
        public var conventional: FinancingAdvantage.GroupFigures
        public var pairs: Int
        public var unmatched: Int
        public var couponDifferenceBp: SampleStatistics?
        public var confidenceInterval95Bp: ClosedRange<Double>?
        public var tenorDifferenceYears: SampleStatistics?
        public var conclusion: FinancingAdvantage.Conclusion

        public init(_ advantage: FinancingAdvantage) {
            sciTech = advantage.sciTech
            conventional = advantage.conventional
            pairs = advantage.pairs.count
            unmatched = advantage.unmatched
            couponDifferenceBp = advantage.couponDifferenceBp
            confidenceInterval95Bp = advantage.confidenceInterval95Bp
            tenorDifferenceYears = advantage.tenorDifferenceYears
            conclusion = advantage.conclusion
        }
    }

    /// One macro series as the monitor sees it.
    public struct Series: Sendable, Codable {
        public var series: String
        public var definitions: [DefinitionSpan]
        public var growth: [GrowthPoint]
        /// The mean growth of each calendar year with growth figures.
        public var yearlyGrowth: [YearAverage]
    }

    /// A calendar year's mean.
    public struct YearAverage: Sendable, Codable, Equatable {
        public var year: Int
        public var value: Double
        public var count: Int
    }

    /// Sci-tech bonds the filter passes.
    public var issuance: IssuanceStatistics
    public var advantage: Advantage
    public var series: [Series]
    /// The M2–M1 gap, month by month.
    public var gap: [GrowthPoint]
    public var yearlyGap: [YearAverage]
    /// The financing-conditions table ending with the filter's last issue date.
    public var conditions: FinancingConditions

    /// The kinds a summary reads, its default period's end included: bonds,
    /// their issuers, curves and money figures.
    public static let kinds: Set<RecordKind> = [.bonds, .issuers, .curves, .macro]

    /// - Parameters:
    ///   - filter: the bonds covered; issuance counts its sci-tech bonds, the
    ///     advantage compares them with its conventional ones.
    ///   - through: the end of the conditions table.
    public init(
        _ snapshot: RegistrySnapshot, filter: BondFilter, through: CivilDate, asOf: CivilDate? = nil,
        minimumPairs: Int = 10
    ) {
        let curves = CurveLibrary(snapshot.curvePoints)
        (issuance, advantage) = Parallel.both(
            { IssuanceStatistics(snapshot, filter: filter.with(sciTech: true)) },
            { Advantage(FinancingAdvantage(snapshot, filter: filter, curves: curves, minimumPairs: minimumPairs)) })
        let monitor = MacroMonitor(snapshot.macro, asOf: asOf)
        series = monitor.seriesNames.map { name in
            let growth = monitor.growth(name)
            return Series(
                series: name, definitions: monitor.definitions(of: name), growth: growth,
                yearlyGrowth: Self.yearly(growth))
        }
        gap = monitor.gap()
        yearlyGap = Self.yearly(gap)
        conditions = FinancingConditions(monitor: monitor, curves: curves, through: through)
    }

    static func yearly(_ points: [GrowthPoint]) -> [YearAverage] {
        Dictionary(grouping: points, by: \.period.year).map { year, points in
            YearAverage(
                year: year, value: points.reduce(0) { $0 + $1.valuePercent } / Double(points.count),
                count: points.count)
        }.sorted { $0.year < $1.year }
    }
}
