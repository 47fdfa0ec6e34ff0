import FixedIncome
import InnobondModel

extension Briefing {
    /// How many reached issuers the briefing names.
    static let shieldNamed = 3

    /// "The external shield": as of the period's end, the issuers foreign
    /// measures reach (named, or through their owners) with their sci-tech
    /// bonds outstanding, the largest named with the measures, and where the
    /// compliance cases stand against their clocks.
    static func shieldSection(_ snapshot: RegistrySnapshot, day: CivilDate, calendar: WorkingDayCalendar) -> Section {
        let register: ShieldRegister
        do {
            register = try ShieldRegister(snapshot)
        } catch {
            return Section(
                takeaways: [Takeaway(plain: "The register's holdings cannot be read: \(error.description).")],
                charts: [])
        }
        guard !register.measures.isEmpty else {
            return Section(takeaways: [Takeaway(plain: "The register holds no measures.")], charts: [])
        }
        let overview = ShieldOverview(register: register, snapshot: snapshot, on: day)
        let source = "ShieldOverview: registry issuers against measures and holdings in force on \(day)"
        let named = overview.reached.filter(\.isNamed).count
        var takeaways = [
            Takeaway(
                "On \(day), {measures} in force reach {issuers} of the registry ({named} by name, the others "
                    + "through their owners); their sci-tech bonds outstanding are {bonds}, {amount}.",
                [
                    "measures": .count(
                        "Foreign measures in force", overview.measuresInForce, noun: "foreign measure",
                        source: source),
                    "issuers": .count("Issuers reached", overview.reached.count, noun: "issuer", source: source),
                    "named": .count("Issuers named", named, source: source),
                    "bonds": .count("Sci-tech bonds outstanding", overview.bondCount, noun: "bond", source: source),
                    "amount": .amount("Their amount", fen: overview.amountFen, source: source),
                ])
        ]
        for reached in overview.reached.prefix(shieldNamed) where reached.amountFen > 0 {
            let how = reached.exposures.map { exposure in
                let measure = Self.plain(exposure.measure.citation)
                guard !exposure.isDirect else { return "named in \(measure)" }
                let owner = register.parties[exposure.owner ?? ""]?.names.first ?? exposure.owner ?? ""
                return "\(measure) through \(Self.plain(owner)) (\(NumberText.fixed(exposure.ownedPercent ?? 0, 1)) %)"
            }
            takeaways.append(
                Takeaway(
                    "\(Self.plain(reached.issuer.name)): {amount} outstanding; " + how.joined(separator: "; ") + ".",
                    [
                        "amount": .amount(
                            "Sci-tech bonds outstanding of \(reached.issuer.uscc.value)", fen: reached.amountFen,
                            source: source)
                    ]))
        }
        let cases = snapshot.records(ComplianceCase.self).filter { $0.discovered <= day }
        if !cases.isEmpty {
            let clocks = cases.flatMap { $0.clocks(on: day, calendar: calendar) }
            let open = cases.filter { $0.state != .closed }.count
            let caseSource = "compliance_cases, clocks of MOFCOM Order No. 1 of 2021 counted on \(day)"
            takeaways.append(
                Takeaway(
                    "Compliance cases under the blocking rules: {cases}, {open} open; {overdue} past a 30-day "
                        + "deadline.",
                    [
                        "cases": .count("Cases", cases.count, noun: "case", source: caseSource),
                        "open": .count("Open cases", open, source: caseSource),
                        "overdue": .count(
                            "Clocks overdue", clocks.filter(\.isOverdue).count, noun: "clock", source: caseSource),
                    ]))
        }
        return Section(takeaways: takeaways, charts: [])
    }

    /// Published text set into a takeaway's template: without braces, which mark its placeholders.
    static func plain(_ text: String) -> String { text.filter { $0 != "{" && $0 != "}" } }
}
