import ArgumentParser
import FixedIncome

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
        let result = try CalendarAnswer.compute { () throws(CalendarError) in try calendar.advance(date.date, by: days)
        }
        try options.answer(
            CalendarAnswer.Added(
                from: date.date.iso8601, workingDays: days, market: calendar.market.rawValue, date: result.iso8601),
            text: result.iso8601)
    }
}
