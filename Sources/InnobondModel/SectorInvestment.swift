/// Investment into a technology sector in a year, from a named source (key:
/// `sector`, `year`, `source`).
public struct SectorInvestment: RegistryRecord {
    /// Free-text sector label, e.g. `Semiconductor design & equipment`.
    public var sector: String
    public var year: Int
    /// Billions of US dollars.
    public var amountUSDBillions: Double
    /// Where the figure comes from.
    public var source: String

    public init(sector: String, year: Int, amountUSDBillions: Double, source: String) {
        self.sector = sector
        self.year = year
        self.amountUSDBillions = amountUSDBillions
        self.source = source
    }

    public static let declaration = RecordDeclaration(
        .investments, table: "sector_investments", key: ["sector", "year", "source"], writer: .analyst,
        summary: "Investment in technology sectors, by sector, year and source")
    public static let columns = [
        Column("sector", required: true), Column("year", required: true, .integer),
        Column("amount_usd_bn", required: true, .real), Column("source", required: true),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let sector = fields.text("sector", required: true)
        let year = fields.integer("year", required: true, in: 1900...2200)
        let amount = fields.number("amount_usd_bn", required: true, in: 0...1_000_000)
        let source = fields.text("source", required: true)
        try fields.finish()
        self.init(sector: sector!, year: year!, amountUSDBillions: amount!, source: source!)
    }

    public var fieldTexts: [String?] { [sector, String(year), amountUSDBillions.shortText, source] }
}
