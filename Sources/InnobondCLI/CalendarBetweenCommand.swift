import ArgumentParser
import FixedIncome
import InnobondModel

/// `innobond calendar between FROM TO`: working days a clock counts.
struct CalendarBetweenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "between",
        abstract: "Working days after FROM up to and including TO (negative when TO is before FROM).")

    @Argument(help: "The first date, YYYY-MM-DD (not counted).")
    var from: DateArgument

    @Argument(help: "The last date, YYYY-MM-DD (counted).")
    var to: DateArgument

    @OptionGroup var options: CalendarOptions

    func run() async throws {
        let calendar = try options.calendar()
        let count = try computeOnCalendar { () throws(CalendarError) in
            try calendar.workingDays(from: from.date, to: to.date)
        }
        try options.answer(
            CalendarAnswer.Between(from: from.date, to: to.date, market: calendar.market, workingDays: count),
            text: String(count))
    }
}
