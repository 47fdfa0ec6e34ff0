/// A calendar date in the proleptic Gregorian calendar, without time or zone.
///
/// Years run from 1 to 9999 so that every date has an ISO 8601 `YYYY-MM-DD`
/// form. Dates order chronologically; `dayNumber` counts days since
/// 1970-01-01, so the number of days between two dates is a subtraction.
public struct CivilDate: Sendable, Hashable, Comparable {
    /// The date in one word, `year << 9 | month << 5 | day`: dates order as
    /// their words do, and a date takes 4 bytes rather than three integers'
    /// 24 (a registry holds millions).
    @usableFromInline
    let packed: UInt32

    /// The year, 1...9999.
    @inlinable
    public var year: Int { Int(packed &>> 9) }
    /// The month, 1...12.
    @inlinable
    public var month: Int { Int((packed &>> 5) & 0xF) }
    /// The day of the month, 1...31.
    @inlinable
    public var day: Int { Int(packed & 0x1F) }

    /// The range of years a civil date may have.
    public static let years: ClosedRange<Int> = 1...9999

    /// Creates a date, or returns `nil` when no such calendar date exists
    /// (`2023-02-29`, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    @usableFromInline @inline(__always)
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed =
            UInt32(truncatingIfNeeded: year) &<< 9 | UInt32(truncatingIfNeeded: month) &<< 5
            | UInt32(truncatingIfNeeded: day)
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    ///
    /// Method: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
    /// `civil_from_days`, on 400-year eras of 146,097 days.
    public init?(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard Self.years.contains(year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// Method: H. Hinnant, `days_from_civil`, counting from 1 March so that
    /// the leap day falls at the end of the shifted year.
    @inlinable
    public var dayNumber: Int {
        // Unsigned, as years are positive: divisions by constants need no
        // sign correction (a third fewer instructions).
        let y = UInt(bitPattern: month <= 2 ? year &- 1 : year)
        let era = y / 400
        let yearOfEra = y &- era &* 400
        let m = UInt(bitPattern: month)
        let shiftedMonth = m > 2 ? m &- 3 : m &+ 9
        let dayOfYear = (153 &* shiftedMonth &+ 2) / 5 &+ UInt(bitPattern: day) &- 1
        let dayOfEra = yearOfEra &* 365 &+ yearOfEra / 4 &- yearOfEra / 100 &+ dayOfYear
        return Int(bitPattern: era &* 146_097 &+ dayOfEra) &- 719_468
    }

    /// Whether `year` has a 29 February.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month of a year (28...31), for `month` in 1...12.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        // Arithmetic rather than a switch, which compiled to a jump table
        // mispredicted from date to date: months 1, 3, 5, 7, 8, 10 and 12
        // are those where m + m/8 is odd.
        if month == 2 { return isLeapYear(year) ? 29 : 28 }
        return 30 &+ ((month &+ (month &>> 3)) & 1)
    }

    /// The days of a common year before the first of `month` (0, 31, 59, ...).
    ///
    /// Method: (367·m − 362) / 12 counts months of alternating 31 and 30 days
    /// closely enough that subtracting 2 from March on corrects for February.
    @inlinable
    public static func daysBeforeMonth(_ month: Int) -> Int {
        (367 * month - 362) / 12 - (month > 2 ? 2 : 0)
    }

    /// Whether this date is the last day of its month.
    public var isEndOfMonth: Bool { day == Self.daysInMonth(year: year, month: month) }

    /// The date `months` calendar months later (earlier when negative), its day
    /// clamped to the last day of the target month when that month is shorter
    /// (31 August minus 6 months is 28 or 29 February).
    ///
    /// Returns `nil` when the result falls outside ``years``.
    public func adding(months: Int) -> CivilDate? {
        let total = year * 12 + (month - 1) + months
        let (y, m0) = total.quotientAndRemainder(dividingBy: 12)
        let newYear = m0 < 0 ? y - 1 : y
        let newMonth = (m0 < 0 ? m0 + 12 : m0) + 1
        guard Self.years.contains(newYear) else { return nil }
        return CivilDate(
            unchecked: newYear, newMonth, min(day, Self.daysInMonth(year: newYear, month: newMonth)))
    }

    /// The date `days` days later (earlier when negative), or `nil` outside ``years``.
    public func adding(days: Int) -> CivilDate? {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// The number of days from `self` to `other` (negative when `other` is earlier).
    @inlinable
    public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

    /// Months elapsed from the first of `self`'s month to the first of `other`'s.
    @inlinable
    func monthIndexDistance(to other: CivilDate) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    @inlinable
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.packed < rhs.packed }
}
