import FixedIncome

/// A figure a bond's impact report gives for a period: R&D spending the
/// proceeds financed, patents, R&D staff, revenue of the financed products
/// (key: `bond_code`, `period_end`, `kpi`). Versioned: a restated figure
/// supersedes the one before, which is kept.
public struct ImpactReport: RegistryRecord {
    /// The figures issuers report.
    public enum KPI: String, Sendable, CaseIterable {
        case rdSpendingFinanced = "rd_spending_financed"
        case patentsFiled = "patents_filed"
        case patentsGranted = "patents_granted"
        case rdStaff = "rd_staff"
        case financedProductRevenue = "financed_product_revenue"
        /// Another figure, named in `description`.
        case other

        /// What the figure is, in English.
        public var label: String {
            switch self {
            case .rdSpendingFinanced: return "R&D spending financed"
            case .patentsFiled: return "patents filed"
            case .patentsGranted: return "patents granted"
            case .rdStaff: return "R&D staff"
            case .financedProductRevenue: return "revenue of the financed products"
            case .other: return "other"
            }
        }
    }

    public var bondCode: BondCode
    /// The last day of the period reported.
    public var periodEnd: CivilDate
    public var kpi: KPI
    /// What an `other` figure is, or a note on one of the named ones.
    public var description: String?
    public var value: Double
    /// The unit as reported (`CNY`, `count`, `persons`).
    public var unit: String
    public var sourceTitle: String
    public var sourceURL: String?
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        bondCode: BondCode, periodEnd: CivilDate, kpi: KPI, description: String? = nil, value: Double, unit: String,
        sourceTitle: String, sourceURL: String? = nil, revision: Int? = nil
    ) {
        self.bondCode = bondCode
        self.periodEnd = periodEnd
        self.kpi = kpi
        self.description = description
        self.value = value
        self.unit = unit
        self.sourceTitle = sourceTitle
        self.sourceURL = sourceURL
        self.revision = revision
    }

    public static let declaration = RecordDeclaration(
        .impactReports, table: "impact_reports", key: ["bond_code", "period_end", "kpi"],
        references: [.init(["bond_code"], to: .bonds, noun: "bond")], merge: .versioned, writer: .admin,
        summary: "The impact figures a bond's reports give per period, each with its unit and source",
        createdBy: "v12: impact reports")
    public static let columns = [
        Column("bond_code", required: true), Column("period_end", required: true, .date),
        Column("kpi", required: true), Column("description", required: false),
        Column("value", required: true, .real), Column("unit", required: true),
        Column("source_title", required: true), Column("source_url", required: false),
        Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let periodEnd = fields.date("period_end", required: true)
        let kpi: KPI? = fields.choice("kpi", required: true)
        let description = fields.text("description", required: false)
        let value = fields.number("value", required: true, in: 0...1e18)
        let unit = fields.text("unit", required: true)
        let sourceTitle = fields.text("source_title", required: true)
        let sourceURL = fields.text("source_url", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        if kpi == .other, description == nil {
            fields.report("description", "an other figure says what it is")
        }
        try fields.finish()
        self.init(
            bondCode: code!, periodEnd: periodEnd!, kpi: kpi!, description: description, value: value!, unit: unit!,
            sourceTitle: sourceTitle!, sourceURL: sourceURL, revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            bondCode.value, periodEnd.iso8601, kpi.rawValue, description, value.shortText, unit, sourceTitle,
            sourceURL, revision.map(String.init),
        ]
    }
}
