import FixedIncome
import InnobondInsights
import InnobondPages

/// `/reports`: the briefing for a period, rendered, with its downloads.
struct ReportPage: Sendable {
    var layout: Layout
    var from: String
    var to: String
    var asOf: String
    var query: String
    var briefing: BriefingView

    init(current: RegistryState.Current, options: Briefing.Options) throws(APIError) {
        let briefing = try APIRoutes.briefing(current, options)
        layout = Layout(briefing.title, section: .reports, current: current)
        from = briefing.period.from?.iso8601 ?? ""
        to = briefing.period.to?.iso8601 ?? ""
        asOf = options.asOf?.iso8601 ?? ""
        query = "from=\(from)&to=\(to)" + (asOf.isEmpty ? "" : "&as_of=\(asOf)")
        self.briefing = BriefingView(briefing, links: (query, FlagPage.path))
    }
}
