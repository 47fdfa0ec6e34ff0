import FixedIncome

/// The mean of a series over a range of dates.
public struct PeriodAverage: Sendable, Hashable, Codable {
    public var range: DateRange
    public var value: Double
    /// How many points were averaged.
    public var count: Int
    /// The dates of the first and last points averaged.
    public var first: CivilDate
    public var last: CivilDate
    /// The median days between consecutive points in and around the range
    /// (a year either side): about 1 for daily figures, 30 for monthly, 91
    /// for quarterly; `nil` with fewer than two gaps to tell.
    public var spacingDays: Int?

    /// The mean of the points dated within `range`; `nil` when none is.
    public init?(_ points: [TimePoint], over range: DateRange) {
        let inside = points.filter { range.contains($0.date) }
        guard let firstPoint = inside.min(by: { $0.date < $1.date }),
            let lastPoint = inside.max(by: { $0.date < $1.date })
        else { return nil }
        self.range = range
        value = inside.reduce(0) { $0 + $1.value } / Double(inside.count)
        count = inside.count
        first = firstPoint.date
        last = lastPoint.date
        let near = DateRange(
            from: range.from.flatMap { $0.adding(days: -366) }, to: range.to.flatMap { $0.adding(days: 366) })
        let dates = points.map(\.date).filter { near.contains($0) }.sorted()
        let gaps = zip(dates, dates.dropFirst()).map { $0.days(to: $1) }.sorted()
        spacingDays = gaps.count < 2 ? nil : gaps[gaps.count / 2]
    }

    /// Whether the points leave a whole step of the series uncovered at
    /// either end of the range (monthly and quarterly figures are dated on
    /// their last day; daily ones may start after a holiday week).
    public var isPartial: Bool {
        guard let from = range.from, let to = range.to, let spacing = spacingDays else { return false }
        return from.days(to: first) > spacing + 10 || last.days(to: to) > max(spacing - 3, 10)
    }

    /// `January to March only` for a partial average, else `nil`.
    public var coverage: String? { coverage(MonthName.long, joiner: " to ", suffix: " only") }

    /// `Jan–Mar` for a partial average, else `nil`: for table cells.
    public var shortCoverage: String? { coverage(MonthName.short, joiner: "–", suffix: "") }

    private func coverage(_ name: (Int) -> String, joiner: String, suffix: String) -> String? {
        guard isPartial else { return nil }
        let firstMonth = firstMonthCovered
        let sameYear = firstMonth.year == last.year
        let start = name(firstMonth.month) + (sameYear ? "" : " \(firstMonth.year)")
        let end = name(last.month) + (sameYear ? "" : " \(last.year)")
        return (sameYear && firstMonth.month == last.month ? end : start + joiner + end) + suffix
    }

    /// The first month the averaged points stand for: a quarterly figure
    /// dated on 30 September covers July to September.
    private var firstMonthCovered: CivilDate {
        let stepMonths = max(1, Int((Double(spacingDays ?? 1) / 30.4).rounded()))
        return first.endOfMonth(addingMonths: -(stepMonths - 1))
    }
}
