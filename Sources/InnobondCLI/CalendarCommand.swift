import ArgumentParser
import FixedIncome

/// `innobond calendar`: China's working days, as regulatory clocks count them.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "China's working days: what a day is, working days between two dates, N working days later.",
        discussion: """
            The State Council moves working days onto weekends (调休): a make-up Saturday or Sunday counts as a \
            working day nationally (and, by default, on the interbank market), never on the exchanges. The \
            calendar holds the notices of 2022 to 2026; --calendar FILE adds later years.
            """,
        subcommands: [CalendarDayCommand.self, CalendarBetweenCommand.self, CalendarAddCommand.self]
    )
}

/// Runs a calendar computation, its error a usage failure.
func computeOnCalendar<T>(_ body: () throws(CalendarError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw UsageFailure(error.description)
    }
}
