import FixedIncome
import Hummingbird
import InnobondInsights
import InnobondModel

extension APIRoutes {
    static let insights: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/statistics",
            summary: "Issuance statistics of the sci-tech bonds a filter passes", tag: "insights",
            parameters: bondFilters.filter { $0.name != "sci_tech" }, errors: [400: "A parameter is not valid"],
            schema: "IssuanceStatistics"
        ) { request, _, state in
            let query = try BondQuery(QueryParameters(request), paging: .pages)
            return try await Rendering.cached(request, state, reads: [.bonds, .issuers], heavy: true) { current in
                try Rendering.entry(
                    json: IssuanceStatistics(current.snapshot, filter: query.filter.with(sciTech: true)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/advantage",
            summary: "Financing advantage: sci-tech against matched conventional bonds", tag: "insights",
            parameters: bondFilters.filter { $0.name != "sci_tech" }, errors: [400: "A parameter is not valid"],
            schema: "Advantage"
        ) { request, _, state in
            let query = try BondQuery(QueryParameters(request), paging: .pages)
            return try await Rendering.cached(request, state, reads: [.bonds, .issuers, .curves], heavy: true) {
                current in
                try Rendering.entry(
                    json: InsightsSummary.Advantage(
                        FinancingAdvantage(current.snapshot, filter: query.filter, curves: current.curves)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/conditions",
            summary: "The financing-conditions table: averages, trends and implications", tag: "insights",
            parameters: [
                .init(
                    name: "to", kind: .date,
                    description:
                        "End of the table (default: as_of when given and earlier, else the registry's latest date)"),
                .init(name: "as_of", kind: .date, description: "Money figures as known on this date"),
            ], errors: [400: "A parameter is not valid"], schema: "FinancingConditions"
        ) { request, _, state in
            let query = Query(request)
            let to = try query.date("to")
            let asOf = try query.date("as_of")
            // The money figures and curves, through the registry's latest date.
            return try await Rendering.cached(request, state, reads: RegistryState.Reads.latestDate, heavy: true) {
                current in
                let monitor = asOf.map { MacroMonitor(current.snapshot.macro, asOf: $0) } ?? current.monitor
                return try Rendering.entry(
                    json: FinancingConditions(
                        monitor: monitor, curves: current.curves, through: current.conditionsEnd(to: to, asOf: asOf)))
            }
        },
        APIRoute(
            method: .get, path: "/api/v1/report",
            summary: "The briefing of a period, every sentence with its figures and their sources", tag: "insights",
            parameters: [
                .init(name: "from", kind: .date, description: "First issue date"),
                .init(name: "to", kind: .date, description: "Last issue date"),
                .init(name: "as_of", kind: .date, description: "Money figures as known on this date"),
            ], errors: [400: "A parameter is not valid"], schema: "Briefing"
        ) { request, _, state in
            let options = try Self.briefingOptions(Query(request))
            return try await Rendering.cached(request, state, heavy: true) { current in
                try Rendering.entry(json: Self.briefing(current, options))
            }
        },
    ]

    /// The briefing of `options` on `current`'s registry.
    ///
    /// - Throws: a 400 naming `from` when only the start was given and it
    ///   comes after the period's default end (`as_of`, or the registry's
    ///   latest date).
    /// - Parameter scrutiny: as ``Briefing/init(_:options:scrutiny:)``.
    static func briefing(
        _ current: RegistryState.Current, _ options: Briefing.Options, scrutiny: Bool = true
    ) throws(APIError) -> Briefing {
        var options = options
        options.today = current.latestDate
        let period = Briefing.period(of: current.snapshot, options: options)
        if let from = period.from, let to = period.to, from > to, Briefing.latestDate(current.snapshot) != nil {
            throw .badParameter(
                "from", "\(from) is after \(to), the default to (as_of, or the registry's latest date): give to as well"
            )
        }
        return Briefing(current.snapshot, options: options, scrutiny: scrutiny)
    }

    /// A briefing's period and vintage date from `from`, `to` and `as_of`.
    static func briefingOptions(_ query: Query) throws(APIError) -> Briefing.Options {
        let from = try query.date("from")
        let to = try query.date("to")
        if let from, let to, from > to { throw .badParameter("to", "\(to) is before from \(from)") }
        return Briefing.Options(period: DateRange(from: from, to: to), asOf: try query.date("as_of"))
    }
}
