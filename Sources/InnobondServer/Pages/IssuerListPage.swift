import InnobondInsights
import InnobondModel

/// `/issuers`: issuers, searched and filtered by sector.
struct IssuerListPage: Sendable {
    struct Row: Sendable {
        var name: String
        var href: String
        var uscc: String
        var sector: String
        var province: String
        var bonds: Int
        var sciTechBonds: Int
        var amount: String
    }

    var layout: Layout
    var q: String
    /// Whether a search text or a sector narrows the list.
    var filtered: Bool
    var sectors: [BondListPage.Option]
    var rows: [Row]
    var total: String
    var truncated: Bool

    init(current: RegistryState.Current, text: String?, sector: Sector?, limit: Int = 500) {
        layout = Layout("Issuers", section: .issuers, current: current)
        q = text ?? ""
        filtered = text != nil || sector != nil
        sectors =
            [BondListPage.Option(value: "", label: "any", selected: sector == nil)]
            + Sector.allCases.map { BondListPage.Option(value: $0.rawValue, label: $0.label, selected: $0 == sector) }
        var bondCounts: [USCC: (all: Int, sciTech: Int, fen: Int64)] = [:]
        for bond in current.snapshot.bonds {
            bondCounts[bond.uscc, default: (0, 0, 0)].all += 1
            if bond.sciTech {
                bondCounts[bond.uscc, default: (0, 0, 0)].sciTech += 1
                bondCounts[bond.uscc, default: (0, 0, 0)].fen.addClamped(bond.amount.fen)
            }
        }
        let needle = text?.lowercased() ?? ""
        let matching = current.snapshot.issuers.filter { issuer in
            (sector == nil || issuer.sector == sector)
                && (needle.isEmpty || issuer.name.lowercased().contains(needle)
                    || (issuer.nameEnglish ?? "").lowercased().contains(needle)
                    || issuer.uscc.value.lowercased().contains(needle))
        }.sorted { (bondCounts[$0.uscc]?.fen ?? 0, $1.name) > (bondCounts[$1.uscc]?.fen ?? 0, $0.name) }
        total = NumberText.count(matching.count, "issuer")
        truncated = matching.count > limit
        rows = matching.prefix(limit).map { issuer in
            let counts = bondCounts[issuer.uscc] ?? (0, 0, 0)
            return Row(
                name: issuer.name, href: "/issuers/" + issuer.uscc.value, uscc: issuer.uscc.value,
                sector: issuer.sector.label, province: issuer.province, bonds: counts.all,
                sciTechBonds: counts.sciTech, amount: Format.millions(counts.fen))
        }
    }
}
