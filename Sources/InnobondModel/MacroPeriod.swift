import FixedIncome

/// The period a macro figure covers: a month (`2025-02`) or a quarter
/// (`2025-Q1`). Periods order in time; a quarter sorts after its months.
public struct MacroPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Monthly or quarterly.
    public enum Frequency: String, Sendable, Hashable, Codable {
        case monthly
        case quarterly
    }

    /// The calendar year.
    public let year: Int
    /// 1...12 for a month, 1...4 for a quarter.
    public let index: Int
    /// Monthly or quarterly.
    public let frequency: Frequency

    public static func month(_ year: Int, _ month: Int) -> MacroPeriod {
        precondition((1...12).contains(month))
        return MacroPeriod(year: year, index: month, frequency: .monthly)
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> MacroPeriod {
        precondition((1...4).contains(quarter))
        return MacroPeriod(year: year, index: quarter, frequency: .quarterly)
    }

    private init(year: Int, index: Int, frequency: Frequency) {
        self.year = year
        self.index = index
        self.frequency = frequency
    }

    /// Parses `YYYY-MM` or `YYYY-Qn`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1900...2200).contains(year) else {
            return nil
        }
        let rest = parts[1]
        if rest.count == 2, let month = Int(rest), (1...12).contains(month), rest.allSatisfy(\.isNumber) {
            self.init(year: year, index: month, frequency: .monthly)
        } else if rest.count == 2, rest.first == "Q", let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            self.init(year: year, index: quarter, frequency: .quarterly)
        } else {
            return nil
        }
    }

    public var description: String {
        switch frequency {
        case .monthly: return "\(year)-\(index < 10 ? "0" : "")\(index)"
        case .quarterly: return "\(year)-Q\(index)"
        }
    }

    /// The last month the period covers, 1...12.
    public var lastMonth: Int { frequency == .monthly ? index : 3 * index }

    /// The last day the period covers.
    public var lastDay: CivilDate {
        CivilDate(year: year, month: lastMonth, day: CivilDate.daysInMonth(year: year, month: lastMonth))!
    }

    /// The quarter the period falls in, 1...4.
    public var quarter: Int { frequency == .quarterly ? index : (index - 1) / 3 + 1 }

    /// The same period a year earlier.
    public var yearEarlier: MacroPeriod { MacroPeriod(year: year - 1, index: index, frequency: frequency) }

    /// The next period of the same frequency.
    public var next: MacroPeriod {
        let count = frequency == .monthly ? 12 : 4
        return index == count
            ? MacroPeriod(year: year + 1, index: 1, frequency: frequency)
            : MacroPeriod(year: year, index: index + 1, frequency: frequency)
    }

    public static func < (lhs: MacroPeriod, rhs: MacroPeriod) -> Bool {
        (lhs.year, lhs.lastMonth, lhs.frequency == .quarterly ? 1 : 0)
            < (rhs.year, rhs.lastMonth, rhs.frequency == .quarterly ? 1 : 0)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = MacroPeriod(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a period: '\(text)'")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
