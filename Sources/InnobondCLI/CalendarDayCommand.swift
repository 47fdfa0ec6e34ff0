import ArgumentParser
import FixedIncome
import InnobondModel

/// `innobond calendar day DATE`: whether the day is worked, and why.
struct CalendarDayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day", abstract: "What a day is: working day, weekend, holiday or make-up working day.")

    @Argument(help: "The date, YYYY-MM-DD.")
    var date: DateArgument

    @OptionGroup var options: CalendarOptions

    func run() async throws {
        let calendar = try options.calendar()
        let day = try computeOnCalendar { () throws(CalendarError) in try calendar.day(date.date) }
        let answer = CalendarAnswer.Day(day, market: calendar.market)
        try options.answer(answer, text: answer.text)
    }
}
