import FixedIncome
import InnobondModel

/// Dates from `from` through `to`, both included; an end left `nil` is open.
public struct DateRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var from: CivilDate?
    public var to: CivilDate?

    public init(from: CivilDate? = nil, to: CivilDate? = nil) {
        self.from = from
        self.to = to
    }

    /// Every date.
    public static let all = DateRange()

    /// A calendar year.
    public static func year(_ year: Int) -> DateRange {
        DateRange(from: CivilDate(year: year, month: 1, day: 1), to: CivilDate(year: year, month: 12, day: 31))
    }

    /// A calendar quarter, 1...4.
    public static func quarter(_ year: Int, _ quarter: Int) -> DateRange {
        let lastMonth = 3 * quarter
        return DateRange(
            from: CivilDate(year: year, month: lastMonth - 2, day: 1),
            to: CivilDate(year: year, month: lastMonth, day: CivilDate.daysInMonth(year: year, month: lastMonth)))
    }

    public func contains(_ date: CivilDate) -> Bool {
        if let from, date < from { return false }
        if let to, date > to { return false }
        return true
    }

    /// `2023`, `2024 Q1`, `2025-01-01 to 2025-06-30`; open ends give
    /// `from 2025-01-01 on`, `up to 2025-06-30` or `at any date`.
    public var description: String {
        if let from, let to, from.month == 1, from.day == 1, to.year == from.year {
            if to.month == 12, to.day == 31 { return String(from.year) }
        }
        if let from, let to, from.year == to.year, from.day == 1, (from.month - 1) % 3 == 0,
            to.month == from.month + 2, to.day == CivilDate.daysInMonth(year: to.year, month: to.month)
        {
            return "\(from.year) Q\((from.month - 1) / 3 + 1)"
        }
        switch (from, to) {
        case (let from?, let to?): return "\(from.iso8601) to \(to.iso8601)"
        case (let from?, nil): return "from \(from.iso8601) on"
        case (nil, let to?): return "up to \(to.iso8601)"
        case (nil, nil): return "at any date"
        }
    }
}

extension CivilDate {
    /// The last day of the month `months` months after this date's month
    /// (negative for earlier months).
    func endOfMonth(addingMonths months: Int) -> CivilDate {
        let index = year * 12 + month - 1 + months
        let year = index / 12
        let month = index % 12 + 1
        return CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))!
    }

    /// `YYYY-MM`.
    var monthKey: String { String(iso8601.prefix(7)) }
}

extension DateRange {
    /// The dates an analysis may be asked about: those the registry holds.
    public static let analysable = RegistryCalendar.dates

    /// Why `date` cannot be asked about, or `nil` when it can.
    public static func problem(with date: CivilDate) -> String? {
        analysable.contains(date) ? nil : "\(date) is outside the years 1900 to 2199 an analysis covers"
    }
}
