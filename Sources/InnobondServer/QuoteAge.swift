import FixedIncome
import InnobondModel

/// How old a quote is on a day: the working days after its date up to the
/// day, in the calendar of the bond's market (CIBM or the exchanges).
/// Outside the years the calendar holds, weekdays stand in for working days.
struct QuoteAge: Sendable {
    /// The day ages are measured to.
    let today: CivilDate
    private let interbank: WorkingDayCalendar
    private let exchange: WorkingDayCalendar

    init(today: CivilDate, calendarData: WorkingDayCalendarData) {
        self.today = today
        interbank = WorkingDayCalendar(market: .interbank, data: calendarData)
        exchange = WorkingDayCalendar(market: .exchange, data: calendarData)
    }

    /// The age of a quote of `date` for a bond of `market`, and its unit
    /// (`working days`, or `weekdays` outside the calendar's years).
    func age(of date: CivilDate, market: Market) -> (days: Int, unit: String) {
        (try? calendar(market).workingDays(from: date, to: today)).map { ($0, "working days") }
            ?? (Self.weekdays(from: date, to: today), "weekdays")
    }

    /// The earliest quote date whose age is at most `days`: a quote is that
    /// young exactly when its date is on or after this one.
    func earliestDate(ageAtMost days: Int, market: Market) -> CivilDate {
        let calendar = calendar(market)
        var date = today
        var age = 0
        // Each step back past a working day makes every earlier date a day older.
        while let before = CivilDate(dayNumber: date.dayNumber - 1) {
            let counts = (try? calendar.isBusinessDay(date)) ?? (date.weekday % 6 != 0)
            if counts && age == days { break }
            if counts { age += 1 }
            date = before
        }
        return date
    }

    private func calendar(_ market: Market) -> WorkingDayCalendar {
        market == .interbank ? interbank : exchange
    }

    /// The Mondays to Fridays after `start` up to and including `end`.
    static func weekdays(from start: CivilDate, to end: CivilDate) -> Int {
        guard start < end else { return 0 }
        return (start.dayNumber + 1...end.dayNumber).count { CivilDate(dayNumber: $0)!.weekday % 6 != 0 }
    }
}
