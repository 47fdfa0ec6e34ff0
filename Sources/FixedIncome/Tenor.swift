/// A length of time on a curve or in a schedule: a count of days, weeks,
/// months or years (`1D`, `2W`, `3M`, `10Y`). The raw text is the stable
/// contract for CSV, JSON and the database.
public struct Tenor: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The unit of a tenor.
    public enum Unit: String, Sendable, Hashable, CaseIterable, Codable {
        case day = "D"
        case week = "W"
        case month = "M"
        case year = "Y"
    }

    /// How many units, at least 1.
    public let count: Int
    /// Days, weeks, months or years.
    public let unit: Unit

    /// - Returns: `nil` when `count` is not positive or beyond 100 years.
    public init?(count: Int, unit: Unit) {
        guard count >= 1 else { return nil }
        let tooLong: Bool
        switch unit {
        case .day: tooLong = count > 36_600
        case .week: tooLong = count > 5_220
        case .month: tooLong = count > 1_200
        case .year: tooLong = count > 100
        }
        guard !tooLong else { return nil }
        self.count = count
        self.unit = unit
    }

    /// Parses `3M`, `10Y`, `1D`, `2W` (a positive count, then the unit).
    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last).uppercased()) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 5,
            let count = Int(digits)
        else { return nil }
        self.init(count: count, unit: unit)
    }

    public var description: String { "\(count)\(unit.rawValue)" }

    /// The same tenor in the largest unit that states it exactly, as it
    /// advances every date to the same day: 12M is 1Y, 14D is 2W.
    public var canonical: Tenor {
        switch unit {
        case .month where count % 12 == 0: return Tenor(count: count / 12, unit: .year)!
        case .day where count % 7 == 0: return Tenor(count: count / 7, unit: .week)!
        default: return self
        }
    }

    /// The approximate length in years (a month is 1/12, a week 7/365.25,
    /// a day 1/365.25): for ordering and plotting, not for accrual.
    public var approximateYears: Double {
        switch unit {
        case .day: return Double(count) / 365.25
        case .week: return Double(count) * 7 / 365.25
        case .month: return Double(count) / 12
        case .year: return Double(count)
        }
    }

    /// The date this tenor after `date`: days and weeks added, months and
    /// years added with the day clamped to the end of the month.
    public func advance(_ date: CivilDate) -> CivilDate? {
        switch unit {
        case .day: return date.adding(days: count)
        case .week: return date.adding(days: 7 * count)
        case .month: return date.adding(months: count)
        case .year: return date.adding(months: 12 * count)
        }
    }

    public static func < (lhs: Tenor, rhs: Tenor) -> Bool {
        (lhs.approximateYears, lhs.unit.rawValue) < (rhs.approximateYears, rhs.unit.rawValue)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let tenor = Tenor(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a tenor: '\(text)'")
        }
        self = tenor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
