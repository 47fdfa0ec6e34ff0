import FixedIncome
import InnobondInsights
import InnobondModel

/// `/integrity`: sci-tech bonds and issuers ranked by how far the use of
/// their proceeds drifts from the label, each bond's checks named, with the
/// findings' counts by check; filters, and an "as of" date.
struct IntegrityPage: Sendable {
    struct BondRow: Sendable {
        var rank: Int
        var code: String
        var href: String
        var name: String
        var issuer: String
        var score: Int
        var checks: String
    }

    struct IssuerRow: Sendable {
        var rank: Int
        var name: String
        var href: String
        var score: String
        var bonds: Int
    }

    struct Count: Sendable {
        var title: String
        var check: String
        var weight: Int
        var bonds: Int
    }

    var layout: Layout
    var asOf: String
    var knownNow: Bool
    var summary: String
    var bonds: [BondRow]
    var issuers: [IssuerRow]
    var counts: [Count]
    var hasBonds: Bool
    var sectors: [Option]
    var regimes: [Option]
    var ratings: [Option]
    var from: String
    var to: String

    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    static let shown = 100

    init(
        current: RegistryState.Current, snapshot: RegistrySnapshot, filter: BondFilter, day: CivilDate,
        asOfGiven: Bool, knownNow: Bool, issuedFrom: CivilDate?, issuedTo: CivilDate?
    ) {
        layout = Layout("Integrity", section: .integrity, current: current)
        asOf = asOfGiven ? day.iso8601 : ""
        self.knownNow = knownNow
        // The page lists checks and scores: no finding's rows or sentence.
        let (scored, ranked) = IntegrityScoring.score(snapshot, filter: filter, asOf: day, details: false)
        let issuersByCode = snapshot.issuersByCode
        bonds = scored.prefix(Self.shown).enumerated().map { index, bond in
            BondRow(
                rank: index + 1, code: bond.code.value, href: "/bonds/\(bond.code.value)#ledger", name: bond.name,
                issuer: issuersByCode[bond.uscc]?.name ?? bond.uscc.value, score: bond.score,
                checks: bond.findings.isEmpty ? "–" : bond.findings.map(\.title).joined(separator: "; "))
        }
        issuers = ranked.prefix(Self.shown).enumerated().map { index, issuer in
            IssuerRow(
                rank: index + 1, name: issuer.name, href: "/issuers/\(issuer.uscc.value)",
                score: NumberText.fixed(issuer.score, 1), bonds: issuer.bonds.count)
        }
        var byCheck: [String: (title: String, weight: Int, bonds: Int)] = [:]
        for finding in scored.flatMap(\.findings) {
            byCheck[finding.check, default: (finding.title, finding.weight, 0)].bonds += 1
        }
        counts = byCheck.map {
            Count(title: $0.value.title, check: $0.key, weight: $0.value.weight, bonds: $0.value.bonds)
        }
        .sorted { ($0.bonds, $1.check) > ($1.bonds, $0.check) }
        let flagged = scored.filter { $0.score > 0 }.count
        summary =
            "\(NumberText.count(scored.count, "sci-tech bond")) issued \(filter.issued) scored as of \(day)"
            + (knownNow ? " (rows known now)" : "") + ": \(flagged) with a finding, "
            + "\(scored.count - flagged) with none. Scores run from 0 (no check fires) to 100; the checks and "
            + "weights are in docs/integrity.md."
        hasBonds = !scored.isEmpty
        sectors =
            [Option(value: "", label: "All sectors", selected: filter.sectors.isEmpty)]
            + Sector.allCases.map {
                Option(value: $0.rawValue, label: $0.label, selected: filter.sectors == [$0])
            }
        regimes =
            [Option(value: "", label: "All regimes", selected: filter.regimes.isEmpty)]
            + Regime.allCases.map {
                Option(value: $0.rawValue, label: $0.label, selected: filter.regimes == [$0])
            }
        ratings =
            [Option(value: "", label: "All ratings", selected: filter.ratings.isEmpty)]
            + Rating.scale.map { scale in
                Option(value: scale, label: scale, selected: filter.ratings.map(\.value) == [scale])
            }
        from = issuedFrom?.iso8601 ?? ""
        to = issuedTo?.iso8601 ?? ""
    }
}
