import FixedIncome

/// A change of use after issuance, as disclosed: proceeds moved from one
/// use to another, with the approval it had (key: `bond_code`, `change_id`).
/// Insert-only: a change happened; a later change is a new row.
public struct UseChange: RegistryRecord {
    public var bondCode: BondCode
    /// The change's identifier, unique within the bond.
    public var changeID: String
    /// When the change took effect.
    public var changeDate: CivilDate
    /// The committed use the money left, if the disclosure names it.
    public var fromProject: String?
    public var fromCategory: ProceedsCategory
    /// The use it went to, if the disclosure names it.
    public var toProject: String?
    public var toCategory: ProceedsCategory
    /// The amount moved, in yuan.
    public var amount: Money
    /// The bondholders' meeting resolution that approved it, and its date;
    /// none when the disclosure names no approval.
    public var resolution: String?
    public var resolutionDate: CivilDate?
    /// The reason, as disclosed.
    public var reason: String?
    public var sourceTitle: String
    public var sourceURL: String?

    public init(
        bondCode: BondCode, changeID: String, changeDate: CivilDate, fromProject: String? = nil,
        fromCategory: ProceedsCategory, toProject: String? = nil, toCategory: ProceedsCategory, amount: Money,
        resolution: String? = nil, resolutionDate: CivilDate? = nil, reason: String? = nil, sourceTitle: String,
        sourceURL: String? = nil
    ) {
        self.bondCode = bondCode
        self.changeID = changeID
        self.changeDate = changeDate
        self.fromProject = fromProject
        self.fromCategory = fromCategory
        self.toProject = toProject
        self.toCategory = toCategory
        self.amount = amount
        self.resolution = resolution
        self.resolutionDate = resolutionDate
        self.reason = reason
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
    }

    /// Whether the change moved money from a sci-tech use to a conventional
    /// one: the rebranding signal.
    public var leavesSciTech: Bool { fromCategory.isSciTech && !toCategory.isSciTech }

    public static let declaration = RecordDeclaration(
        .useChanges, table: "use_changes", key: ["bond_code", "change_id"],
        references: [.init(["bond_code"], to: .bonds, noun: "bond")], merge: .insertOnly, writer: .admin,
        checks: [
            .dateWithin(
                column: "change_date", reference: .bonds, from: "issue_date", before: "maturity_date",
                what: "changes of use", span: "life", fromName: "issue date", beforeName: "maturity")
        ],
        summary: "Changes of a bond's use of proceeds after issuance, with their approvals",
        createdBy: "v10: use changes")
    public static let columns = [
        Column("bond_code", required: true), Column("change_id", required: true),
        Column("change_date", required: true, .date), Column("from_project", required: false),
        Column("from_category", required: true), Column("to_project", required: false),
        Column("to_category", required: true), Column("amount_cny", required: true, .money),
        Column("resolution", required: false), Column("resolution_date", required: false, .date),
        Column("reason", required: false), Column("source_title", required: true),
        Column("source_url", required: false),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let changeID = fields.text("change_id", required: true)
        let changeDate = fields.date("change_date", required: true)
        let fromProject = fields.text("from_project", required: false)
        let fromCategory: ProceedsCategory? = fields.choice("from_category", required: true)
        let toProject = fields.text("to_project", required: false)
        let toCategory: ProceedsCategory? = fields.choice("to_category", required: true)
        let amount = fields.money("amount_cny", required: true, positive: true, maximum: .largestIssue)
        let resolution = fields.text("resolution", required: false)
        let resolutionDate = fields.date("resolution_date", required: false)
        let reason = fields.text("reason", required: false)
        let sourceTitle = fields.text("source_title", required: true)
        let sourceURL = fields.text("source_url", required: false)
        if resolution != nil, resolutionDate == nil {
            fields.report("resolution_date", "a resolution has a date: give the meeting's")
        }
        if resolution == nil, resolutionDate != nil {
            fields.report("resolution", "a resolution date without the resolution: name it")
        }
        if let resolutionDate, let changeDate, resolutionDate > changeDate {
            fields.report("resolution_date", "is after the change it approved (\(changeDate))")
        }
        if let fromCategory, fromCategory == toCategory, fromProject == toProject {
            fields.report("to_category", "the change moves nothing: the same use on both sides")
        }
        try fields.finish()
        self.init(
            bondCode: code!, changeID: changeID!, changeDate: changeDate!, fromProject: fromProject,
            fromCategory: fromCategory!, toProject: toProject, toCategory: toCategory!, amount: amount!,
            resolution: resolution, resolutionDate: resolutionDate, reason: reason, sourceTitle: sourceTitle!,
            sourceURL: sourceURL)
    }

    public var fieldTexts: [String?] {
        [
            bondCode.value, changeID, changeDate.iso8601, fromProject, fromCategory.rawValue, toProject,
            toCategory.rawValue, amount.yuanText, resolution, resolutionDate?.iso8601, reason, sourceTitle, sourceURL,
        ]
    }
}
