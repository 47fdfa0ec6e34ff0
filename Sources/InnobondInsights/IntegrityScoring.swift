import FixedIncome
import InnobondModel

/// A row a finding came from: its kind and key values, in key order.
public struct RowReference: Sendable, Hashable, Codable {
    public var kind: RecordKind
    public var key: [String]

    public init(_ kind: RecordKind, _ key: [String]) {
        self.kind = kind
        self.key = key
    }
}

/// A ledger check that fired for a bond: its points, the figure that fired
/// it, the rows behind it and the date it became true.
public struct IntegrityFinding: Sendable, Hashable, Codable {
    /// The check's identifier (`allocated_below_floor`, ...).
    public var check: String
    public var title: String
    /// Points of the 0-100 score (``IntegritySettings/weights``).
    public var weight: Int
    /// The figure measured, in the unit of `figureUnit`.
    public var figure: Double
    /// `percent`, `yuan`, `count` or `days`.
    public var figureUnit: String
    /// The limit it is measured against, in the same unit, if any.
    public var limit: Double?
    /// When the condition became true.
    public var since: CivilDate
    public var rows: [RowReference]
    /// One sentence: what fired and why.
    public var explanation: String
}

/// A sci-tech bond's integrity score as of a date: the checks that fired.
public struct BondIntegrity: Sendable, Codable {
    public var code: BondCode
    public var uscc: USCC
    public var name: String
    /// The bond's amount, fen.
    public var amountFen: Int64
    public var issueDate: CivilDate
    /// 0 (no check fires) to 100: how far practice drifts from the label.
    public var score: Int
    public var findings: [IntegrityFinding]
}

/// An issuer's score: its sci-tech bonds' scores weighted by their amounts.
public struct IssuerIntegrity: Sendable, Codable {
    public var uscc: USCC
    public var name: String
    /// 0 to 100, the amount-weighted mean of its bonds' scores.
    public var score: Double
    public var bonds: [BondCode]
}

/// Scores sci-tech bonds against their use-of-proceeds ledgers: each check
/// one function, each setting in ``IntegritySettings``, the score the sum of
/// the weights of the checks that fire.
public enum IntegrityScoring {
    /// What a check sees besides the ledger.
    public struct Context: Sendable {
        public var issuer: Issuer?
        public var financials: ArraySlice<IssuerFinancials>
        public var settings: IntegritySettings
        /// Whether findings list their rows and explain themselves; a
        /// ranking needs only their checks, weights, figures and dates.
        public var details = true
    }

    /// The checks, in the order findings are listed.
    static let checks: [@Sendable (ProceedsLedger, Context) -> IntegrityFinding?] = [
        allocatedBelowFloor, conventionalDominant, changedToConventional, evidenceNotValid, parkAboveCap,
        unallocatedStale, reportOverdue, researchIntensity, sectorConventional, balanceUnexplained,
    ]

    /// The kinds a score reads: bonds, their issuers and their ledgers.
    public static let kinds: Set<RecordKind> = LedgerRecords.kinds.union([.bonds, .issuers])

    /// The sci-tech bonds `filter` passes, worst first (then by code), and
    /// their issuers, worst first.
    /// Without `details`, findings have no rows and no explanation.
    public static func score(
        _ snapshot: RegistrySnapshot, filter: BondFilter = BondFilter(), asOf: CivilDate,
        settings: IntegritySettings = .standard, details: Bool = true
    ) -> (bonds: [BondIntegrity], issuers: [IssuerIntegrity]) {
        let records = LedgerRecords(snapshot)
        let all = snapshot.bonds
        let bonds = snapshot.positions(matching: filter.with(sciTech: true)).filter { all[$0].issueDate <= asOf }
        func scores(_ part: ArraySlice<Int>) -> [BondIntegrity] {
            part.map { position in
                let bond = all[position]
                let ledger = ProceedsLedger(bond: bond, records: records, asOf: asOf)
                let context = Context(
                    issuer: snapshot.issuersByCode[bond.uscc], financials: records.financials[bond.uscc] ?? [],
                    settings: settings, details: details)
                return score(ledger, context)
            }
        }
        // Each bond on its own: half the bonds on each core.
        let half = bonds.count / 2
        let (first, second) = Parallel.both({ scores(bonds[..<half]) }, { scores(bonds[half...]) })
        var scored = first + second
        scored.sort { ($0.score, $1.code.value) > ($1.score, $0.code.value) }
        var byIssuer: [USCC: [BondIntegrity]] = [:]
        for bond in scored { byIssuer[bond.uscc, default: []].append(bond) }
        var issuers = byIssuer.map { uscc, bonds in
            let amount = bonds.reduce(0.0) { $0 + Double($1.amountFen) }
            let weighted = bonds.reduce(0.0) { $0 + Double($1.score) * Double($1.amountFen) }
            return IssuerIntegrity(
                uscc: uscc, name: snapshot.issuersByCode[uscc]?.name ?? uscc.value,
                score: amount > 0 ? weighted / amount : 0, bonds: bonds.map(\.code).sorted())
        }
        issuers.sort { ($0.score, $1.uscc) > ($1.score, $0.uscc) }
        return (scored, issuers)
    }

    /// One bond's score.
    public static func score(_ ledger: ProceedsLedger, _ context: Context) -> BondIntegrity {
        let findings = checks.compactMap { $0(ledger, context) }
        return BondIntegrity(
            code: ledger.bond.code, uscc: ledger.bond.uscc, name: ledger.bond.name, amountFen: ledger.bond.amount.fen,
            issueDate: ledger.bond.issueDate, score: min(100, findings.reduce(0) { $0 + $1.weight }),
            findings: findings)
    }

    // MARK: Checks

    static func finding(
        _ check: String, _ title: String, _ context: Context, figure: Double, unit: String, limit: Double? = nil,
        since: CivilDate, rows: @autoclosure () -> [RowReference], _ explanation: @autoclosure () -> String
    ) -> IntegrityFinding {
        IntegrityFinding(
            check: check, title: title, weight: context.settings.weights[check] ?? 0, figure: figure,
            figureUnit: unit, limit: limit, since: since, rows: context.details ? rows() : [],
            explanation: context.details ? explanation() : "")
    }

    static func entries(_ allocations: [Allocation]) -> [RowReference] {
        allocations.map { RowReference(.allocations, [$0.bondCode.value, $0.entry]) }
    }

    static func percent(_ share: Double) -> String { NumberText.fixed(share * 100, 1) + " %" }

    /// `allocated_below_floor`: less than the floor of the allocated proceeds went to sci-tech uses.
    static func allocatedBelowFloor(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let floor = context.settings.sciTechShareFloor
        guard let share = ledger.allocatedSciTechShare, share < floor else { return nil }
        let since = ledger.since { (ProceedsLedger.share($0, .sciTech) ?? 1) < floor }!
        return finding(
            "allocated_below_floor", "Allocated sci-tech share below the floor", context, figure: share * 100,
            unit: "percent", limit: floor * 100, since: since,
            rows: entries(ledger.allocations.filter { !$0.category.isSciTech }),
            "\(percent(share)) of the \(Money(fen: ledger.allocatedFen).yuanText) yuan allocated went to sci-tech "
                + "uses, below the floor of \(percent(floor)).")
    }

    /// `conventional_dominant`: refinancing and working capital take more than the dominance share.
    static func conventionalDominant(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let categories = CategoryAmounts.Categories([.refinancing, .workingCapital])
        let limit = context.settings.conventionalDominance
        guard let last = ledger.timeline.last, let share = ProceedsLedger.share(last, categories), share > limit
        else { return nil }
        let since = ledger.since { (ProceedsLedger.share($0, categories) ?? 0) > limit }!
        return finding(
            "conventional_dominant", "Refinancing and working capital dominate", context, figure: share * 100,
            unit: "percent", limit: limit * 100, since: since,
            rows: entries(ledger.allocations.filter { categories.contains($0.category) }),
            "Refinancing and working capital took \(percent(share)) of the allocated proceeds, more than "
                + "\(percent(limit)).")
    }

    /// `changed_to_conventional`: a change of use moved money from a sci-tech use to a conventional one.
    static func changedToConventional(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let moved = ledger.changes.filter(\.leavesSciTech)
        guard let first = moved.first else { return nil }
        let amount = moved.reduce(Int64(0)) { $0 + $1.amount.fen }
        let unapproved = moved.filter { $0.resolution == nil }.count
        return finding(
            "changed_to_conventional", "Changed from a sci-tech use to a conventional one", context,
            figure: Double(amount) / 100, unit: "yuan", since: first.changeDate,
            rows: moved.map { RowReference(.useChanges, [$0.bondCode.value, $0.changeID]) },
            "\(moved.count == 1 ? "A change" : "\(moved.count) changes") of use moved "
                + "\(Money(fen: amount).yuanText) yuan from sci-tech to conventional uses"
                + (unapproved > 0 ? ", \(unapproved) without a bondholders' resolution." : "."))
    }

    /// `evidence_not_valid`: no eligibility evidence of the issuer is valid on the issue date.
    static func evidenceNotValid(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        guard ledger.evidenceAtIssue.isEmpty else { return nil }
        let expired = ledger.evidence.filter { $0.expiresOn.map { $0 < ledger.bond.issueDate } ?? false }
        let rows =
            expired.isEmpty
            ? [RowReference(.issuers, [ledger.bond.uscc.value])]
            : expired.map {
                RowReference(.eligibilityEvidence, [$0.uscc.value, $0.title.rawValue, $0.issuedOn.iso8601])
            }
        return finding(
            "evidence_not_valid", "No eligibility evidence valid at issue", context, figure: Double(expired.count),
            unit: "count", since: ledger.bond.issueDate, rows: rows,
            expired.isEmpty
                ? "No eligibility evidence of the issuer is on record for the issue date \(ledger.bond.issueDate)."
                : "The issuer's evidence (\(expired.map(\.title.label).joined(separator: ", "))) had expired by the "
                    + "issue date \(ledger.bond.issueDate).")
    }

    /// `park_above_cap`: parks and incubators took more than the cap of the allocated proceeds.
    static func parkAboveCap(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let cap = context.settings.parkInfrastructureCap
        let parks = CategoryAmounts.Categories([.parkInfrastructure])
        guard let last = ledger.timeline.last, let share = ProceedsLedger.share(last, parks),
            share > cap
        else { return nil }
        let since = ledger.since { (ProceedsLedger.share($0, parks) ?? 0) > cap }!
        return finding(
            "park_above_cap", "Parks and incubators above the cap", context, figure: share * 100, unit: "percent",
            limit: cap * 100, since: since,
            rows: entries(ledger.allocations.filter { $0.category == .parkInfrastructure }),
            "Parks and incubators took \(percent(share)) of the allocated proceeds, above the cap of \(percent(cap)).")
    }

    /// `unallocated_stale`: committed proceeds still unallocated the set months after issue.
    static func unallocatedStale(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let months = context.settings.unallocatedMonths
        guard let due = ledger.bond.issueDate.adding(months: months), due <= ledger.asOf,
            ledger.committedUnallocatedFen > context.settings.balanceToleranceFen
        else { return nil }
        let share = Double(ledger.committedUnallocatedFen) / Double(ledger.bond.amount.fen)
        let rows =
            ledger.balances.last.map {
                [RowReference(.unallocatedBalances, [$0.bondCode.value, $0.reportDate.iso8601])]
            }
            ?? [RowReference(.bonds, [ledger.bond.code.value])]
        return finding(
            "unallocated_stale", "Unallocated more than \(months) months after issue", context,
            figure: Double(ledger.committedUnallocatedFen) / 100, unit: "yuan", since: due, rows: rows,
            "\(Money(fen: ledger.committedUnallocatedFen).yuanText) yuan (\(percent(share)) of the bond) was still "
                + "unallocated on \(ledger.asOf), more than \(months) months after issue.")
    }

    /// `report_overdue`: a half-year or year passed without an allocation report by its due date.
    static func reportOverdue(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let settings = context.settings
        let tolerance = settings.balanceToleranceFen
        var missing: [(period: CivilDate, due: CivilDate)] = []
        var year = ledger.bond.issueDate.year
        while year <= ledger.asOf.year {
            for (month, day, due) in [
                (6, 30, settings.semiannualReportDue.date(in: year)),
                (12, 31, settings.annualReportDue.date(in: year + 1)),
            ] {
                let period = CivilDate(year: year, month: month, day: day)!
                guard let deadline = due.adding(days: settings.reportGraceDays), period >= ledger.bond.issueDate,
                    period < ledger.bond.maturityDate, deadline < ledger.asOf
                else { continue }
                // Reports are owed until the proceeds are allocated.
                if ledger.expectedBalance(on: period.adding(days: -1)!) <= tolerance { continue }
                let covered =
                    ledger.hasEntry(from: period, through: deadline)
                    || ledger.balances.contains { $0.reportDate >= period && $0.reportDate <= deadline }
                if !covered { missing.append((period, deadline)) }
            }
            year += 1
        }
        guard let first = missing.first else { return nil }
        return finding(
            "report_overdue", "Allocation reports overdue", context, figure: Double(missing.count), unit: "count",
            since: first.due.adding(days: 1)!, rows: [RowReference(.bonds, [ledger.bond.code.value])],
            "No allocation report for \(missing.map { "the period to \($0.period)" }.joined(separator: ", ")) "
                + "by \(missing.count == 1 ? "its due date" : "their due dates") (first due \(first.due)).")
    }

    /// `research_intensity`: the issuer's R&D intensity below every eligibility threshold before issue, or
    /// falling after it.
    static func researchIntensity(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let settings = context.settings
        let issueYear = ledger.bond.issueDate.year
        let before = context.financials.filter { $0.year < issueYear }.sorted { $0.year > $1.year }.prefix(3)
        guard let lastBefore = before.first else { return nil }
        let revenue = before.reduce(Int64(0)) { $0.addingClamped($1.revenue.fen) }
        let research = before.reduce(Int64(0)) { $0.addingClamped($1.researchSpend.fen) }
        let intensity = revenue > 0 ? Double(research) / Double(revenue) : 0
        let rows = before.map { RowReference(.issuerFinancials, [$0.uscc.value, String($0.year)]) }
        if intensity < settings.researchIntensityFloor && research < settings.cumulativeResearchFloorFen
            && (lastBefore.inventionPatents ?? 0) < settings.patentFloor
        {
            return finding(
                "research_intensity", "R&D intensity below the thresholds", context, figure: intensity * 100,
                unit: "percent", limit: settings.researchIntensityFloor * 100, since: ledger.bond.issueDate,
                rows: Array(rows),
                "R&D was \(percent(intensity)) of revenue over the \(before.count) fiscal years before issue, "
                    + "below \(percent(settings.researchIntensityFloor)), with neither RMB 60 m of R&D nor "
                    + "\(settings.patentFloor) invention patents.")
        }
        guard let before = lastBefore.researchIntensity,
            let latest = context.financials.filter({ $0.year >= issueYear && $0.year <= ledger.asOf.year - 1 })
                .max(by: { $0.year < $1.year }),
            let after = latest.researchIntensity, before - after > settings.researchIntensityDrop
        else { return nil }
        return finding(
            "research_intensity", "R&D intensity falling after issue", context, figure: after * 100,
            unit: "percent", limit: (before - settings.researchIntensityDrop) * 100,
            since: CivilDate(year: latest.year, month: 12, day: 31)!,
            rows: [
                RowReference(.issuerFinancials, [lastBefore.uscc.value, String(lastBefore.year)]),
                RowReference(.issuerFinancials, [latest.uscc.value, String(latest.year)]),
            ],
            "R&D intensity fell from \(percent(before)) in \(lastBefore.year) to \(percent(after)) in "
                + "\(latest.year), after the issue.")
    }

    /// `sector_conventional`: a sci-tech label on an issuer whose sector is conventional.
    static func sectorConventional(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        guard let issuer = context.issuer, issuer.sector == .other else { return nil }
        return finding(
            "sector_conventional", "Sci-tech label on a conventional sector", context, figure: 1, unit: "count",
            since: ledger.bond.issueDate, rows: [RowReference(.issuers, [issuer.uscc.value])],
            "The issuer's sector is not a technology sector, yet the bond carries the sci-tech label.")
    }

    /// `balance_unexplained`: a reported balance the entries before it no longer explain.
    static func balanceUnexplained(_ ledger: ProceedsLedger, _ context: Context) -> IntegrityFinding? {
        let tolerance = context.settings.balanceToleranceFen
        let off = ledger.balances.filter { abs($0.balance.fen - ledger.expectedBalance(on: $0.reportDate)) > tolerance }
        guard let first = off.first else { return nil }
        let gap = abs(first.balance.fen - ledger.expectedBalance(on: first.reportDate))
        return finding(
            "balance_unexplained", "Balances the entries do not explain", context, figure: Double(gap) / 100,
            unit: "yuan", limit: Double(tolerance) / 100, since: first.reportDate,
            rows: off.map { RowReference(.unallocatedBalances, [$0.bondCode.value, $0.reportDate.iso8601]) },
            "The balance reported for \(first.reportDate) is \(Money(fen: gap).yuanText) yuan away from the bond's "
                + "amount less the entries recorded by then.")
    }
}
