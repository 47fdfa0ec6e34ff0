import ArgumentParser
import FixedIncome

/// `innobond calendar day DATE`: whether the day is worked, and why.
struct CalendarDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day", abstract: "What a day is: working day, weekend, holiday or make-up working day.")

    @Argument(help: "The date, YYYY-MM-DD.")
    var date: DateArgument

    @OptionGroup var options: CalendarOptions

    func run() async throws {
        let calendar = try options.calendar()
        let day = try CalendarAnswer.compute { () throws(CalendarError) in try calendar.day(date.date) }
        let weekday = CalendarAnswer.weekdays[day.date.weekday]
        try options.answer(
            CalendarAnswer.Day(
                date: day.date.iso8601, weekday: weekday, market: calendar.market.rawValue,
                status: day.status.rawValue, workingDay: day.status.isWorkingDay, name: day.name),
            text:
                "\(day.date) \(weekday): \(day.status.label)\(day.name.map { " (\($0))" } ?? "") [\(calendar.market.rawValue)]"
        )
    }
}
