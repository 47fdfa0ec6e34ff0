import ArgumentParser
import FixedIncome
import InnobondAnalytics
import InnobondIO

/// `innobond curve`: yield curves from par yields.
struct CurveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "Yield curves from par yields.",
        subcommands: [CurveFitCommand.self]
    )
}

/// `innobond curve fit FILE`: a curve's zero, discount, forward and par rates.
struct CurveFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a curve to par yields and print its rates at tenors (CSV, rates in percent).",
        discussion: """
            FILE is in the registry's curves format (curve,date,tenor,yield). The output has one row a \
            tenor: its date, the continuously compounded zero rate, the discount factor, the continuously \
            compounded forward rate from the previous tenor (from the curve's date for the first), and the \
            annual par rate.
            """
    )

    @Argument(help: "The curves file.")
    var file: String

    @Option(help: "How the curve is built from its par yields; hermite is ChinaBond's method, as on the dashboard.")
    var method: CurveFile.Method = .hermite

    @Option(help: "Which curve of the file (default: CGB, or the only one).")
    var curveName: String?

    @Option(help: "The curve's date, YYYY-MM-DD (default: the latest in the file).")
    var date: String?

    @Option(
        help: """
            Comma-separated tenors, printed by maturity, each once; each forward rate runs from the row before \
            (default: 3M,6M,1Y,2Y,3Y,5Y,7Y,10Y,15Y,20Y,30Y,50Y).
            """)
    var tenors: String = "3M,6M,1Y,2Y,3Y,5Y,7Y,10Y,15Y,20Y,30Y,50Y"

    func validate() throws {
        guard tenors.contains(where: { $0 != "," && $0 != " " }) else {
            throw ValidationError("--tenors names no tenor")
        }
        for text in tenors.split(separator: ",") where Tenor(String(text).trimmingCharacters(in: " ")) == nil {
            throw ValidationError("not a tenor: '\(text)' (a number and D, W, M or Y)")
        }
        if let date, (try? CivilDate(iso8601: date)) == nil {
            throw ValidationError("--date is not a YYYY-MM-DD date: '\(date)'")
        }
    }

    func run() throws {
        let curveFile: CurveFile
        do {
            curveFile = try CurveFile(input: try FileInput(path: file))
        } catch let error as IOError {
            throw UsageFailure(error.description)
        } catch let error as AnalyticsError {
            throw UsageFailure(error.description)
        }
        let name = try CurveOptions.chosenName(curveFile, requested: curveName)
        let dates = curveFile.points.filter { $0.curve == name }.map(\.date)
        let day = try date.map { try CivilDate(iso8601: $0) } ?? dates.max()!
        guard dates.contains(day) else { throw UsageFailure("curve \(name) has no points on \(day)") }
        let curves: CurveSet
        do {
            curves = try curveFile.curves(named: name, method: method)
        } catch {
            throw UsageFailure(error.description)
        }
        let curve = curves.curve(on: day)!
        let output = ByteBuffer()
        output.append("curve,date,method,tenor,maturity,zero_rate,discount_factor,forward_rate,par_rate\n")
        // By maturity, each once: each forward rate runs from the row before.
        var rows: [(tenor: Tenor, maturity: CivilDate)] = []
        for text in tenors.split(separator: ",") {
            let tenor = Tenor(String(text).trimmingCharacters(in: " "))!
            if let maturity = tenor.advance(day), !rows.contains(where: { $0.maturity == maturity }) {
                rows.append((tenor, maturity))
            }
        }
        rows.sort { $0.maturity < $1.maturity }
        var previous = day
        for (tenor, maturity) in rows {
            output.append(csvField: name)
            output.append(",\(day),\(method.rawValue),\(tenor),\(maturity)")
            output.append(commaAndShortest: curve.zeroRate(at: maturity) * 100)
            output.append(commaAndShortest: curve.discountFactor(at: maturity))
            output.append(commaAndShortest: curve.forwardRate(from: previous, to: maturity) * 100)
            output.append(commaAndShortest: curve.maturityYield(at: maturity) * 100)
            output.append(.lineFeed)
            previous = maturity
        }
        try? FileOutput.standardOutput().write(output)
    }
}

extension String {
    func trimmingCharacters(in characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
