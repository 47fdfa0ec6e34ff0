import FixedIncome

/// A par yield on a curve at one tenor on one date (key: `curve`, `date`, `tenor`).
public struct CurvePoint: RegistryRecord {
    /// The curve: `CGB`, `CDB`, `AAA_corporate`.
    public var curve: String
    public var date: CivilDate
    public var tenor: Tenor
    /// Par yield to maturity in percent.
    public var yieldPercent: Double

    public init(curve: String, date: CivilDate, tenor: Tenor, yieldPercent: Double) {
        self.curve = curve
        self.date = date
        self.tenor = tenor
        self.yieldPercent = yieldPercent
    }

    public static let declaration = RecordDeclaration(
        .curves, table: "curve_points", key: ["curve", "date", "tenor"], writer: .analyst,
        summary: "Par yields of yield curves, by curve, date and tenor")
    public static let columns = [
        Column("curve", required: true), Column("date", required: true, .date), Column("tenor", required: true),
        Column("yield", required: true, .real),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let curve = fields.text("curve", required: true)
        let date = fields.date("date", required: true)
        let tenor = fields.parsed("tenor", required: true, expected: "not a tenor (a number and D, W, M or Y, e.g. 3M)")
        {
            // Kept in its largest exact unit, so that 12M and 1Y are one key.
            Tenor($0)?.canonical
        }
        let yield = fields.number("yield", required: true, in: -10...100)
        if let tenor, tenor.approximateYears > 50 {
            fields.report("tenor", "curves run from 1D to 50Y, not '\(fields.written("tenor") ?? tenor.description)'")
        }
        try fields.finish()
        self.init(curve: curve!, date: date!, tenor: tenor!, yieldPercent: yield!)
    }

    public var fieldTexts: [String?] { [curve, date.iso8601, tenor.description, yieldPercent.shortText] }
}
