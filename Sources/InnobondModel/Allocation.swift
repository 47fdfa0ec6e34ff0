import FixedIncome

/// An entry of a bond's use-of-proceeds ledger: an amount an allocation
/// report says went to one of the bond's committed uses in the period it
/// covers (key: `bond_code`, `entry`). Insert-only: an entry is never
/// changed; a correction is a reversal (a negative amount naming the entry
/// it reverses) and a restatement (a new entry).
public struct Allocation: RegistryRecord {
    public var bondCode: BondCode
    /// The entry's identifier, unique within the bond (`2025A-01`).
    public var entry: String
    /// The date of the report that discloses the allocation.
    public var reportDate: CivilDate
    /// The committed use (`use_of_proceeds.project`) the amount draws on.
    public var project: String
    /// What the money actually went to, which may differ from the committed
    /// use's category: the difference is what integrity checks look at.
    public var category: ProceedsCategory
    /// The amount allocated in the period, in yuan; negative for a reversal.
    public var amount: Money
    /// The entry of the same bond this one reverses.
    public var reverses: String?
    /// The disclosure: its title, and where it is (URL, filing id, page).
    public var sourceTitle: String
    public var sourceURL: String?
    public var sourceFiling: String?
    public var sourcePage: Int?

    public init(
        bondCode: BondCode, entry: String, reportDate: CivilDate, project: String, category: ProceedsCategory,
        amount: Money, reverses: String? = nil, sourceTitle: String, sourceURL: String? = nil,
        sourceFiling: String? = nil, sourcePage: Int? = nil
    ) {
        self.bondCode = bondCode
        self.entry = entry
        self.reportDate = reportDate
        self.project = project
        self.category = category
        self.amount = amount
        self.reverses = reverses
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
        self.sourceFiling = sourceFiling
        self.sourcePage = sourcePage
    }

    /// Allocations stay within their planned use, and so within the bond's
    /// amount (planned uses stay within it).
    public static let declaration = RecordDeclaration(
        .allocations, table: "allocations", key: ["bond_code", "entry"],
        references: [
            .init(["bond_code"], to: .bonds, noun: "bond"),
            .init(["bond_code", "project"], to: .useOfProceeds, noun: "planned use"),
            .init(["bond_code", "reverses"], to: .allocations, noun: "allocation entry"),
        ],
        merge: .insertOnly, writer: .admin,
        checks: [
            .sumWithin(
                column: "amount_cny", reference: .useOfProceeds, limit: "planned_cny", what: "allocations",
                limitName: "planned amount"),
            .dateWithin(
                column: "report_date", reference: .bonds, from: "issue_date", before: "maturity_date",
                what: "allocations", span: "life", fromName: "issue date", beforeName: "maturity"),
        ],
        summary: "What a bond's proceeds were actually allocated to, entry by entry, as its reports disclose",
        createdBy: "v8: allocations")
    public static let columns = [
        Column("bond_code", required: true), Column("entry", required: true),
        Column("report_date", required: true, .date), Column("project", required: true),
        Column("category", required: true), Column("amount_cny", required: true, .money),
        Column("reverses", required: false), Column("source_title", required: true),
        Column("source_url", required: false), Column("source_filing", required: false),
        Column("source_page", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let entry = fields.text("entry", required: true)
        let reportDate = fields.date("report_date", required: true)
        let project = fields.text("project", required: true)
        let category: ProceedsCategory? = fields.choice("category", required: true)
        let amount = fields.money("amount_cny", required: true, positive: true, signed: true, maximum: .largestIssue)
        let reverses = fields.text("reverses", required: false)
        let sourceTitle = fields.text("source_title", required: true)
        let sourceURL = fields.text("source_url", required: false)
        let sourceFiling = fields.text("source_filing", required: false)
        let sourcePage = fields.integer("source_page", required: false, in: 1...100_000)
        if let amount, amount.fen < 0, reverses == nil {
            fields.report("reverses", "a negative amount reverses an entry: name the entry it reverses")
        }
        if let amount, amount.fen > 0, reverses != nil {
            fields.report("amount_cny", "a reversal's amount is negative: '\(amount.yuanText)'")
        }
        if let entry, entry == reverses {
            fields.report("reverses", "an entry cannot reverse itself")
        }
        try fields.finish()
        self.init(
            bondCode: code!, entry: entry!, reportDate: reportDate!, project: project!, category: category!,
            amount: amount!, reverses: reverses, sourceTitle: sourceTitle!, sourceURL: sourceURL,
            sourceFiling: sourceFiling, sourcePage: sourcePage)
    }

    public var fieldTexts: [String?] {
        [
            bondCode.value, entry, reportDate.iso8601, project, category.rawValue, amount.yuanText, reverses,
            sourceTitle, sourceURL, sourceFiling, sourcePage.map(String.init),
        ]
    }
}
