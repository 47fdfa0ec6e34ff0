import InnobondInsights
import InnobondModel
import InnobondPages

/// `/reports/flags/ID`: every bond (or issuer) a briefing's risk flag names,
/// each with its page: where the briefing's "and N more" leads.
struct FlagPage: Sendable {
    static let path = "/reports/flags"

    struct Row: Sendable {
        var code: String
        var href: String
        var name: String
        var issuer: String
        var issuerHref: String?
    }

    var layout: Layout
    var title: String
    var takeaway: BriefingView.TakeawayView
    var summary: String
    var reportHref: String
    var rows: [Row]

    init(current: RegistryState.Current, options: Briefing.Options, id: String) throws(APIError) {
        let briefing = try APIRoutes.briefing(current, options)
        guard let flag = briefing.risks.first(where: { $0.id == id }) else {
            throw APIError(
                .notFound,
                "no flag '\(id)' in the briefing for \(briefing.period): "
                    + (briefing.risks.map(\.id).joined(separator: ", ").nonEmpty ?? "it flags nothing"),
                field: "id")
        }
        layout = Layout(flag.title, section: .reports, current: current)
        title = flag.title
        takeaway = BriefingView.TakeawayView(flag.takeaway)
        let from = briefing.period.from?.iso8601 ?? ""
        let to = briefing.period.to?.iso8601 ?? ""
        reportHref = "/reports?from=\(from)&to=\(to)" + (options.asOf.map { "&as_of=\($0)" } ?? "")
        summary = "\(NumberText.count(flag.codes.count, "code")) flagged, sci-tech bonds issued \(briefing.period)"
        let snapshot = current.snapshot
        rows = flag.codes.map { code in
            if let bondCode = BondCode(code), let bond = snapshot.bond(bondCode) {
                let issuer = snapshot.issuersByCode[bond.uscc]
                return Row(
                    code: code, href: BriefingView.page(of: code), name: bond.name,
                    issuer: issuer?.name ?? bond.uscc.value, issuerHref: "/issuers/\(bond.uscc.value)")
            }
            let issuer = (try? USCC(code)).flatMap { snapshot.issuersByCode[$0] }
            return Row(
                code: code, href: BriefingView.page(of: code), name: issuer?.name ?? "", issuer: "", issuerHref: nil)
        }
    }
}

extension String {
    /// The text, or `nil` when empty.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
