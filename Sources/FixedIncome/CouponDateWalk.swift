/// Steps forward through a schedule's coupon dates, one period at a time,
/// keeping the day number of the first of the month so that each date's day
/// number costs a few additions rather than a calendar conversion.
///
/// Every date keeps the maturity's day of month, clamped to the length of its
/// own month, exactly as ``CouponSchedule`` computes it from maturity.
struct CouponDateWalk {
    private(set) var year: Int
    private(set) var month: Int
    /// Day number of the first day of `year`-`month`.
    private var firstOfMonth: Int
    private let maturityDay: Int
    private let monthsPerPeriod: Int

    /// Starts at `date`, one of the schedule's coupon dates.
    init(schedule: CouponSchedule, from date: CivilDate) {
        year = date.year
        month = date.month
        firstOfMonth = date.dayNumber - (date.day - 1)
        maturityDay = schedule.maturityDate.day
        monthsPerPeriod = schedule.frequency.monthsPerPeriod
    }

    /// Moves to the next coupon date.
    ///
    /// The days between the firsts of the two months are 365 a year plus the
    /// days between their positions in a common year, plus one for each
    /// 29 February in between: that of the first year when the span starts by
    /// February and reaches March, that of the next year when it reaches its
    /// March.
    @inline(__always)
    mutating func advance() {
        var nextMonth = month + monthsPerPeriod
        var nextYear = year
        if nextMonth > 12 {
            nextMonth -= 12
            nextYear += 1
        }
        var days = (nextYear - year) * 365 + CivilDate.daysBeforeMonth(nextMonth) - CivilDate.daysBeforeMonth(month)
        if month <= 2 && (nextYear > year || nextMonth > 2) && CivilDate.isLeapYear(year) { days += 1 }
        if nextYear > year && nextMonth > 2 && CivilDate.isLeapYear(nextYear) { days += 1 }
        firstOfMonth += days
        year = nextYear
        month = nextMonth
    }

    /// Moves to the next coupon date and measures the regular period just
    /// walked under `dayCount`: its year fraction, and its length in the
    /// units that fraction counts (days of the day count's own calendar, or
    /// one period for ACT/ACT-ICMA, whose regular periods are exactly 1/f).
    @inline(__always)
    mutating func advance(measuring dayCount: DayCount) -> (fraction: Double, units: Int) {
        switch dayCount {
        case .actualActualICMA:
            advance()
            return (1 / Double(12 / monthsPerPeriod), 1)
        case .actual365Fixed, .actual360:
            let start = dayNumber
            advance()
            let days = dayNumber - start
            return (Double(days) / (dayCount == .actual360 ? 360 : 365), days)
        case .noLeap365:
            let start = noLeapDayNumber
            advance()
            let days = noLeapDayNumber - start
            return (Double(days) / 365, days)
        case .thirty360:
            let start = date
            advance()
            let days = DayCount.thirty360Days(from: start, to: date)
            return (Double(days) / 360, days)
        }
    }

    /// The day of the month of the current date.
    @inline(__always)
    var day: Int { min(maturityDay, CivilDate.daysInMonth(year: year, month: month)) }

    /// The current date.
    var date: CivilDate { CivilDate(unchecked: year, month, day) }

    /// The current date's day number (days since 1970-01-01).
    @inline(__always)
    var dayNumber: Int { firstOfMonth + day - 1 }

    /// The current date's day number on a calendar without 29 February.
    @inline(__always)
    var noLeapDayNumber: Int { DayCount.noLeapDayNumber(date) }
}
