import FixedIncome

/// A valuation or trade of a bond on a date (key: `bond_code`, `date`, `source`).
public struct Quote: RegistryRecord {
    public var bondCode: BondCode
    public var date: CivilDate
    /// Clean price per 100 face, if quoted.
    public var cleanPrice: Double?
    /// Yield in percent, if quoted.
    public var yieldPercent: Double?
    /// Where the quote comes from: `chinabond`, `cfets`, `trade`.
    public var source: String

    public init(bondCode: BondCode, date: CivilDate, cleanPrice: Double?, yieldPercent: Double?, source: String) {
        self.bondCode = bondCode
        self.date = date
        self.cleanPrice = cleanPrice
        self.yieldPercent = yieldPercent
        self.source = source
    }

    public static let declaration = RecordDeclaration(
        .quotes, table: "quotes", key: ["bond_code", "date", "source"],
        references: [.init(["bond_code"], to: .bonds, noun: "bond")], writer: .analyst,
        checks: [
            .dateWithin(
                column: "date", reference: .bonds, from: "issue_date", before: "maturity_date", what: "quotes",
                span: "life", fromName: "issue date", beforeName: "maturity")
        ], inSnapshot: false, summary: "Daily prices and yields of bonds, by source")
    public static let columns = [
        Column("bond_code", required: true), Column("date", required: true, .date),
        Column("clean_price", required: false, .real), Column("yield", required: false, .real),
        Column("source", required: true),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("bond_code")
        let date = fields.date("date", required: true)
        let price = fields.number("clean_price", required: false, in: 0.000001...100_000)
        let yield = fields.number("yield", required: false, in: -100...1000)
        let source = fields.text("source", required: true)
        if fields.text("clean_price", required: false) == nil && fields.text("yield", required: false) == nil {
            fields.report("yield", "give clean_price or yield (or both)")
        }
        try fields.finish()
        self.init(bondCode: code!, date: date!, cleanPrice: price, yieldPercent: yield, source: source!)
    }

    public var fieldTexts: [String?] {
        [bondCode.value, date.iso8601, cleanPrice?.shortText, yieldPercent?.shortText, source]
    }
}

extension Quote {
    /// Of quotes ordered by bond code, the last of each bond.
    public static func latest(_ quotes: [Quote]) -> [Quote] {
        var kept: [Quote] = []
        kept.reserveCapacity(quotes.count)
        for quote in quotes {
            if kept.last?.bondCode == quote.bondCode { kept[kept.count - 1] = quote } else { kept.append(quote) }
        }
        return kept
    }
}
