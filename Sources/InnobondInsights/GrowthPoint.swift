import FixedIncome
import InnobondModel

/// Growth of a series in one period.
public struct GrowthPoint: Sendable, Hashable, Codable {
    /// How the figure was obtained.
    public enum Method: String, Sendable, Hashable, Codable {
        /// As published (for a gap: both rates published).
        case published
        /// From two levels of the same definition.
        case fromLevels = "from_levels"
    }

    public var period: MacroPeriod
    /// Percent (for a gap: percentage points).
    public var valuePercent: Double
    /// The definition it was computed within.
    public var definition: String
    public var method: Method
    /// When the figure (the later of its inputs) was published.
    public var published: CivilDate

    /// Dated at the last day of its period.
    public var timePoint: TimePoint { TimePoint(date: period.lastDay, value: valuePercent) }
}
