import FixedIncome

/// One published value of a money or credit series, as known from its
/// publication date until the next value for the same period (key: `series`,
/// `period`, `definition`, `published`).
public struct MacroObservation: RegistryRecord {
    /// `M0`, `M1`, `M2`, `TSF_stock`, `tech_sme_loans`, ...
    public var series: String
    public var period: MacroPeriod
    /// The level, in `unit`.
    public var value: Double?
    /// Year-on-year growth as published, in percent.
    public var yoyPercent: Double?
    /// `CNY_trn`, `CNY_bn`, `pct`.
    public var unit: String
    /// The definition version: `M1_2001`, `M1_2025`.
    public var definition: String
    /// The date this value was published: the start of its vintage.
    public var published: CivilDate

    public init(
        series: String, period: MacroPeriod, value: Double?, yoyPercent: Double?, unit: String, definition: String,
        published: CivilDate
    ) {
        self.series = series
        self.period = period
        self.value = value
        self.yoyPercent = yoyPercent
        self.unit = unit
        self.definition = definition
        self.published = published
    }

    public static let declaration = RecordDeclaration(
        .macro, table: "macro_observations", key: ["series", "period", "definition", "published"], writer: .analyst,
        summary: "Money and credit statistics with their vintages")
    public static let columns = [
        Column("series", required: true), Column("period", required: true), Column("value", required: false, .real),
        Column("yoy_pct", required: false, .real), Column("unit", required: true),
        Column("definition", required: true), Column("published", required: true, .date),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let series = fields.text("series", required: true)
        let period = fields.parsed("period", required: true, expected: "not a period (YYYY-MM or YYYY-Qn)") {
            MacroPeriod($0)
        }
        let value = fields.number("value", required: false)
        let yoy = fields.number("yoy_pct", required: false, in: -100...10_000)
        let unit = fields.text("unit", required: true)
        let definition = fields.text("definition", required: true)
        let published = fields.date("published", required: true)
        if fields.text("value", required: false) == nil && fields.text("yoy_pct", required: false) == nil {
            fields.report("value", "give value or yoy_pct (or both)")
        }
        // A survey (a PMI) is published on its month's last day at the
        // earliest: a figure is never published before its period ends.
        if let period, let published, published < period.lastDay {
            fields.report("published", "\(published) is before the period \(period) ends (\(period.lastDay))")
        }
        try fields.finish()
        self.init(
            series: series!, period: period!, value: value, yoyPercent: yoy, unit: unit!, definition: definition!,
            published: published!)
    }

    public var fieldTexts: [String?] {
        [series, period.description, value?.shortText, yoyPercent?.shortText, unit, definition, published.iso8601]
    }
}
