import InnobondIO
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
    /// The whole filtered list, in the registry's import format and as shown.
    var csv: String
    var csvShown: String

    init(current: RegistryState.Current, text: String?, sector: Sector?, limit: Int = 500) {
        layout = Layout("Issuers", section: .issuers, current: current)
        q = text ?? ""
        filtered = text != nil || sector != nil
        sectors =
            [BondListPage.Option(value: "", label: "any", selected: sector == nil)]
            + Sector.allCases.map { BondListPage.Option(value: $0.rawValue, label: $0.label, selected: $0 == sector) }
        let bondCounts = Self.bondCounts(current.snapshot)
        let matching = Self.matching(current.snapshot, text: text, sector: sector, counts: bondCounts)
        total = NumberText.count(matching.count, "issuer")
        let query = BondQuery.encoded(
            [text.map { ("q", $0) }, sector.map { ("sector", $0.rawValue) }].compactMap { $0 })
        csv = "/issuers.csv" + (query.isEmpty ? "" : "?" + query)
        csvShown = "/issuers.csv?" + (query.isEmpty ? "" : query + "&") + "form=shown"
        truncated = matching.count > limit
        rows = matching.prefix(limit).map { issuer in
            let counts = bondCounts[issuer.uscc] ?? (0, 0, 0)
            return Row(
                name: issuer.name, href: "/issuers/" + issuer.uscc.value, uscc: issuer.uscc.value,
                sector: issuer.sector.label, province: issuer.province, bonds: counts.all,
                sciTechBonds: counts.sciTech, amount: Format.millions(counts.fen))
        }
    }

    typealias Counts = (all: Int, sciTech: Int, fen: Int64)

    /// Each issuer's bonds, sci-tech bonds and sci-tech amount (fen).
    static func bondCounts(_ snapshot: RegistrySnapshot) -> [USCC: Counts] {
        var counts: [USCC: Counts] = [:]
        for bond in snapshot.bonds {
            counts[bond.uscc, default: (0, 0, 0)].all += 1
            if bond.sciTech {
                counts[bond.uscc, default: (0, 0, 0)].sciTech += 1
                counts[bond.uscc, default: (0, 0, 0)].fen.addClamped(bond.amount.fen)
            }
        }
        return counts
    }

    /// The issuers the search text and the sector pass, the largest sci-tech
    /// issuers first (then by name): the list's rows, and its downloads'.
    static func matching(
        _ snapshot: RegistrySnapshot, text: String?, sector: Sector?, counts: [USCC: Counts]? = nil
    ) -> [Issuer] {
        let counts = counts ?? bondCounts(snapshot)
        let search = text.flatMap { $0.isEmpty ? nil : TextSearch($0) }
        return snapshot.issuers.filter { issuer in
            (sector == nil || issuer.sector == sector)
                && (search?.findsIssuer(issuer) ?? true)
        }.sorted { (counts[$0.uscc]?.fen ?? 0, $1.name) > (counts[$1.uscc]?.fen ?? 0, $0.name) }
    }

    /// The header of the list's columns as CSV.
    static let shownHeader = "name,uscc,sector,province,bonds,sci_tech_bonds,sci_tech_amount_cny"

    /// An issuer as a CSV line of the list's columns.
    static func shownLine(_ issuer: Issuer, counts: Counts?) -> String {
        let counts = counts ?? (0, 0, 0)
        return [
            issuer.name, issuer.uscc.value, issuer.sector.rawValue, issuer.province, String(counts.all),
            String(counts.sciTech), Money(fen: counts.fen).yuanText,
        ].map(CSVField.quote).joined(separator: ",")
    }
}
