import ArgumentParser
import FixedIncome
import Foundation

extension WorkingDayCalendar.Market: ExpressibleByArgument {}

/// `--market`, `--calendar FILE` and `--json`: which calendar, and how to answer.
struct CalendarOptions: ParsableArguments {
    @Option(help: "Whose working days: national (the State Council's), or the exchange or interbank market's.")
    var market: WorkingDayCalendar.Market = .national

    @Option(
        name: .customLong("calendar"),
        help: ArgumentHelp(
            "A calendar file adding or replacing years (the format of docs/calendar.md); may be repeated.",
            valueName: "file"))
    var files: [String] = []

    @Flag(help: "Answer in JSON.")
    var json = false

    /// The calendar: the shipped years, and those of the files given.
    func calendar() throws -> WorkingDayCalendar {
        WorkingDayCalendar(market: market, data: try Self.data(files))
    }

    /// The shipped years, and those of `files`.
    static func data(_ files: [String]) throws -> WorkingDayCalendarData {
        var data = WorkingDayCalendarData.china
        for file in files {
            do {
                try data.add(try String(contentsOfFile: file, encoding: .utf8))
            } catch let error as CalendarError {
                throw UsageFailure("\(file), \(error)")
            } catch {
                throw UsageFailure("cannot read \(file): \(error.localizedDescription)")
            }
        }
        return data
    }

    /// Writes `value` as JSON, or `text`, on standard output.
    func answer(_ value: some Encodable, text: String) throws {
        if json {
            FileHandle.standardOutput.write(try JSONEncoder.api.encode(value) + Data("\n".utf8))
        } else {
            print(text)
        }
    }
}

/// A date argument.
struct DateArgument: ExpressibleByArgument {
    let date: CivilDate
    init?(argument: String) {
        guard let date = try? CivilDate(iso8601: argument) else { return nil }
        self.date = date
    }
    static var defaultCompletionKind: CompletionKind { .default }
}
