import FixedIncome
import InnobondInsights
import InnobondModel

/// `/curves`: a curve of the registry on a date, fitted three ways side by
/// side (bootstrapped discount factors, ChinaBond's Hermite interpolation of
/// par yields, a Nelson–Siegel–Svensson fit), with the points it was fitted
/// to, and its par yields against those of another date.
struct CurvesPage: Sendable {
    struct Row: Sendable {
        var tenor: String
        var maturity: String
        /// The fitted par yield, then zero, forward and par by method.
        var cells: [String]
    }

    /// The methods, in the order of the table's columns.
    static let methods = ["bootstrap", "hermite", "nss"]

    var layout: Layout
    var curves: [BondListPage.Option]
    var date: String
    var compare: String
    var hasCurve: Bool
    var message: String
    var heading: String
    var methodHeadings: [String]
    var rows: [Row]
    var errors: [String]
    var charts: [String]

    init(current: RegistryState.Current, curve requested: String?, date: CivilDate?, compare: CivilDate?)
        throws(APIError)
    {
        layout = Layout("Curves", section: .curves, current: current)
        var library = current.curves
        library.maximumAgeDays = Int.max
        let names = library.names
        let name = requested ?? (names.contains("CGB") ? "CGB" : names.first)
        if let requested, !names.contains(requested) {
            throw APIError.badParameter(
                "curve", "no curve \(requested) (the registry has \(names.joined(separator: ", ")))")
        }
        curves = names.map { BondListPage.Option(value: $0, label: $0, selected: $0 == name) }
        self.date = date?.iso8601 ?? ""
        self.compare = compare?.iso8601 ?? ""
        methodHeadings = Self.methods
        rows = []
        errors = []
        charts = []
        heading = ""
        guard let name, let days = library.days[name], !days.isEmpty else {
            hasCurve = false
            message = "No curve in the registry: import the curves kind."
            return
        }
        guard let day = date.map({ library.day(name, on: $0) }) ?? days.last else {
            hasCurve = false
            message = "Curve \(name) has no points on or before \(date!)."
            return
        }
        hasCurve = true
        message = ""
        heading =
            "\(name) on \(day.date)" + (date.map { $0 == day.date ? "" : " (the latest on or before \($0))" } ?? "")
        let points = day.points.compactMap { point in
            point.tenor.advance(day.date).map { (tenor: point.tenor, maturity: $0, yield: point.yieldPercent) }
        }
        let parYields = ParYield.firstByMaturity(points.map { ParYield(maturity: $0.maturity, yield: $0.yield / 100) })
        var fitted: [(String, any YieldCurve)] = []
        for method in Self.methods {
            do throws(CurveError) {
                switch method {
                case "bootstrap":
                    fitted.append((method, try DiscountCurve.bootstrap(referenceDate: day.date, parYields: parYields)))
                case "hermite":
                    fitted.append((method, try HermiteCurve(referenceDate: day.date, parYields: parYields)))
                default:
                    fitted.append((method, try NelsonSiegelSvensson.fit(referenceDate: day.date, parYields: parYields)))
                }
            } catch {
                errors.append("\(method): \(error)")
            }
        }
        methodHeadings = fitted.map(\.0)
        var previous = day.date
        var seen = Set<CivilDate>()
        for point in points where seen.insert(point.maturity).inserted {
            var cells = [NumberText.fixed(point.yield, 4)]
            for (_, curve) in fitted {
                cells.append(NumberText.fixed(curve.zeroRate(at: point.maturity) * 100, 4))
                cells.append(NumberText.fixed(curve.forwardRate(from: previous, to: point.maturity) * 100, 4))
                cells.append(NumberText.fixed(curve.maturityYield(at: point.maturity) * 100, 4))
            }
            rows.append(Row(tenor: point.tenor.description, maturity: point.maturity.iso8601, cells: cells))
            previous = point.maturity
        }
        let note = current.snapshot.isDemo ? Briefing.demoNotice : nil
        func years(_ maturity: CivilDate) -> Double { Double(day.date.days(to: maturity)) / 365.25 }
        var zeros = fitted.map { method, curve in
            Chart.Series(
                name: "zero, \(method)",
                xy: points.map { Chart.XYPoint(x: years($0.maturity), y: curve.zeroRate(at: $0.maturity) * 100) })
        }
        zeros.insert(
            Chart.Series(
                name: "par, points on \(day.date)", xy: points.map { Chart.XYPoint(x: years($0.maturity), y: $0.yield) }
            ),
            at: 0)
        charts.append(
            Chart(
                kind: .xy, title: "\(name): par points and zero rates by method", xLabel: "Years to maturity",
                yLabel: "% (continuous zero, par)", series: zeros, source: "registry curves \(name) on \(day.date)",
                note: note
            ).svg())
        if let compare, let other = library.day(name, on: compare), other.date != day.date {
            let otherPoints = other.points.compactMap { point in
                point.tenor.advance(other.date).map {
                    Chart.XYPoint(x: Double(other.date.days(to: $0)) / 365.25, y: point.yieldPercent)
                }
            }
            charts.append(
                Chart(
                    kind: .xy, title: "\(name) par yields, \(day.date) and \(other.date)", xLabel: "Years to maturity",
                    yLabel: "% (par yield)",
                    series: [
                        Chart.Series(name: day.date.iso8601, xy: zeros[0].xy),
                        Chart.Series(name: other.date.iso8601, xy: otherPoints),
                    ], source: "registry curves \(name)", note: note
                ).svg())
        }
    }
}
