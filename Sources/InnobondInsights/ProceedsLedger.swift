import FixedIncome
import InnobondModel

/// The registry's use-of-proceeds records, grouped once: by bond, and
/// eligibility evidence by issuer. Each group is a slice of the snapshot's
/// rows (held in key order), not a copy.
public struct LedgerRecords: Sendable {
    public var uses: [BondCode: ArraySlice<UseOfProceeds>] = [:]
    public var allocations: [BondCode: ArraySlice<Allocation>] = [:]
    public var balances: [BondCode: ArraySlice<UnallocatedBalance>] = [:]
    public var changes: [BondCode: ArraySlice<UseChange>] = [:]
    public var impacts: [BondCode: ArraySlice<ImpactReport>] = [:]
    public var evidence: [USCC: ArraySlice<EligibilityEvidence>] = [:]
    public var financials: [USCC: ArraySlice<IssuerFinancials>] = [:]

    /// The kinds the records are grouped from.
    public static let kinds: Set<RecordKind> = [
        .useOfProceeds, .allocations, .unallocatedBalances, .useChanges, .impactReports, .eligibilityEvidence,
        .issuerFinancials,
    ]

    /// Every bond's records, or only those of `bond` and its issuer (a
    /// bond's page need not group the whole registry).
    public init(_ snapshot: RegistrySnapshot, only bond: Bond? = nil) {
        func grouped<Record>(_ records: [Record], by key: (Record) -> BondCode) -> [BondCode: ArraySlice<Record>] {
            guard let bond else { return Self.runs(of: records, by: key) }
            return [bond.code: ArraySlice(records.filter { key($0) == bond.code })]
        }
        func byIssuer<Record>(_ records: [Record], by key: (Record) -> USCC) -> [USCC: ArraySlice<Record>] {
            guard let bond else { return Self.runs(of: records, by: key) }
            return [bond.uscc: ArraySlice(records.filter { key($0) == bond.uscc })]
        }
        uses = grouped(snapshot.proceeds) { $0.bondCode }
        allocations = grouped(snapshot.records(Allocation.self)) { $0.bondCode }
        balances = grouped(snapshot.records(UnallocatedBalance.self)) { $0.bondCode }
        changes = grouped(snapshot.records(UseChange.self)) { $0.bondCode }
        impacts = grouped(snapshot.records(ImpactReport.self)) { $0.bondCode }
        evidence = byIssuer(snapshot.records(EligibilityEvidence.self)) { $0.uscc }
        financials = byIssuer(snapshot.financials) { $0.uscc }
    }

    /// `records` grouped by `key`, keeping their order within each group.
    /// A snapshot holds each kind in key order, so a group is one run of
    /// rows, found with one comparison a row and one lookup a group.
    static func runs<Record, Key: Hashable>(of records: [Record], by key: (Record) -> Key)
        -> [Key: ArraySlice<Record>]
    {
        var groups: [Key: ArraySlice<Record>] = [:]
        var start = records.startIndex
        while start < records.endIndex {
            let first = key(records[start])
            var end = start + 1
            while end < records.endIndex && key(records[end]) == first { end += 1 }
            if groups[first] == nil {
                groups[first] = records[start..<end]
            } else {
                groups[first]!.append(contentsOf: records[start..<end])
            }
            start = end
        }
        return groups
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
        public var amounts: CategoryAmounts

        /// Net fen by each category named so far.
        public var allocated: [ProceedsCategory: Int64] { amounts.byCategory }
        /// All categories together, fen.
        public var total: Int64 { amounts.total }
        /// The sci-tech categories' fen.
        public var sciTech: Int64 { amounts.sum(of: .sciTech) }
    }

    public let bond: Bond
    public let asOf: CivilDate
    public let uses: ArraySlice<UseOfProceeds>
    /// Entries dated by `asOf`, by report date then entry.
    public let allocations: ArraySlice<Allocation>
    public let balances: ArraySlice<UnallocatedBalance>
    public let changes: ArraySlice<UseChange>
    public let impacts: ArraySlice<ImpactReport>
    /// The issuer's evidence issued by `asOf`.
    public let evidence: ArraySlice<EligibilityEvidence>
    /// The cumulative allocation at each report date, in order.
    public let timeline: [Point]

    public init(bond: Bond, records: LedgerRecords, asOf: CivilDate) {
        self.bond = bond
        self.asOf = asOf
        uses = records.uses[bond.code] ?? []
        allocations = Self.dated(records.allocations[bond.code] ?? [], by: asOf, \.reportDate) { $0.entry }
        balances = Self.dated(records.balances[bond.code] ?? [], by: asOf, \.reportDate) { _ in "" }
        changes = Self.dated(records.changes[bond.code] ?? [], by: asOf, \.changeDate) { $0.changeID }
        impacts = ArraySlice((records.impacts[bond.code] ?? []).filter { $0.periodEnd <= asOf })
        evidence = ArraySlice((records.evidence[bond.uscc] ?? []).filter { $0.issuedOn <= asOf })
        var running = CategoryAmounts()
        var points: [Point] = []
        for entry in allocations {
            running.add(entry.amount.fen, to: entry.category)
            if points.last?.date == entry.reportDate {
                points[points.count - 1].amounts = running
            } else {
                points.append(Point(date: entry.reportDate, amounts: running))
            }
        }
        timeline = points
    }

    /// The rows dated on or before `asOf`, by date and then by `tie` (the
    /// rows' identifier within a date); the rows themselves when they
    /// already are (most ledgers), uncopied.
    private static func dated<Row>(
        _ rows: ArraySlice<Row>, by asOf: CivilDate, _ date: (Row) -> CivilDate, tie: (Row) -> String
    ) -> ArraySlice<Row> {
        let dates = rows.map(date)
        let ties = rows.map(tie)
        func precedes(_ first: Int, _ second: Int) -> Bool {
            dates[first] != dates[second] ? dates[first] < dates[second] : ties[first] < ties[second]
        }
        let inOrder = dates.indices.dropFirst().allSatisfy { !precedes($0, $0 - 1) }
        if inOrder && dates.allSatisfy({ $0 <= asOf }) { return rows }
        // Positions are sorted, and each row copied once.
        var kept = dates.indices.filter { dates[$0] <= asOf }
        if !inOrder { kept.sort(by: precedes) }
        return ArraySlice(kept.map { rows[rows.startIndex + $0] })
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
        guard let last = timeline.last else { return nil }
        return Self.share(last, .sciTech)
    }

    /// The share of the allocated proceeds in `categories`, 0...1, at a point.
    public static func share(_ point: Point, _ categories: CategoryAmounts.Categories) -> Double? {
        let total = point.total
        guard total > 0 else { return nil }
        return Double(point.amounts.sum(of: categories)) / Double(total)
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
        bond.amount.fen - (point(on: date)?.total ?? 0)
    }

    /// The last point dated on or before `date`.
    public func point(on date: CivilDate) -> Point? {
        var low = 0
        var high = timeline.count
        while low < high {
            let middle = (low + high) / 2
            if timeline[middle].date <= date { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? timeline[low - 1] : nil
    }

    /// Whether an entry is dated from `start` to `end`, both included.
    public func hasEntry(from start: CivilDate, through end: CivilDate) -> Bool {
        guard let point = point(on: end) else { return false }
        return point.date >= start
    }
}
