import FixedIncome
import InnobondInsights
import InnobondModel

/// `/issuers/USCC`: profile, R&D intensity over the years, all its bonds.
struct IssuerPage: Sendable {
    struct Year: Sendable {
        var year: Int
        var revenue: String
        var research: String
        var intensity: String
        var patents: String
    }

    var layout: Layout
    var name: String
    var profile: [BondPage.Term]
    var years: [Year]
    var hasYears: Bool
    var chart: String?
    var bonds: [BondListPage.Row]
    var summary: String
    var apiHref: String
    /// The measures that reach the issuer today (docs/shield.md).
    var shield: ShieldSection

    init(current: RegistryState.Current, issuer: Issuer, screener: BondScreener) {
        layout = Layout(issuer.name, section: .issuers, current: current)
        name = issuer.name
        apiHref = "/api/v1/issuers/" + issuer.uscc.value
        shield = ShieldSection(current: current, issuer: issuer, day: screener.today)
        profile = [
            BondPage.Term(label: "Unified social credit code", value: issuer.uscc.value),
            BondPage.Term(label: "English name", value: issuer.nameEnglish ?? "–"),
            BondPage.Term(label: "Sector", value: issuer.sector.label),
            BondPage.Term(label: "Province", value: issuer.province),
            BondPage.Term(label: "Ownership", value: issuer.ownership.label),
            BondPage.Term(label: "Listed", value: issuer.listedCode ?? "no"),
        ]
        let financials = current.snapshot.financials.filter { $0.uscc == issuer.uscc }.sorted { $0.year < $1.year }
        years = financials.map { row in
            Year(
                year: row.year, revenue: Format.millions(row.revenue.fen),
                research: Format.millions(row.researchSpend.fen),
                intensity: row.researchIntensity.map { NumberText.fixed($0 * 100, 2) } ?? "–",
                patents: row.inventionPatents.map { NumberText.group(Int64($0)) } ?? "–")
        }
        hasYears = !years.isEmpty
        if hasYears {
            chart = Chart(
                kind: .bar, title: "R&D intensity", xLabel: "Fiscal year", yLabel: "R&D spending, % of revenue",
                categories: financials.map { String($0.year) },
                series: [
                    Chart.Series(
                        name: "R&D intensity", values: financials.map { $0.researchIntensity.map { $0 * 100 } })
                ],
                source: "registry issuer_financials", note: current.snapshot.isDemo ? Briefing.demoNotice : nil,
                reference: 5
            ).svg(height: 300)
        }
        let own = current.snapshot.bonds.filter { $0.uscc == issuer.uscc }.sorted { $0.issueDate > $1.issueDate }
        bonds = own.map { BondListPage.row($0, issuer: issuer, market: screener.market($0)) }
        let sciTech = own.filter(\.sciTech)
        let raised =
            "raising RMB " + Format.millions(sciTech.reduce(Int64(0)) { $0.addingClamped($1.amount.fen) }) + " m."
        if own.isEmpty {
            summary = "No bonds in the registry."
        } else if sciTech.isEmpty {
            summary = NumberText.count(own.count, "bond") + ", none of them a sci-tech innovation bond."
        } else if sciTech.count == own.count {
            summary = NumberText.count(own.count, "sci-tech innovation bond") + " " + raised
        } else {
            summary =
                "\(NumberText.count(own.count, "bond")), \(sciTech.count) of them sci-tech innovation "
                + (sciTech.count == 1 ? "bond" : "bonds") + " " + raised
        }
    }
}
