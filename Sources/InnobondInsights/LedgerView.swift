import FixedIncome
import InnobondModel

/// A bond's use-of-proceeds ledger as the API and pages show it: committed
/// against allocated against unallocated by category, the cumulative
/// timeline, balances and their placement, changes of use with their
/// approvals, evidence and its validity at issue, impact figures, and the
/// bond's integrity findings. Money in fen; shares 0...1.
public struct LedgerView: Sendable, Codable {
    public struct Category: Sendable, Codable {
        public var category: ProceedsCategory
        public var sciTech: Bool
        public var committedFen: Int64
        public var allocatedFen: Int64
    }

    public struct TimelinePoint: Sendable, Codable {
        public var date: CivilDate
        /// Cumulative net allocation by category, fen, at this report date.
        public var allocatedFen: [String: Int64]
        public var totalFen: Int64
        /// The bond's amount less the total, fen.
        public var unallocatedFen: Int64
    }

    public struct Balance: Sendable, Codable {
        public var reportDate: CivilDate
        public var balanceFen: Int64
        public var depositsFen: Int64?
        public var moneyMarketFundsFen: Int64?
        public var bondsFen: Int64?
        public var otherFen: Int64?
        /// What the entries dated by then leave, fen.
        public var expectedFen: Int64
        public var source: String
    }

    public struct Change: Sendable, Codable {
        public var changeID: String
        public var changeDate: CivilDate
        public var from: String
        public var to: String
        public var amountFen: Int64
        public var leavesSciTech: Bool
        public var resolution: String?
        public var resolutionDate: CivilDate?
        public var reason: String?
        public var source: String
    }

    public struct Evidence: Sendable, Codable {
        public var title: String
        public var label: String
        public var certifyingBody: String
        public var policyBasis: String
        public var issuedOn: CivilDate
        public var expiresOn: CivilDate?
        public var validAtIssue: Bool
    }

    public struct Impact: Sendable, Codable {
        public var periodEnd: CivilDate
        public var kpi: String
        public var label: String
        public var value: Double
        public var unit: String
        public var source: String
    }

    public var code: BondCode
    public var asOf: CivilDate
    public var amountFen: Int64
    public var issueDate: CivilDate
    public var categories: [Category]
    public var committedSciTechShare: Double?
    public var allocatedSciTechShare: Double?
    public var allocatedFen: Int64
    public var unallocatedFen: Int64
    /// Days the unallocated balance has waited since issue; nil when nothing is left.
    public var unallocatedAgeDays: Int?
    public var timeline: [TimelinePoint]
    public var balances: [Balance]
    public var changes: [Change]
    public var evidence: [Evidence]
    public var impacts: [Impact]
    public var integrity: BondIntegrity

    public init(_ ledger: ProceedsLedger, integrity: BondIntegrity) {
        let committed = ledger.committed
        let allocated = ledger.allocated
        code = ledger.bond.code
        asOf = ledger.asOf
        amountFen = ledger.bond.amount.fen
        issueDate = ledger.bond.issueDate
        categories = ProceedsCategory.allCases.filter { committed[$0] != nil || allocated[$0] != nil }.map {
            Category(
                category: $0, sciTech: $0.isSciTech, committedFen: committed[$0] ?? 0, allocatedFen: allocated[$0] ?? 0)
        }
        committedSciTechShare = ledger.committedSciTechShare
        allocatedSciTechShare = ledger.allocatedSciTechShare
        allocatedFen = ledger.allocatedFen
        unallocatedFen = ledger.unallocatedFen
        unallocatedAgeDays =
            ledger.unallocatedFen > 0 ? ledger.asOf.dayNumber - ledger.bond.issueDate.dayNumber : nil
        let amount = ledger.bond.amount.fen
        timeline = ledger.timeline.map { point in
            TimelinePoint(
                date: point.date,
                allocatedFen: Dictionary(uniqueKeysWithValues: point.allocated.map { ($0.key.rawValue, $0.value) }),
                totalFen: point.total, unallocatedFen: amount - point.total)
        }
        balances = ledger.balances.map {
            Balance(
                reportDate: $0.reportDate, balanceFen: $0.balance.fen, depositsFen: $0.deposits?.fen,
                moneyMarketFundsFen: $0.moneyMarketFunds?.fen, bondsFen: $0.bonds?.fen, otherFen: $0.other?.fen,
                expectedFen: ledger.expectedBalance(on: $0.reportDate), source: $0.sourceTitle)
        }
        changes = ledger.changes.map {
            Change(
                changeID: $0.changeID, changeDate: $0.changeDate,
                from: ($0.fromProject.map { "\($0) " } ?? "") + "(\($0.fromCategory.label))",
                to: ($0.toProject.map { "\($0) " } ?? "") + "(\($0.toCategory.label))", amountFen: $0.amount.fen,
                leavesSciTech: $0.leavesSciTech, resolution: $0.resolution, resolutionDate: $0.resolutionDate,
                reason: $0.reason, source: $0.sourceTitle)
        }
        evidence = ledger.evidence.map {
            Evidence(
                title: $0.title.rawValue, label: $0.title.label, certifyingBody: $0.certifyingBody,
                policyBasis: $0.policyBasis, issuedOn: $0.issuedOn, expiresOn: $0.expiresOn,
                validAtIssue: $0.isValid(on: ledger.bond.issueDate))
        }
        impacts = ledger.impacts.sorted { ($0.periodEnd, $0.kpi.rawValue) < ($1.periodEnd, $1.kpi.rawValue) }.map {
            Impact(
                periodEnd: $0.periodEnd, kpi: $0.kpi.rawValue, label: $0.description ?? $0.kpi.label, value: $0.value,
                unit: $0.unit, source: $0.sourceTitle)
        }
        self.integrity = integrity
    }

    /// The view of `bond` on `snapshot` as of `asOf`.
    public init(_ snapshot: RegistrySnapshot, bond: Bond, asOf: CivilDate, settings: IntegritySettings = .standard) {
        let records = LedgerRecords(snapshot, only: bond)
        let ledger = ProceedsLedger(bond: bond, records: records, asOf: asOf)
        let context = IntegrityScoring.Context(
            issuer: snapshot.issuersByCode[bond.uscc], financials: records.financials[bond.uscc] ?? [],
            settings: settings)
        self.init(ledger, integrity: IntegrityScoring.score(ledger, context))
    }

    /// The timeline as CSV: a row per report date and category, the
    /// cumulative amounts in yuan beside the committed ones.
    public var csv: String {
        var lines = ["report_date,category,sci_tech,cumulative_allocated_cny,committed_cny,unallocated_cny"]
        let committed = Dictionary(uniqueKeysWithValues: categories.map { ($0.category.rawValue, $0.committedFen) })
        for point in timeline {
            for category in ProceedsCategory.allCases {
                guard let fen = point.allocatedFen[category.rawValue] else { continue }
                lines.append(
                    "\(point.date),\(category.rawValue),\(category.isSciTech),\(Money(fen: fen).yuanText),"
                        + "\(Money(fen: committed[category.rawValue] ?? 0).yuanText),"
                        + Money(fen: point.unallocatedFen).yuanText)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
