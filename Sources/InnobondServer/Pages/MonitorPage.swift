import FixedIncome
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondPages

/// `/monitor`: each money and credit series with its chart, the M2–M1 gap,
/// definitions and revisions, as known on a date, with the
/// financing-conditions table and its takeaways.
struct MonitorPage: Sendable {
    struct DefinitionRow: Sendable {
        var series: String
        var definition: String
        var first: String
        var last: String
    }

    struct Revision: Sendable {
        var series: String
        var period: String
        var definition: String
        var values: String
    }

    var layout: Layout
    var asOf: String
    var to: String
    var yearLabel: String
    var quarterLabel: String
    var conditionRows: [BriefingView.ConditionRow]
    var takeaways: [BriefingView.TakeawayView]
    var charts: [String]
    var definitions: [DefinitionRow]
    var revisions: [Revision]
    var hasRevisions: Bool
    var hasSeries: Bool
    /// Why there are no series, when there are none.
    var seriesMessage: String
    /// The figures behind the page: every vintage published by its date, and as shown.
    var csv: String
    var csvShown: String

    init(current: RegistryState.Current, asOf: CivilDate?, through end: CivilDate?) {
        layout = Layout("Monetary monitor", section: .monitor, current: current)
        let monitor = asOf.map { MacroMonitor(current.snapshot.macro, asOf: $0) } ?? current.monitor
        let end = current.conditionsEnd(to: end, asOf: asOf)
        self.asOf = asOf?.iso8601 ?? ""
        to = end.iso8601
        csv = "/monitor.csv?" + BondQuery.encoded([("as_of", self.asOf), ("to", to)].filter { !$0.1.isEmpty })
        csvShown = csv + "&form=shown"
        let conditions = FinancingConditions(monitor: monitor, curves: current.curves, through: end)
        yearLabel = conditions.yearLabel
        quarterLabel = conditions.quarterLabel
        conditionRows = conditions.rows.map(BriefingView.ConditionRow.init)
        takeaways = conditions.rows.map { BriefingView.TakeawayView($0.takeaway) }
        let note = current.snapshot.isDemo ? Briefing.demoNotice : nil
        let known = asOf.map { " as known on \($0)" } ?? ", latest vintages"
        var charts: [String] = []
        let gap = monitor.gap()
        if !gap.isEmpty {
            let (lines, breaks) = Self.byDefinition(gap) { definition in
                // `M2_2001 − M1_2025`: the narrow side is the one that changed.
                "M2–M1 gap ("
                    + (definition.components(separatedBy: " − ").last.map(MacroNames.definition) ?? definition) + ")"
            }
            charts.append(
                Chart(
                    kind: .line, title: "M2–M1 gap", xLabel: "Month", yLabel: "Percentage points",
                    series: lines, source: "registry macro: M2 growth minus M1 growth" + known, note: note,
                    reference: 0, referenceLabel: "no gap", breaks: breaks
                ).svg())
        }
        for series in monitor.seriesNames {
            let growth = monitor.growth(series)
            guard !growth.isEmpty else { continue }
            let (lines, breaks) = Self.byDefinition(growth, name: MacroNames.definition)
            charts.append(
                Chart(
                    kind: .line, title: "\(MacroNames.series(series)) growth", xLabel: "Period end",
                    yLabel: "% year on year", series: lines, source: "registry macro: \(series)" + known, note: note,
                    breaks: breaks
                ).svg())
        }
        let yields = current.curves.series("AAA_corporate", tenor: Tenor("5Y")!, asOf: asOf)
        if !yields.isEmpty {
            charts.append(
                Chart(
                    kind: .line, title: "AAA 5-year corporate yield", xLabel: "Date", yLabel: "% (par yield)",
                    series: [Chart.Series(name: "AAA 5Y", points: yields)],
                    source: "registry curves AAA_corporate 5Y" + (asOf.map { " to \($0)" } ?? ""), note: note
                ).svg())
        }
        self.charts = charts
        hasSeries = !monitor.seriesNames.isEmpty
        seriesMessage =
            current.snapshot.macro.isEmpty
            ? "No money and credit series in the registry: import the macro kind."
            : "No money and credit figures had been published by \(asOf.map(\.iso8601) ?? "then")."
        definitions = monitor.seriesNames.flatMap { series in
            monitor.definitions(of: series).map {
                DefinitionRow(
                    series: Self.named(MacroNames.series(series), series),
                    definition: Self.named(
                        MacroNames.definition($0.definition)
                            + (MacroNames.change($0.definition).map { ": " + $0 } ?? ""), $0.definition),
                    first: $0.first.description, last: $0.last.description)
            }
        }
        var revisions: [Revision] = []
        for (series, rows) in monitor.vintages.sorted(by: { $0.key < $1.key }) {
            let visible = rows.filter { asOf == nil || $0.published <= asOf! }
            for (key, versions) in Dictionary(grouping: visible, by: { "\($0.period)|\($0.definition)" })
            where versions.count > 1 {
                let parts = key.split(separator: "|")
                revisions.append(
                    Revision(
                        series: MacroNames.series(series), period: String(parts[0]),
                        definition: Self.named(MacroNames.definition(String(parts[1])), String(parts[1])),
                        values: versions.sorted { $0.published < $1.published }.map { version in
                            "\(version.value.map { NumberText.fixed($0, 2) } ?? "–") (published \(version.published))"
                        }.joined(separator: " → ")))
            }
        }
        self.revisions = revisions.sorted { ($0.series, $0.period) < ($1.series, $1.period) }
        hasRevisions = !self.revisions.isEmpty
    }

    /// A readable name with the registry's identifier beside it, when they differ.
    static func named(_ name: String, _ identifier: String) -> String {
        name == identifier ? name : "\(name) (\(identifier))"
    }

    /// One line per definition, in the order the definitions start, and a
    /// marked break where each later one starts: figures of two definitions
    /// are never joined by a line.
    static func byDefinition(_ points: [GrowthPoint], name: (String) -> String) -> (
        [Chart.Series], [Chart.Break]
    ) {
        let groups = Dictionary(grouping: points, by: \.definition).map { ($0.key, $0.value.map(\.timePoint)) }
            .sorted { ($0.1.map(\.date).min()!, $0.0) < ($1.1.map(\.date).min()!, $1.0) }
        let lines = groups.map { Chart.Series(name: name($0.0), points: $0.1) }
        let breaks = groups.dropFirst().map { Chart.Break(date: $0.1.map(\.date).min()!, label: "definition changes") }
        return (lines, breaks)
    }

    /// The header of the figures as shown: each known on the page's date.
    static let shownHeader = "series,series_name,period,definition,definition_name,value,unit,yoy_pct,published"

    /// A figure as a CSV line, with the series' and definition's readable names.
    @Sendable static func shownLine(_ row: MacroObservation) -> String {
        [
            row.series, MacroNames.series(row.series), row.period.description, row.definition,
            MacroNames.definition(row.definition), row.value?.shortText ?? "", row.unit,
            row.yoyPercent?.shortText ?? "",
            row.published.iso8601,
        ].map(CSVField.quote).joined(separator: ",")
    }
}
