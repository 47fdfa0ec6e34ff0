/// An issuer's figures for a fiscal year (key: `uscc`, `year`).
public struct IssuerFinancials: RegistryRecord {
    public var uscc: USCC
    public var year: Int
    public var revenue: Money
    /// Research and development spending.
    public var researchSpend: Money
    /// Invention patents held at year end, if known.
    public var inventionPatents: Int?

    public init(uscc: USCC, year: Int, revenue: Money, researchSpend: Money, inventionPatents: Int? = nil) {
        self.uscc = uscc
        self.year = year
        self.revenue = revenue
        self.researchSpend = researchSpend
        self.inventionPatents = inventionPatents
    }

    /// R&D spending over revenue (0.05 is 5 %), `nil` without revenue.
    public var researchIntensity: Double? {
        revenue.fen > 0 ? Double(researchSpend.fen) / Double(revenue.fen) : nil
    }

    public static let declaration = RecordDeclaration(
        .issuerFinancials, table: "issuer_financials", key: ["uscc", "year"],
        references: [.init(["uscc"], to: .issuers, noun: "issuer")], writer: .admin,
        summary: "An issuer's revenue, R&D spending and invention patents, by fiscal year")
    public static let columns = [
        Column("uscc", required: true), Column("year", required: true, .integer),
        Column("revenue_cny", required: true, .money), Column("rd_spend_cny", required: true, .money),
        Column("invention_patents", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let uscc = fields.uscc("uscc")
        let year = fields.integer("year", required: true, in: 1900...2200)
        let revenue = fields.money("revenue_cny", required: true, positive: false)
        let spend = fields.money("rd_spend_cny", required: true, positive: false)
        let patents = fields.integer("invention_patents", required: false, in: 0...10_000_000)
        try fields.finish()
        self.init(uscc: uscc!, year: year!, revenue: revenue!, researchSpend: spend!, inventionPatents: patents)
    }

    public var fieldTexts: [String?] {
        [uscc.value, String(year), revenue.yuanText, researchSpend.yuanText, inventionPatents.map(String.init)]
    }
}
