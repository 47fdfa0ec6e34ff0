import FixedIncome
import InnobondModel

/// The registry's curve points by curve and date, and the curves built from
/// them with ChinaBond's method (monotone Hermite interpolation of par
/// yields).
public struct CurveLibrary: Sendable {
    /// One curve on one date: its points by tenor.
    public struct Day: Sendable {
        public var date: CivilDate
        /// Tenor and par yield in percent, shortest first.
        public var points: [(tenor: Tenor, yieldPercent: Double)]
    }

    /// Days of each curve, in date order.
    public let days: [String: [Day]]

    /// Curves older than this many days before the date asked for are not used.
    public var maximumAgeDays: Int

    public init(_ points: [CurvePoint], maximumAgeDays: Int = CurveDates.maximumAgeDays) {
        var grouped: [String: [CivilDate: [(Tenor, Double)]]] = [:]
        for point in points {
            grouped[point.curve, default: [:]][point.date, default: []].append((point.tenor, point.yieldPercent))
        }
        days = grouped.mapValues { byDate in
            byDate.map { Day(date: $0.key, points: $0.value.sorted { $0.0 < $1.0 }) }.sorted { $0.date < $1.date }
        }
        self.maximumAgeDays = maximumAgeDays
    }

    /// The curve names, sorted.
    public var names: [String] { days.keys.sorted() }

    /// The latest day of a curve on or before `date`, within ``maximumAgeDays``.
    public func day(_ curve: String, on date: CivilDate) -> Day? {
        guard let list = days[curve] else { return nil }
        return CurveDates.latest(in: list, onOrBefore: date, maximumAgeDays: maximumAgeDays) { $0.date }
    }

    /// The Hermite curve of a day, `nil` when its points do not make one.
    public func curve(_ day: Day) -> HermiteCurve? {
        try? HermiteCurve(referenceDate: day.date, parYields: parYields(day))
    }

    /// The Hermite par yields of a day (the curve without its discount
    /// factors), `nil` when its points do not make one.
    public func interpolation(_ day: Day) -> HermiteParYields? {
        try? HermiteParYields(referenceDate: day.date, parYields: parYields(day))
    }

    /// The par yields of a day; of tenors maturing together the first in
    /// tenor order is kept.
    private func parYields(_ day: Day) -> [ParYield] {
        ParYield.firstByMaturity(
            day.points.compactMap { point in
                point.tenor.advance(day.date).map { ParYield(maturity: $0, yield: point.yieldPercent / 100) }
            })
    }

    /// A curve's par yield (percent) at one tenor on each of its days:
    /// the point itself when the curve has that tenor, else linear in years
    /// between its neighbours (flat beyond the ends).
    /// The curve's yield at `tenor` on each of its dates, up to `asOf` (a
    /// curve is known on its own date) when given.
    public func series(_ curve: String, tenor: Tenor, asOf: CivilDate? = nil) -> [TimePoint] {
        (days[curve] ?? []).prefix { asOf == nil || $0.date <= asOf! }.compactMap { day in
            Self.interpolate(day.points, years: tenor.approximateYears).map {
                TimePoint(date: day.date, value: $0)
            }
        }
    }

    static func interpolate(_ points: [(tenor: Tenor, yieldPercent: Double)], years: Double) -> Double? {
        guard let first = points.first, let last = points.last else { return nil }
        if let exact = points.first(where: { $0.tenor.approximateYears == years }) { return exact.yieldPercent }
        if years <= first.tenor.approximateYears { return first.yieldPercent }
        for (left, right) in zip(points, points.dropFirst()) where years <= right.tenor.approximateYears {
            let x0 = left.tenor.approximateYears
            let x1 = right.tenor.approximateYears
            return left.yieldPercent + (right.yieldPercent - left.yieldPercent) * (years - x0) / (x1 - x0)
        }
        return last.yieldPercent
    }
}

/// A dated value of a series: a month or quarter's figure (dated at its last
/// day) or a daily yield.
public struct TimePoint: Sendable, Hashable, Codable {
    public var date: CivilDate
    public var value: Double

    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
    }
}
