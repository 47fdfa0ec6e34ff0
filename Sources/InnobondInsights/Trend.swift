import FixedIncome

/// What a series is: how its trend is named.
public enum TrendKind: String, Sendable, Hashable, Codable {
    /// A gap between growth rates, percentage points (M2–M1).
    case gap
    /// A growth rate, percent (TSF, loans).
    case growth
    /// A yield, percent.
    case yield
}

/// The name of a trend.
public enum TrendClass: String, Sendable, Hashable, Codable, CaseIterable {
    case narrowAndStable = "narrow and stable"
    case wideAndStable = "wide and stable"
    case widening
    case narrowing
    case accelerating
    case stable
    case decelerating
    case rising
    case gradualDecline = "gradual decline"
    case sharpDecline = "sharp decline"
}

/// Where one trend class ends and the next begins. Changes are those of the
/// least-squares line through the window's points, from its first point's
/// date to its last.
public struct TrendThresholds: Sendable, Hashable, Codable {
    /// Months of data a trend looks back over, ending at the period's end.
    public var windowMonths: Int = 10
    /// Fewer points in the window give no trend.
    public var minimumPoints: Int = 3
    /// A gap whose change is within ± this is stable, percentage points.
    public var gapStableBand: Double = 0.5
    /// A stable gap whose mean is at most this is narrow, percentage points.
    public var gapNarrowMaximum: Double = 5.0
    /// A growth rate whose change is within ± this is stable, percentage points.
    public var growthStableBand: Double = 0.3
    /// A yield whose change is within ± this is stable, basis points.
    public var yieldStableBandBp: Double = 5
    /// A yield falling by more than this has a sharp, not gradual, decline, basis points.
    public var yieldSharpDeclineBp: Double = 50

    public init() {}

    /// The defaults.
    public static let standard = TrendThresholds()
}

/// A series' trend over a window.
public struct Trend: Sendable, Hashable, Codable {
    public var kind: TrendKind
    public var trendClass: TrendClass
    /// The window: the months ending on its last day.
    public var window: DateRange
    /// Points in the window.
    public var points: Int
    /// The fitted change over the window, in the series' unit (percent or
    /// percentage points; for yields, percent: 0.1 is 10 bp).
    public var change: Double
    /// The mean of the window's points.
    public var mean: Double

    /// The trend of `points` over the window ending on `end`, or `nil` with
    /// fewer than ``TrendThresholds/minimumPoints`` points in it.
    public init?(
        _ points: [TimePoint], kind: TrendKind, endingOn end: CivilDate, thresholds: TrendThresholds = .standard
    ) {
        let start = end.endOfMonth(addingMonths: -thresholds.windowMonths).adding(days: 1)!
        let window = DateRange(from: start, to: end)
        let inside = points.filter { window.contains($0.date) }.sorted { $0.date < $1.date }
        guard inside.count >= max(2, thresholds.minimumPoints), let first = inside.first, let last = inside.last,
            let fit = LinearFit(inside.map { (Double(first.date.days(to: $0.date)), $0.value) })
        else { return nil }
        self.kind = kind
        self.window = window
        self.points = inside.count
        change = fit.slope * Double(first.date.days(to: last.date))
        mean = inside.reduce(0) { $0 + $1.value } / Double(inside.count)
        trendClass = Self.classify(kind: kind, change: change, mean: mean, thresholds: thresholds)
    }

    /// The class of a change (and, for a gap, of its mean level).
    public static func classify(kind: TrendKind, change: Double, mean: Double, thresholds: TrendThresholds)
        -> TrendClass
    {
        switch kind {
        case .gap:
            if change > thresholds.gapStableBand { return .widening }
            if change < -thresholds.gapStableBand { return .narrowing }
            return abs(mean) <= thresholds.gapNarrowMaximum ? .narrowAndStable : .wideAndStable
        case .growth:
            if change > thresholds.growthStableBand { return .accelerating }
            if change < -thresholds.growthStableBand { return .decelerating }
            return .stable
        case .yield:
            let bp = change * 100
            if bp > thresholds.yieldStableBandBp { return .rising }
            if bp < -thresholds.yieldSharpDeclineBp { return .sharpDecline }
            if bp < -thresholds.yieldStableBandBp { return .gradualDecline }
            return .stable
        }
    }
}
