import FixedIncome

/// A compliance case under China's blocking rules (MOFCOM Order No. 1 of
/// 2021): an issuer whose dealings a foreign measure restricts, and where
/// the case stands (key: `case_id`). Versioned: every change, a state change
/// above all, is a new revision, the old one kept.
public struct ComplianceCase: RegistryRecord {
    /// Where a case stands, in the order the blocking rules take it.
    public enum State: String, Sendable, CaseIterable {
        case detected
        case assessing
        case reportDue = "report_due"
        case reported
        case orderIssued = "order_issued"
        case noOrder = "no_order"
        case exemptionRequested = "exemption_requested"
        case granted
        case denied
        case remediation
        case litigation
        case closed

        /// The states a case may go to from this one.
        public var next: [State] {
            switch self {
            case .detected: return [.assessing, .closed]
            case .assessing: return [.reportDue, .closed]
            case .reportDue: return [.reported]
            case .reported: return [.orderIssued, .noOrder]
            case .orderIssued: return [.exemptionRequested, .remediation, .litigation, .closed]
            case .noOrder: return [.remediation, .litigation, .closed]
            case .exemptionRequested: return [.granted, .denied]
            case .granted: return [.remediation, .closed]
            case .denied: return [.remediation, .litigation, .closed]
            case .remediation: return [.litigation, .closed]
            case .litigation: return [.closed]
            case .closed: return []
            }
        }

        /// Whether a case in this state has been reported to MOFCOM (a case
        /// may be closed, or go to court, without a report).
        var isReported: Bool {
            switch self {
            case .reported, .orderIssued, .noOrder, .exemptionRequested, .granted, .denied: return true
            case .detected, .assessing, .reportDue, .remediation, .litigation, .closed: return false
            }
        }
    }

    public var caseID: String
    public var uscc: USCC
    /// The foreign jurisdiction (`United States`).
    public var jurisdiction: String
    /// The authority that made the measure (`BIS`), if known.
    public var authority: String?
    /// The measure as published (`Federal Register 2024-28267`).
    public var citation: String
    /// When the measure took effect, if known.
    public var measureDate: CivilDate?
    /// The counterparty whose dealings it restricts, if named.
    public var counterparty: String?
    /// When the issuer found the measure reaches it: the 30-day report clock starts.
    public var discovered: CivilDate
    /// When it reported to MOFCOM.
    public var reported: CivilDate?
    /// When it applied for an exemption.
    public var exemptionFiled: CivilDate?
    /// Losses claimed, in yuan.
    public var claims: Money?
    /// The rule the case stands under, with its version (`MOFCOM Order No. 1 of 2021`).
    public var legalBasis: String
    public var state: State
    public var notes: String?
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        caseID: String, uscc: USCC, jurisdiction: String, authority: String? = nil, citation: String,
        measureDate: CivilDate? = nil, counterparty: String? = nil, discovered: CivilDate, reported: CivilDate? = nil,
        exemptionFiled: CivilDate? = nil, claims: Money? = nil, legalBasis: String, state: State,
        notes: String? = nil, revision: Int? = nil
    ) {
        self.caseID = caseID
        self.uscc = uscc
        self.jurisdiction = jurisdiction
        self.authority = authority
        self.citation = citation
        self.measureDate = measureDate
        self.counterparty = counterparty
        self.discovered = discovered
        self.reported = reported
        self.exemptionFiled = exemptionFiled
        self.claims = claims
        self.legalBasis = legalBasis
        self.state = state
        self.notes = notes
        self.revision = revision
    }

    public static let declaration = RecordDeclaration(
        .complianceCases, table: "compliance_cases", key: ["case_id"],
        references: [.init(["uscc"], to: .issuers, noun: "issuer")], merge: .versioned, writer: .admin,
        states: .init(
            column: "state",
            next: Dictionary(uniqueKeysWithValues: State.allCases.map { ($0.rawValue, $0.next.map(\.rawValue)) })),
        summary: "Compliance cases under the blocking rules, by case, each change a new revision",
        createdBy: "v7: compliance cases")
    public static let columns = [
        Column("case_id", required: true), Column("uscc", required: true), Column("jurisdiction", required: true),
        Column("authority", required: false), Column("citation", required: true),
        Column("measure_date", required: false, .date), Column("counterparty", required: false),
        Column("discovered", required: true, .date), Column("reported", required: false, .date),
        Column("exemption_filed", required: false, .date), Column("claims_cny", required: false, .money),
        Column("legal_basis", required: true), Column("state", required: true), Column("notes", required: false),
        Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let caseID = fields.text("case_id", required: true)
        let uscc = fields.uscc("uscc")
        let jurisdiction = fields.text("jurisdiction", required: true)
        let authority = fields.text("authority", required: false)
        let citation = fields.text("citation", required: true)
        let measureDate = fields.date("measure_date", required: false)
        let counterparty = fields.text("counterparty", required: false)
        let discovered = fields.date("discovered", required: true)
        let reported = fields.date("reported", required: false)
        let exemptionFiled = fields.date("exemption_filed", required: false)
        let claims = fields.money("claims_cny", required: false, positive: false, maximum: .largestIssue)
        let legalBasis = fields.text("legal_basis", required: true)
        let state: State? = fields.choice("state", required: true)
        let notes = fields.text("notes", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        if let discovered, let reported, reported < discovered {
            fields.report("reported", "is before the case was discovered on \(discovered)")
        }
        if let discovered, let exemptionFiled, exemptionFiled < discovered {
            fields.report("exemption_filed", "is before the case was discovered on \(discovered)")
        }
        if let state, state.isReported, reported == nil {
            fields.report("reported", "a case \(state.rawValue) has been reported: give the date it was")
        }
        if let state, [.exemptionRequested, .granted, .denied].contains(state), exemptionFiled == nil {
            fields.report("exemption_filed", "a case \(state.rawValue) has applied for an exemption: give the date")
        }
        try fields.finish()
        self.init(
            caseID: caseID!, uscc: uscc!, jurisdiction: jurisdiction!, authority: authority, citation: citation!,
            measureDate: measureDate, counterparty: counterparty, discovered: discovered!, reported: reported,
            exemptionFiled: exemptionFiled, claims: claims, legalBasis: legalBasis!, state: state!, notes: notes,
            revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            caseID, uscc.value, jurisdiction, authority, citation, measureDate?.iso8601, counterparty,
            discovered.iso8601, reported?.iso8601, exemptionFiled?.iso8601, claims?.yuanText, legalBasis,
            state.rawValue, notes, revision.map(String.init),
        ]
    }
}
