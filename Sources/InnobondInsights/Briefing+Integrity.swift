import FixedIncome
import InnobondModel

extension Briefing {
    /// How many of the worst bonds the briefing names.
    static let worstNamed = 3

    /// The integrity section: the sci-tech bonds of the period scored on
    /// their use of proceeds as of its end, the worst bonds and issuer named
    /// with why, and the most frequent finding.
    static func integritySection(
        _ snapshot: RegistrySnapshot, period: DateRange, settings: IntegritySettings
    ) -> Section {
        let end = period.to!
        // The section names checks and scores: no finding's rows or sentence.
        let (bonds, issuers) = IntegrityScoring.score(
            snapshot, filter: BondFilter(issued: period), asOf: end, settings: settings, details: false)
        guard !bonds.isEmpty else {
            return Section(takeaways: [Takeaway(plain: "No sci-tech bond of the period to score.")], charts: [])
        }
        let source = "IntegrityScoring over the use-of-proceeds ledger, sci-tech bonds issued \(period), as of \(end)"
        let flagged = bonds.filter { $0.score > 0 }
        let mean = Double(bonds.reduce(0) { $0 + $1.score }) / Double(bonds.count)
        var takeaways = [
            Takeaway(
                "{scored} of the period were scored on the use of their proceeds as of \(end): {flagged} show a "
                    + "drift from the label; the mean score is {mean} of 100.",
                [
                    "scored": .count("Bonds scored", bonds.count, noun: "sci-tech bond", source: source),
                    "flagged": .count("Bonds with a finding", flagged.count, noun: "bond", source: source),
                    "mean": Figure(
                        name: "Mean score", value: mean, unit: .count, text: NumberText.fixed(mean, 1),
                        source: source),
                ])
        ]
        for bond in flagged.prefix(worstNamed) {
            takeaways.append(
                Takeaway(
                    "\(bond.code.value) (\(bond.name)) scores {score}: "
                        + bond.findings.map { $0.title.prefix(1).lowercased() + $0.title.dropFirst() }
                        .joined(separator: "; ") + ".",
                    ["score": .count("Score of \(bond.code.value)", bond.score, source: source)]))
        }
        if let issuer = issuers.first, issuer.score > 0 {
            takeaways.append(
                Takeaway(
                    "The worst-scored issuer is \(issuer.name), at {score} over {bonds}.",
                    [
                        "score": Figure(
                            name: "Score of \(issuer.name)", value: issuer.score, unit: .count,
                            text: NumberText.fixed(issuer.score, 1), source: source),
                        "bonds": .count("Its sci-tech bonds", issuer.bonds.count, noun: "bond", source: source),
                    ]))
        }
        var counts: [String: (title: String, bonds: Int)] = [:]
        for finding in bonds.flatMap(\.findings) { counts[finding.check, default: (finding.title, 0)].bonds += 1 }
        if let common = counts.max(by: { ($0.value.bonds, $1.key) < ($1.value.bonds, $0.key) }) {
            takeaways.append(
                Takeaway(
                    "The most frequent finding is \"\(common.value.title)\": {count}.",
                    ["count": .count("Bonds with it", common.value.bonds, noun: "bond", source: source)]))
        }
        return Section(takeaways: takeaways, charts: [])
    }
}
