/// One accrual period of a bond, with the reference period its day count
/// measures against.
public struct CouponPeriod: Sendable, Hashable {
    /// First day of accrual.
    public let start: CivilDate
    /// Last day of accrual, not counted; the coupon is paid on this date.
    public let end: CivilDate
    /// Start of the regular period this one is measured against: `start` for a
    /// regular period, `end` minus one period for a short first stub.
    public let referenceStart: CivilDate
    /// End of the reference period; always `end`.
    public let referenceEnd: CivilDate

    /// Whether the period is a whole regular period (its own reference).
    public var isRegular: Bool { referenceStart == start }

    public init(start: CivilDate, end: CivilDate, referenceStart: CivilDate, referenceEnd: CivilDate) {
        self.start = start
        self.end = end
        self.referenceStart = referenceStart
        self.referenceEnd = referenceEnd
    }

    /// The year fraction from `start` to `date` under `dayCount`.
    @inlinable
    public func yearFraction(to date: CivilDate, dayCount: DayCount, frequency: Frequency) -> Double {
        dayCount.yearFraction(
            from: start, to: date, referenceStart: referenceStart, referenceEnd: referenceEnd,
            frequency: frequency)
    }

    /// ``yearFraction(to:dayCount:frequency:)`` and
    /// ``length(dayCount:frequency:)`` at once, both in years: the same
    /// values, with the day count chosen and each date's day number computed
    /// once.
    @inlinable
    public func yearFractions(to date: CivilDate, dayCount: DayCount, frequency: Frequency) -> (
        toDate: Double, whole: Double
    ) {
        switch dayCount {
        case .actualActualICMA:
            let startDay = start.dayNumber
            let endDay = end.dayNumber
            let referenceDays = referenceEnd.dayNumber - (isRegular ? startDay : referenceStart.dayNumber)
            let basis = frequency.perYear * Double(referenceDays)
            return (Double(date.dayNumber - startDay) / basis, Double(endDay - startDay) / basis)
        case .actual365Fixed, .actual360:
            let basis: Double = dayCount == .actual360 ? 360 : 365
            let startDay = start.dayNumber
            return (Double(date.dayNumber - startDay) / basis, Double(end.dayNumber - startDay) / basis)
        case .thirty360:
            return (
                Double(DayCount.thirty360Days(from: start, to: date)) / 360,
                Double(DayCount.thirty360Days(from: start, to: end)) / 360
            )
        case .noLeap365:
            let startDay = DayCount.noLeapDayNumber(start)
            return (
                Double(DayCount.noLeapDayNumber(date) - startDay) / 365,
                Double(DayCount.noLeapDayNumber(end) - startDay) / 365
            )
        }
    }

    /// The year fraction of the whole period under `dayCount`.
    @inlinable
    public func length(dayCount: DayCount, frequency: Frequency) -> Double {
        yearFraction(to: end, dayCount: dayCount, frequency: frequency)
    }
}
