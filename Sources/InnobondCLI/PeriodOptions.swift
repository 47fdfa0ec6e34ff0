import ArgumentParser
import FixedIncome
import InnobondInsights

/// `--from`, `--to` and `--as-of`: an issue period and the date money figures are seen from.
struct PeriodOptions: ParsableArguments {
    @Option(help: "First issue date covered, YYYY-MM-DD.")
    var from: String?

    @Option(
        help: """
            Last issue date covered and end of the conditions table, YYYY-MM-DD (default: --as-of when given, \
            else the registry's latest date).
            """)
    var to: String?

    @Option(help: "Use money and credit figures as known on this date, YYYY-MM-DD (default: the latest).")
    var asOf: String?

    func validate() throws {
        try Self.checkDates([("--from", from), ("--to", to), ("--as-of", asOf)])
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// Fails naming the first option whose value is not a YYYY-MM-DD date
    /// inside the range dates may take.
    static func checkDates(_ options: [(name: String, value: String?)]) throws {
        for (name, value) in options {
            guard let value else { continue }
            guard let date = try? CivilDate(iso8601: value) else {
                throw ValidationError("\(name) is not a YYYY-MM-DD date: '\(value)'")
            }
            if let problem = DateRange.problem(with: date) { throw ValidationError("\(name): \(problem)") }
        }
    }

    /// The issue period; open ends stay open.
    var period: DateRange { DateRange(from: from.flatMap(CivilDate.init), to: to.flatMap(CivilDate.init)) }

    var asOfDate: CivilDate? { asOf.flatMap(CivilDate.init) }

    /// Fails when `--from` alone was given and comes after the default end
    /// of `resolved`, the latest date in the registry.
    func checkStart(against resolved: DateRange) throws {
        if let start = resolved.from, let end = resolved.to, start > end {
            throw UsageFailure(
                "--from \(start) is after \(end), the default --to (--as-of, or the registry's latest date): give --to as well"
            )
        }
    }
}
