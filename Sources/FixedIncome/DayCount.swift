/// A day-count convention: how a span of days becomes a fraction of a year.
///
/// Raw values are the stable names used in CSV, JSON and the database.
/// Definitions follow spec/bond-analytics.md.
public enum DayCount: String, Sendable, Hashable, CaseIterable, Codable {
    /// Actual/Actual (ICMA): days over `frequency` times the days of the
    /// reference coupon period (ICMA Rule 251).
    case actualActualICMA = "ACT/ACT-ICMA"
    /// Actual/365 Fixed.
    case actual365Fixed = "ACT/365F"
    /// Actual/360.
    case actual360 = "ACT/360"
    /// 30/360 bond basis (ISDA 2006 §4.16(f)).
    case thirty360 = "30/360"
    /// Actual/365 No Leap: days, not counting any 29 February, over 365.
    case noLeap365 = "NL/365"

    /// The year fraction from `start` to `end`, two dates within one coupon
    /// period whose reference period is `referenceStart...referenceEnd`.
    ///
    /// The reference period and frequency matter to ``actualActualICMA`` only.
    @inlinable
    public func yearFraction(
        from start: CivilDate, to end: CivilDate,
        referenceStart: CivilDate, referenceEnd: CivilDate, frequency: Frequency
    ) -> Double {
        switch self {
        case .actualActualICMA:
            let referenceDays = referenceEnd.dayNumber - referenceStart.dayNumber
            return Double(end.dayNumber - start.dayNumber)
                / (frequency.perYear * Double(referenceDays))
        case .actual365Fixed:
            return Double(end.dayNumber - start.dayNumber) / 365
        case .actual360:
            return Double(end.dayNumber - start.dayNumber) / 360
        case .thirty360:
            return Double(Self.thirty360Days(from: start, to: end)) / 360
        case .noLeap365:
            return Double(Self.noLeapDayNumber(end) - Self.noLeapDayNumber(start)) / 365
        }
    }

    /// Days between two dates under 30/360 bond basis: D1 = min(D1, 30); if
    /// D1 is then 30, D2 = min(D2, 30).
    @inlinable
    public static func thirty360Days(from start: CivilDate, to end: CivilDate) -> Int {
        let d1 = min(start.day, 30)
        let d2 = d1 == 30 ? min(end.day, 30) : end.day
        return 360 * (end.year - start.year) + 30 * (end.month - start.month) + (d2 - d1)
    }

    /// A day number on a calendar without 29 February (which counts as the
    /// 28th), so that differences are actual days minus the leap days in
    /// `(start, end]`.
    @inlinable
    static func noLeapDayNumber(_ date: CivilDate) -> Int {
        let leapDay = date.month == 2 && date.day == 29 ? 1 : 0
        return date.year * 365 + CivilDate.daysBeforeMonth(date.month) + date.day - leapDay
    }
}

extension DayCount: CustomStringConvertible {
    public var description: String { rawValue }
}
