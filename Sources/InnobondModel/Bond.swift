import FixedIncome

/// A bond in the registry (key: `code`).
public struct Bond: RegistryRecord {
    public var code: BondCode
    /// The issuer.
    public var uscc: USCC
    /// Short name, e.g. `25闻泰科创债01`.
    public var name: String
    public var type: BondType
    /// Whether it is labelled a sci-tech innovation bond.
    public var sciTech: Bool
    /// For sci-tech bonds, the rules it was issued under.
    public var regime: Regime?
    public var issueDate: CivilDate
    public var maturityDate: CivilDate
    /// Amount issued.
    public var amount: Money
    /// Annual coupon in percent (`3.25`), 0 to 30.
    public var couponRatePercent: Double
    public var frequency: CouponFrequency
    public var dayCount: DayCount
    public var rating: Rating?
    /// Investor put date (year 3 of a 3+2 bond).
    public var putDate: CivilDate?
    /// Issuer's coupon adjustment date.
    public var couponResetDate: CivilDate?
    /// Working days from filing to registration.
    public var approvalDays: Int?

    public init(
        code: BondCode, uscc: USCC, name: String, type: BondType, sciTech: Bool, regime: Regime? = nil,
        issueDate: CivilDate, maturityDate: CivilDate, amount: Money, couponRatePercent: Double,
        frequency: CouponFrequency, dayCount: DayCount, rating: Rating? = nil, putDate: CivilDate? = nil,
        couponResetDate: CivilDate? = nil, approvalDays: Int? = nil
    ) {
        self.code = code
        self.uscc = uscc
        self.name = name
        self.type = type
        self.sciTech = sciTech
        self.regime = regime
        self.issueDate = issueDate
        self.maturityDate = maturityDate
        self.amount = amount
        self.couponRatePercent = couponRatePercent
        self.frequency = frequency
        self.dayCount = dayCount
        self.rating = rating
        self.putDate = putDate
        self.couponResetDate = couponResetDate
        self.approvalDays = approvalDays
    }

    /// The market of its code.
    public var market: Market { code.market }

    /// Tenor at issue in years (days over 365.25).
    public var tenorYears: Double { Double(issueDate.days(to: maturityDate)) / 365.25 }

    public static let declaration = RecordDeclaration(
        .bonds, table: "bonds", key: ["code"], references: [.init(["uscc"], to: .issuers, noun: "issuer")],
        writer: .admin, summary: "Bonds with their terms and innovation attributes, by code")
    public static let columns = [
        Column("code", required: true), Column("uscc", required: true), Column("name", required: true),
        Column("type", required: true), Column("sci_tech", required: true, .boolean),
        Column("regime", required: false), Column("issue_date", required: true, .date),
        Column("maturity_date", required: true, .date), Column("amount_cny", required: true, .money),
        Column("coupon_rate", required: true, .real), Column("frequency", required: true, .integer),
        Column("day_count", required: true), Column("rating", required: false),
        Column("put_date", required: false, .date),
        Column("coupon_reset_date", required: false, .date), Column("approval_days", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let code = fields.bondCode("code")
        let uscc = fields.uscc("uscc")
        let name = fields.text("name", required: true)
        let type: BondType? = fields.choice("type", required: true)
        let sciTech = fields.boolean("sci_tech", required: true)
        let regime: Regime? = fields.choice("regime", required: false)
        let issueDate = fields.date("issue_date", required: true)
        let maturityDate = fields.date("maturity_date", required: true)
        let amount = fields.money("amount_cny", required: true, positive: true, maximum: .largestIssue)
        let coupon = fields.number("coupon_rate", required: true, in: 0...30)
        let frequency = fields.parsed("frequency", required: true, expected: "must be 0, 1, 2, 4 or 12") {
            Int($0).flatMap(CouponFrequency.init(rawValue:))
        }
        let dayCount: DayCount? = fields.choice("day_count", required: true)
        let rating = fields.parsed("rating", required: false, expected: "not a rating (AAA, AA+, ..., C, A-1)") {
            Rating($0)
        }
        let putDate = fields.date("put_date", required: false)
        let resetDate = fields.date("coupon_reset_date", required: false)
        let approvalDays = fields.integer("approval_days", required: false, in: 0...3650)
        if let issueDate, let maturityDate {
            if maturityDate <= issueDate {
                fields.report("maturity_date", "must be after issue_date \(issueDate): '\(maturityDate)'")
            }
            for (column, date) in [("put_date", putDate), ("coupon_reset_date", resetDate)] {
                if let date, !(date > issueDate && date < maturityDate) {
                    fields.report(column, "must be after issue_date and before maturity_date: '\(date)'")
                }
            }
        }
        if regime != nil && sciTech == false {
            fields.report("regime", "applies to sci-tech bonds only (sci_tech is false)")
        }
        // NAFMII's notes trade in the interbank market, the exchanges' bonds on
        // the exchanges; the technology board spans both.
        if let regime, let market = code?.market {
            switch (regime, market) {
            case (.nafmiiNote, .shanghai), (.nafmiiNote, .shenzhen):
                fields.report(
                    "regime", "a NAFMII sci-tech note trades in the interbank market (.IB), not \(market.label)")
            case (.exchange2022, .interbank):
                fields.report(
                    "regime", "an exchange sci-tech bond trades in Shanghai or Shenzhen (.SH, .SZ), not interbank")
            default:
                break
            }
        }
        try fields.finish()
        self.init(
            code: code!, uscc: uscc!, name: name!, type: type!, sciTech: sciTech!, regime: regime,
            issueDate: issueDate!, maturityDate: maturityDate!, amount: amount!, couponRatePercent: coupon!,
            frequency: frequency!, dayCount: dayCount!, rating: rating, putDate: putDate,
            couponResetDate: resetDate, approvalDays: approvalDays)
    }

    public var fieldTexts: [String?] {
        [
            code.value, uscc.value, name, type.rawValue, sciTech ? "true" : "false", regime?.rawValue,
            issueDate.iso8601, maturityDate.iso8601, amount.yuanText, couponRatePercent.shortText,
            String(frequency.rawValue), dayCount.rawValue, rating?.value, putDate?.iso8601, couponResetDate?.iso8601,
            approvalDays.map(String.init),
        ]
    }
}
