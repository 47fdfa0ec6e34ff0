/// What an issuer committed part of a bond's proceeds to, at issuance (key:
/// `bond_code`, `project`).
public struct UseOfProceeds: RegistryRecord {
    public var bondCode: BondCode
    /// Project name.
    public var project: String
    public var category: ProceedsCategory
    /// Amount planned; a bond's planned amounts add up to at most its amount.
    public var planned: Money

    public init(bondCode: BondCode, project: String, category: ProceedsCategory, planned: Money) {
        self.bondCode = bondCode
        self.project = project
        self.category = category
        self.planned = planned
    }

    public static let declaration = RecordDeclaration(
        .useOfProceeds, table: "use_of_proceeds", key: ["bond_code", "project"],
        references: [.init(["bond_code"], to: .bonds, noun: "bond")], writer: .admin,
        checks: [
            .sumWithin(
                column: "planned_cny", reference: .bonds, limit: "amount_cny", what: "planned uses", limitName: "amount"
            )
        ], summary: "What a bond's proceeds were committed to at issuance, by project")
    public static let columns = [
        Column("bond_code", required: true), Column("project", required: true), Column("category", required: true),
        Column("planned_cny", required: true, .money),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let project = fields.text("project", required: true)
        let category: ProceedsCategory? = fields.choice("category", required: true)
        let planned = fields.money("planned_cny", required: true, positive: true, maximum: .largestIssue)
        if category == .other {
            fields.report(
                "category", "a committed use names what it funds; other is for allocations and changes of use")
        }
        try fields.finish()
        self.init(bondCode: code!, project: project!, category: category!, planned: planned!)
    }

    public var fieldTexts: [String?] { [bondCode.value, project, category.rawValue, planned.yuanText] }
}
