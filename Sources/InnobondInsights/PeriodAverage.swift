/// The mean of a series over a range of dates.
public struct PeriodAverage: Sendable, Hashable, Codable {
    public var range: DateRange
    public var value: Double
    /// How many points were averaged.
    public var count: Int

    /// The mean of the points dated within `range`; `nil` when none is.
    public init?(_ points: [TimePoint], over range: DateRange) {
        let inside = points.filter { range.contains($0.date) }
        guard !inside.isEmpty else { return nil }
        self.range = range
        value = inside.reduce(0) { $0 + $1.value } / Double(inside.count)
        count = inside.count
    }
}
