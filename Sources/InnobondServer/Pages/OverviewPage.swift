import FixedIncome
import InnobondInsights
import InnobondModel
import InnobondPages

/// `/`: headline figures, issuance charts, financing advantage and the
/// latest financing-conditions table, for an issue period.
struct OverviewPage: Sendable {
    struct Card: Sendable {
        var label: String
        var value: String
        var href: String? = nil
    }

    var layout: Layout
    var from: String
    var to: String
    var cards: [Card]
    var briefing: BriefingView

    init(current: RegistryState.Current, period: DateRange) throws(APIError) {
        // The overview shows no integrity or shield section of the briefing.
        let briefing = try APIRoutes.briefing(current, Briefing.Options(period: period), scrutiny: false)
        layout = Layout("Overview", section: .overview, current: current)
        from = briefing.period.from?.iso8601 ?? ""
        to = briefing.period.to?.iso8601 ?? ""
        let issuance = briefing.issuance
        cards = [
            Card(label: "Issuers of sci-tech bonds", value: NumberText.group(Int64(issuance.issuers))),
            Card(label: "Sci-tech bonds", value: NumberText.group(Int64(issuance.bonds))),
            Card(label: "Amount raised", value: NumberText.yuanBillions(fen: issuance.amountFen)),
            Card(
                label: "Coupon vs matched conventional bonds",
                value: briefing.advantage.couponDifferenceBp.map { NumberText.fixed($0.mean, 1) + " bp" } ?? "–"),
        ]
        if let register = current.shield, !register.measures.isEmpty {
            let shield = ShieldOverview(register: register, snapshot: current.snapshot, on: current.today)
            cards.append(
                Card(
                    label: "Sci-tech bonds outstanding from issuers foreign measures reach today",
                    value: NumberText.count(shield.bondCount, "bond") + ", "
                        + NumberText.yuanBillions(fen: shield.amountFen),
                    href: ShieldPage.path))
        }
        self.briefing = BriefingView(
            briefing,
            links: (
                "from=\(briefing.period.from?.iso8601 ?? "")&to=\(briefing.period.to?.iso8601 ?? "")", FlagPage.path
            ))
    }
}
