import FixedIncome
import InnobondModel

/// The registry's use-of-proceeds records, grouped once: by bond, and
/// eligibility evidence by issuer.
public struct LedgerRecords: Sendable {
    public var uses: [BondCode: [UseOfProceeds]] = [:]
    public var allocations: [BondCode: [Allocation]] = [:]
    public var balances: [BondCode: [UnallocatedBalance]] = [:]
    public var changes: [BondCode: [UseChange]] = [:]
    public var impacts: [BondCode: [ImpactReport]] = [:]
    public var evidence: [USCC: [EligibilityEvidence]] = [:]
    public var financials: [USCC: [IssuerFinancials]] = [:]

    /// Every bond's records, or only those of `bond` and its issuer (a
    /// bond's page need not group the whole registry).
    public init(_ snapshot: RegistrySnapshot, only bond: Bond? = nil) {
        func grouped<Record>(_ records: [Record], by key: (Record) -> BondCode) -> [BondCode: [Record]] {
            guard let bond else { return Dictionary(grouping: records, by: key) }
            return [bond.code: records.filter { key($0) == bond.code }]
        }
        func byIssuer<Record>(_ records: [Record], by key: (Record) -> USCC) -> [USCC: [Record]] {
            guard let bond else { return Dictionary(grouping: records, by: key) }
            return [bond.uscc: records.filter { key($0) == bond.uscc }]
        }
        uses = grouped(snapshot.proceeds) { $0.bondCode }
        allocations = grouped(snapshot.records(Allocation.self)) { $0.bondCode }
        balances = grouped(snapshot.records(UnallocatedBalance.self)) { $0.bondCode }
        changes = grouped(snapshot.records(UseChange.self)) { $0.bondCode }
        impacts = grouped(snapshot.records(ImpactReport.self)) { $0.bondCode }
        evidence = byIssuer(snapshot.records(EligibilityEvidence.self)) { $0.uscc }
        financials = byIssuer(snapshot.financials) { $0.uscc }
    }
}

/// One bond's proceeds as of a date: what was committed, what its reports
/// say was allocated (net of reversals) and to what, what is left, the
/// changes of use, the issuer's evidence and the impact figures. Only rows
/// dated on or before the date count.
public struct ProceedsLedger: Sendable {
    /// The cumulative allocation at one report date.
    public struct Point: Sendable, Hashable {
        public var date: CivilDate
        /// Net fen allocated by category, from the first entry to this date.
        public var allocated: [ProceedsCategory: Int64]

        /// All categories together, fen.
        public var total: Int64 { allocated.values.reduce(0, +) }
        /// The sci-tech categories' fen.
        public var sciTech: Int64 { allocated.filter { $0.key.isSciTech }.values.reduce(0, +) }
    }

    public let bond: Bond
    public let asOf: CivilDate
    public let uses: [UseOfProceeds]
    /// Entries dated by `asOf`, by report date then entry.
    public let allocations: [Allocation]
    public let balances: [UnallocatedBalance]
    public let changes: [UseChange]
    public let impacts: [ImpactReport]
    /// The issuer's evidence issued by `asOf`.
    public let evidence: [EligibilityEvidence]
    /// The cumulative allocation at each report date, in order.
    public let timeline: [Point]

    public init(bond: Bond, records: LedgerRecords, asOf: CivilDate) {
        self.bond = bond
        self.asOf = asOf
        uses = records.uses[bond.code] ?? []
        allocations = (records.allocations[bond.code] ?? []).filter { $0.reportDate <= asOf }
            .sorted { ($0.reportDate, $0.entry) < ($1.reportDate, $1.entry) }
        balances = (records.balances[bond.code] ?? []).filter { $0.reportDate <= asOf }
            .sorted { $0.reportDate < $1.reportDate }
        changes = (records.changes[bond.code] ?? []).filter { $0.changeDate <= asOf }
            .sorted { ($0.changeDate, $0.changeID) < ($1.changeDate, $1.changeID) }
        impacts = (records.impacts[bond.code] ?? []).filter { $0.periodEnd <= asOf }
        evidence = (records.evidence[bond.uscc] ?? []).filter { $0.issuedOn <= asOf }
        var running: [ProceedsCategory: Int64] = [:]
        var points: [Point] = []
        for entry in allocations {
            running[entry.category, default: 0] += entry.amount.fen
            if points.last?.date == entry.reportDate {
                points[points.count - 1].allocated = running
            } else {
                points.append(Point(date: entry.reportDate, allocated: running))
            }
        }
        timeline = points
    }

    /// Committed fen by category.
    public var committed: [ProceedsCategory: Int64] {
        uses.reduce(into: [:]) { $0[$1.category, default: 0] += $1.planned.fen }
    }

    /// Net fen allocated by category.
    public var allocated: [ProceedsCategory: Int64] { timeline.last?.allocated ?? [:] }

    /// Net fen allocated, all categories.
    public var allocatedFen: Int64 { timeline.last?.total ?? 0 }

    /// What the entries leave of the bond's amount, fen (never below 0).
    public var unallocatedFen: Int64 { max(0, bond.amount.fen - allocatedFen) }

    /// What the entries leave of the committed uses, fen (never below 0): the
    /// proceeds planned for a use and not yet spent on it.
    public var committedUnallocatedFen: Int64 {
        max(0, min(bond.amount.fen, committed.values.reduce(0, +)) - allocatedFen)
    }

    /// The committed sci-tech share, 0...1; nil without committed uses.
    public var committedSciTechShare: Double? {
        let total = committed.values.reduce(0, +)
        guard total > 0 else { return nil }
        return Double(committed.filter { $0.key.isSciTech }.values.reduce(0, +)) / Double(total)
    }

    /// The allocated sci-tech share, 0...1; nil before anything is allocated.
    public var allocatedSciTechShare: Double? {
        guard let last = timeline.last, last.total > 0 else { return nil }
        return Double(last.sciTech) / Double(last.total)
    }

    /// The share of the allocated proceeds in `categories`, 0...1, at a point.
    public static func share(_ point: Point, _ categories: Set<ProceedsCategory>) -> Double? {
        guard point.total > 0 else { return nil }
        return Double(point.allocated.filter { categories.contains($0.key) }.values.reduce(0, +))
            / Double(point.total)
    }

    /// The first report date from which `holds` is true at every later
    /// point up to the last: when a condition on the allocations became true.
    public func since(_ holds: (Point) -> Bool) -> CivilDate? {
        var start: CivilDate?
        for point in timeline {
            if holds(point) {
                if start == nil { start = point.date }
            } else {
                start = nil
            }
        }
        return start
    }

    /// The evidence valid on the bond's issue date.
    public var evidenceAtIssue: [EligibilityEvidence] { evidence.filter { $0.isValid(on: bond.issueDate) } }

    /// What the bond's amount less the entries dated on or before `date`
    /// leaves, fen.
    public func expectedBalance(on date: CivilDate) -> Int64 {
        bond.amount.fen - allocations.filter { $0.reportDate <= date }.reduce(0) { $0 + $1.amount.fen }
    }
}
