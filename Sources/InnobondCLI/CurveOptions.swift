import ArgumentParser
import FixedIncome
import InnobondAnalytics
import InnobondIO

extension CurveFile.Method: ExpressibleByArgument {}

/// `--curve FILE`, the curve in it and how to build it.
struct CurveOptions: ParsableArguments {
    @Option(
        name: .customLong("curve"),
        help: """
            A curves file (curve,date,tenor,yield in percent). A row takes the latest curve on or before its \
            settlement date, at most \(CurveDates.maximumAgeDays) days older; without one its curve columns are empty.
            """)
    var file: String?

    @Option(help: "Which curve of the file (default: CGB, or the only one).")
    var curveName: String?

    @Option(help: "How the curve is built from its par yields; hermite is ChinaBond's method, as on the dashboard.")
    var curveMethod: CurveFile.Method = .hermite

    /// The curves by date, or `nil` when no file was given and none is required.
    func load(required: Bool) throws -> CurveSet? {
        guard let file else {
            if required { throw UsageFailure("give a curves file") }
            return nil
        }
        do {
            let curves = try CurveFile(input: try FileInput(path: file))
            return try curves.curves(named: try Self.chosenName(curves, requested: curveName), method: curveMethod)
        } catch let error as IOError {
            throw UsageFailure(error.description)
        } catch let error as AnalyticsError {
            throw UsageFailure(error.description)
        }
    }

    /// The curve named, or CGB, or the file's only curve.
    static func chosenName(_ file: CurveFile, requested: String?) throws -> String {
        let names = file.curveNames
        guard !names.isEmpty else { throw UsageFailure("the curve file has a header but no points") }
        if let requested {
            guard names.contains(requested) else {
                throw UsageFailure("the file has no curve \(requested); it has \(names.joined(separator: ", "))")
            }
            return requested
        }
        if names.contains("CGB") || names.count != 1 {
            guard names.contains("CGB") else {
                throw UsageFailure("the file has curves \(names.joined(separator: ", ")); choose one with --curve-name")
            }
            return "CGB"
        }
        return names[0]
    }
}
