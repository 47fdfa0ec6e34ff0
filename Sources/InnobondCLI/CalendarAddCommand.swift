import ArgumentParser
import FixedIncome
import InnobondModel

/// `innobond calendar add DATE N`: the working day N working days later.
struct CalendarAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "The working day N working days after DATE (before it when N is negative; 0: DATE or the next).")

    @Argument(help: "The date, YYYY-MM-DD.")
    var date: DateArgument

    @Argument(help: "Working days to add.")
    var days: Int

    @OptionGroup var options: CalendarOptions

    func run() async throws {
        let calendar = try options.calendar()
        let result = try computeOnCalendar { () throws(CalendarError) in try calendar.advance(date.date, by: days)
        }
        try options.answer(
            CalendarAnswer.Added(from: date.date, workingDays: days, market: calendar.market, date: result),
            text: result.iso8601)
    }
}
