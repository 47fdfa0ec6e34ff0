/// Working days as China counts them: Saturdays and Sundays off, the State
/// Council's public holidays off, and its make-up working days (调休上班,
/// a Saturday or Sunday worked in exchange for a bridge day) on, for the
/// years whose notices the calendar holds. The exchanges never trade on a
/// weekend, make-up days included; the interbank market follows the
/// national calendar unless told otherwise (unconfirmed: a setting).
///
/// A calendar is data (``WorkingDayCalendarData``), never code: a later
/// year's notice is a file to add. A date in a year the calendar does not
/// hold is an error, not a guess.
public struct WorkingDayCalendar: Sendable {
    /// Whose working days.
    public enum Market: String, Sendable, CaseIterable {
        /// The State Council's working days, make-up days included: what
        /// regulatory clocks count.
        case national
        /// The Shanghai and Shenzhen exchanges: never a weekend.
        case exchange
        /// The interbank market (CIBM).
        case interbank
    }

    /// How a date that is not a working day is moved to one.
    public enum Roll: String, Sendable, CaseIterable {
        /// The next working day.
        case following
        /// The next working day, unless that is in the next month: then the previous one.
        case modifiedFollowing = "modified_following"
        /// The previous working day.
        case preceding
        /// The previous working day, unless that is in the previous month: then the next one.
        case modifiedPreceding = "modified_preceding"
        /// The date itself.
        case unadjusted
    }

    /// What a day is, in a market.
    public enum Status: String, Sendable {
        case workingDay = "working_day"
        /// A Saturday or Sunday worked in exchange for a bridge day (national
        /// and, by default, interbank).
        case makeUpWorkingDay = "make_up_working_day"
        case weekend
        /// A weekend day the State Council made a working day, on which the
        /// market is closed all the same (exchanges).
        case makeUpDayClosed = "make_up_day_closed"
        case holiday
        /// A weekday the market is closed beyond the public holidays.
        case closure

        /// Whether the market works that day.
        public var isWorkingDay: Bool { self == .workingDay || self == .makeUpWorkingDay }

        /// The status in words.
        public var label: String {
            switch self {
            case .workingDay: return "working day"
            case .makeUpWorkingDay: return "make-up working day"
            case .weekend: return "weekend"
            case .makeUpDayClosed: return "make-up working day, on which this market is closed"
            case .holiday: return "public holiday"
            case .closure: return "market closure"
            }
        }
    }

    /// A day with its status and, for holidays and make-up days, what it is for.
    public struct Day: Sendable, Hashable {
        public let date: CivilDate
        public let status: Status
        /// The holiday's name, or the holiday a make-up day pays for.
        public let name: String?
    }

    public let market: Market
    public let data: WorkingDayCalendarData
    /// Whether the interbank market works on make-up days (unconfirmed).
    public let interbankWorksOnMakeUpDays: Bool

    /// - Parameters:
    ///   - data: the years held (default: the State Council notices shipped).
    ///   - interbankWorksOnMakeUpDays: whether the interbank market works on
    ///     the national make-up days (unconfirmed; default yes, as the
    ///     exchanges' and the interbank calendars are said to differ there).
    public init(
        market: Market = .national, data: WorkingDayCalendarData = .china, interbankWorksOnMakeUpDays: Bool = true
    ) {
        self.market = market
        self.data = data
        self.interbankWorksOnMakeUpDays = interbankWorksOnMakeUpDays
    }

    /// The day's status and name.
    ///
    /// - Throws: ``CalendarError/yearNotHeld(_:held:)`` for a year the data lacks.
    public func day(_ date: CivilDate) throws(CalendarError) -> Day {
        guard data.sources[date.year] != nil else { throw .yearNotHeld(date.year, held: data.heldYears) }
        let weekend = date.weekday == 0 || date.weekday == 6
        if let name = data.holidays[date] { return Day(date: date, status: .holiday, name: name) }
        if let name = data.makeUpDays[date] {
            let works = market == .national || (market == .interbank && interbankWorksOnMakeUpDays)
            return Day(date: date, status: works ? .makeUpWorkingDay : .makeUpDayClosed, name: name)
        }
        if let name = data.closures[market]?[date] { return Day(date: date, status: .closure, name: name) }
        return Day(date: date, status: weekend ? .weekend : .workingDay, name: nil)
    }

    /// Whether the market works on `date`.
    public func isBusinessDay(_ date: CivilDate) throws(CalendarError) -> Bool {
        try day(date).status.isWorkingDay
    }

    /// The working day `count` working days after `date` (before it when
    /// `count` is negative), counting as a clock does: the first working
    /// day after `date` is one. With `count` 0, `date` rolled forward to a
    /// working day.
    public func advance(_ date: CivilDate, by count: Int) throws(CalendarError) -> CivilDate {
        if count == 0 { return try adjust(date, .following) }
        let step = count > 0 ? 1 : -1
        var remaining = abs(count)
        var day = date
        while remaining > 0 {
            day = try next(day, step)
            if try isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The working days after `start` up to and including `end` (negative,
    /// counted the same way backwards, when `end` is before `start`): how
    /// far a clock started on `start` has run by `end`.
    public func workingDays(from start: CivilDate, to end: CivilDate) throws(CalendarError) -> Int {
        guard start != end else { return 0 }
        let forward = start < end
        let (low, high) = forward ? (start, end) : (end, start)
        var count = 0
        var day = low
        while day < high {
            day = try next(day, 1)
            if try isBusinessDay(day) { count += 1 }
        }
        return forward ? count : -count
    }

    /// `date` moved to a working day by `roll`.
    public func adjust(_ date: CivilDate, _ roll: Roll) throws(CalendarError) -> CivilDate {
        switch roll {
        case .unadjusted: return date
        case .following: return try firstWorkingDay(from: date, step: 1)
        case .preceding: return try firstWorkingDay(from: date, step: -1)
        case .modifiedFollowing:
            let following = try firstWorkingDay(from: date, step: 1)
            return following.month == date.month ? following : try firstWorkingDay(from: date, step: -1)
        case .modifiedPreceding:
            let preceding = try firstWorkingDay(from: date, step: -1)
            return preceding.month == date.month ? preceding : try firstWorkingDay(from: date, step: 1)
        }
    }

    /// The first working day from `date` on, in the direction of `step`.
    private func firstWorkingDay(from date: CivilDate, step: Int) throws(CalendarError) -> CivilDate {
        var day = date
        while !(try isBusinessDay(day)) { day = try next(day, step) }
        return day
    }

    private func next(_ date: CivilDate, _ step: Int) throws(CalendarError) -> CivilDate {
        guard let day = date.adding(days: step) else { throw .yearNotHeld(date.year + step, held: data.heldYears) }
        return day
    }
}

/// Why a calendar cannot answer.
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The calendar holds no notice for the year.
    case yearNotHeld(Int, held: ClosedRange<Int>?)
    /// A line of calendar data that cannot be read.
    case badLine(Int, String)

    public var description: String {
        switch self {
        case .yearNotHeld(let year, let held):
            let range = held.map { "\($0.lowerBound) to \($0.upperBound)" } ?? "none"
            return "the calendar holds no holiday notice for \(year) (it holds \(range)); add the year's notice "
                + "to a calendar file"
        case .badLine(let line, let reason): return "line \(line): \(reason)"
        }
    }
}

extension CivilDate {
    /// The day of the week, 0 for Sunday to 6 for Saturday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        ((dayNumber % 7) + 7 + 4) % 7
    }
}
