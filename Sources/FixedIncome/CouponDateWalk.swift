/// Steps forward through a schedule's coupon dates, one period at a time.
///
/// The Gregorian calendar repeats every 400 years (146,097 days), so the
/// first of every month of a 400-year era is read from one table
/// (``EraMonths``) rather than computed: each step is an index addition, two
/// table reads and a clamp. Every date keeps the maturity's day of month,
/// clamped to the length of its own month, exactly as ``CouponSchedule``
/// computes it from maturity.
struct CouponDateWalk {
    /// The month of the current date within its era: 12·(year − eraYear) + month − 1.
    private var index: Int
    /// The first year of the current era, a multiple of 400.
    private var eraYear: Int
    /// The day number of 1 January of `eraYear`.
    private var eraDay: Int
    /// The day number of the first of the current month.
    private var firstOfMonth: Int
    /// The days of the current month.
    private var monthLength: Int
    /// The day of the month of the current date.
    private(set) var day: Int
    private let maturityDay: Int
    private let monthsPerPeriod: Int
    private let months: UnsafePointer<EraMonths.Month>

    /// Starts at `date`, one of the schedule's coupon dates.
    init(schedule: CouponSchedule, from date: CivilDate) {
        months = EraMonths.table
        eraYear = date.year - date.year % 400
        index = (date.year - eraYear) * 12 + date.month - 1
        firstOfMonth = date.dayNumber - (date.day - 1)
        eraDay = firstOfMonth - Int(months[index].firstDay)
        monthLength = Int(months[index + 1].firstDay - months[index].firstDay)
        day = date.day
        maturityDay = schedule.maturityDate.day
        monthsPerPeriod = schedule.frequency.monthsPerPeriod
    }

    /// Moves to the next coupon date.
    @inline(__always)
    mutating func advance() {
        index &+= monthsPerPeriod
        if index >= EraMonths.count {
            index &-= EraMonths.count
            eraYear &+= 400
            eraDay &+= EraMonths.days
        }
        let first = Int(months[index].firstDay)
        firstOfMonth = eraDay &+ first
        monthLength = Int(months[index &+ 1].firstDay) &- first
        day = min(maturityDay, monthLength)
    }

    /// Moves to the next coupon date and returns the 30/360 (bond basis) days
    /// of the period just walked: whole months of 30 days, then the days of
    /// month with D1 = min(D1, 30) and, when D1 is 30, D2 = min(D2, 30).
    @inline(__always)
    mutating func advanceThirty360Days() -> Int {
        let start = min(day, 30)
        advance()
        let end = start == 30 ? min(day, 30) : day
        return 30 &* monthsPerPeriod &+ end &- start
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
            let days = advanceThirty360Days()
            return (Double(days) / 360, days)
        }
    }

    /// The current date (for tests: the walks themselves need only day counts).
    var date: CivilDate { CivilDate(unchecked: eraYear + index / 12, index % 12 + 1, day) }

    /// The current date's day number (days since 1970-01-01).
    @inline(__always)
    var dayNumber: Int { firstOfMonth &+ day &- 1 }

    /// The current date's day number on a calendar without 29 February (which
    /// counts as the 28th), as ``DayCount/noLeapDayNumber(_:)`` gives it.
    @inline(__always)
    var noLeapDayNumber: Int {
        let leapDay = day == 29 && monthLength == 29 ? 1 : 0
        return eraYear &* 365 &+ Int(months[index].noLeapFirstDay) &+ day &- leapDay
    }
}
