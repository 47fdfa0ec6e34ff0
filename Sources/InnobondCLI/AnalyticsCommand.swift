import ArgumentParser
import Foundation
import InnobondAnalytics
import InnobondIO

/// `innobond analytics`: batch pricing of a CSV of bonds (spec/bond-analytics.md).
struct AnalyticsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Price a CSV of fixed-rate bonds: price or yield, accrued interest, duration, convexity, DV01.",
        discussion: """
            Columns, found by name: id, issue_date, maturity_date, settlement_date, coupon_rate (%), \
            frequency (1, 2, 4, 12), day_count (ACT/ACT-ICMA, ACT/365F, ACT/360, 30/360, NL/365), \
            and exactly one of clean_price (per 100) and yield (%). Rows that cannot be priced keep \
            their id with empty figures and are reported on standard error as \
            'line N, column NAME: reason'. Exit status: 0 when every row was priced, 1 when any was \
            rejected, 2 on unusable arguments or input. An optional 'convention' column (CIBM, SSE, SZSE) \
            prices a row by that market's rules, with day_count optional and frequency 0 for interest at \
            maturity (docs/conventions.md). With --curve, four columns follow: g_spread_bp and z_spread_bp \
            against the curve of the settlement date, yield_to_put and yield_to_worst (from an optional \
            'put_date' column).
            """
    )

    @Option(help: "Input CSV file (default: standard input).")
    var input: String?

    @Option(help: "Output CSV file (default: standard output).")
    var output: String?

    @Option(help: "Threads that price rows; by default, one a core.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var curve: CurveOptions

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, not \(threads)") }
    }

    func run() throws {
        do {
            let source = try input.map(FileInput.init(path:)) ?? FileInput.standardInput()
            let sink = try output.map(FileOutput.init(path:)) ?? FileOutput.standardOutput()
            let curves = try curve.load(required: false)
            let summary = try BatchAnalytics.run(
                input: source, output: sink, threads: threads,
                diagnostics: printError,
                progress: ProgressLine.onTerminal(
                    label: "rows", totalBytes: source.size, outputIsStandardOutput: output == nil),
                curves: curves)
            try sink.commit()
            if summary.rejected > 0 { throw ExitCode(1) }
        } catch let error as IOError {
            throw UsageFailure(error.description)
        } catch let error as AnalyticsError {
            throw UsageFailure(error.description)
        }
    }
}
