/// The pricing rules of a market, as named bundles (DOMAIN.md; the formulas
/// and worked examples are in docs/conventions.md). Raw values are the names
/// used in CSV files.
public enum MarketConvention: String, Sendable, Hashable, CaseIterable, Codable {
    /// China interbank bond market: accrued interest ACT/ACT within the
    /// coupon period; the 2007 yield-to-maturity standard.
    case cibm = "CIBM"
    /// Shanghai Stock Exchange: accrued interest coupon × days / 365 counting
    /// both the first and the last day; the same yield formulas.
    case sse = "SSE"
    /// Shenzhen Stock Exchange, as Shanghai.
    case szse = "SZSE"

    /// Whether accrued interest follows the exchanges' rule.
    public var isExchange: Bool { self != .cibm }
}

/// Settings of the market conventions whose published rules are not
/// confirmed (DOMAIN.md): defaults to change when they are.
public struct MarketRules: Sendable, Hashable {
    /// Whether exchange accrual skips 29 February. Unconfirmed; default true.
    public var exchangeSkipsLeapDay: Bool

    public init(exchangeSkipsLeapDay: Bool = true) {
        self.exchangeSkipsLeapDay = exchangeSkipsLeapDay
    }
}

/// A bond priced under a market's conventions: a fixed coupon paid `frequency`
/// times a year, or, with no frequency, all interest at maturity (and a
/// discount bill when the coupon is 0). Amounts per 100 face; rates decimal.
public struct MarketBond: Sendable, Hashable {
    public let convention: MarketConvention
    public let issueDate: CivilDate
    public let maturityDate: CivilDate
    /// Annual coupon rate, decimal.
    public let couponRate: Double
    /// Coupons a year; `nil` when interest is paid at maturity.
    public let frequency: Frequency?
    public let rules: MarketRules
    /// The coupon schedule (ACT/ACT-ICMA coupons), for periodic bonds.
    private let coupons: FixedRateBond?

    /// - Throws: ``FixedIncomeError/maturityNotAfterIssue(issue:maturity:)``,
    ///   ``FixedIncomeError/invalidCouponRate(_:)``.
    public init(
        convention: MarketConvention, issueDate: CivilDate, maturityDate: CivilDate, couponRate: Double,
        frequency: Frequency?, rules: MarketRules = MarketRules()
    ) throws(FixedIncomeError) {
        guard couponRate.isFinite, couponRate >= 0 else { throw .invalidCouponRate(couponRate) }
        guard maturityDate > issueDate else { throw .maturityNotAfterIssue(issue: issueDate, maturity: maturityDate) }
        self.convention = convention
        self.issueDate = issueDate
        self.maturityDate = maturityDate
        self.couponRate = couponRate
        self.frequency = frequency
        self.rules = rules
        coupons = try frequency.map { frequency throws(FixedIncomeError) in
            try FixedRateBond(
                issueDate: issueDate, maturityDate: maturityDate, couponRate: couponRate, frequency: frequency,
                dayCount: .actualActualICMA)
        }
    }

    /// Every payment the convention prices, first to last, per 100 face: the
    /// coupons (a regular period pays coupon/f, a stub its ACT/ACT-ICMA
    /// fraction) and the redemption; with interest at maturity, the simple
    /// interest of the whole life and the redemption on the maturity date.
    public var cashFlows: [CashFlow] {
        if let coupons { return coupons.cashFlows }
        let (years, days, yearLength) = Self.interestYears(from: issueDate, to: maturityDate)
        return [
            CashFlow(
                date: maturityDate, amount: 100 * couponRate * (Double(years) + Double(days) / Double(yearLength)),
                kind: .coupon),
            CashFlow(date: maturityDate, amount: 100, kind: .redemption),
        ]
    }

    /// The coupon-paying bond whose flows the convention prices (ACT/ACT-ICMA
    /// coupons); `nil` with interest at maturity.
    public var periodicBond: FixedRateBond? { coupons }

    /// Accrued interest at settlement, per 100 face.
    ///
    /// CIBM: coupon/f × days since the period began / days of the period
    /// (counting the first day, not the last). Exchanges: coupon × days / 365
    /// counting both, without 29 February when ``MarketRules`` says so. For
    /// interest at maturity the period is the bond's life, counted in years.
    public func accruedInterest(settlement: CivilDate) throws(FixedIncomeError) -> Double {
        try checkSettlement(settlement)
        let start: CivilDate
        if let coupons {
            let schedule = coupons.schedule
            let period = schedule.period(schedule.periodIndex(containing: settlement)!)
            if !convention.isExchange {
                return try coupons.accruedInterest(settlement: settlement)
            }
            start = period.start
        } else {
            if !convention.isExchange {
                let (years, days, yearLength) = Self.interestYears(from: issueDate, to: settlement)
                return 100 * couponRate * (Double(years) + Double(days) / Double(yearLength))
            }
            start = issueDate
        }
        return 100 * couponRate * Double(exchangeDays(from: start, through: settlement)) / 365
    }

    /// Days from `start` through `end`, both counted, without 29 February
    /// when the rules skip it.
    func exchangeDays(from start: CivilDate, through end: CivilDate) -> Int {
        let days = start.days(to: end) + 1
        guard rules.exchangeSkipsLeapDay else { return days }
        // Actual days minus no-leap days counts the 29 Februaries in (start, end].
        let leapDaysAfterStart = start.days(to: end) - (DayCount.noLeapDayNumber(end) - DayCount.noLeapDayNumber(start))
        let startIsLeapDay = start.month == 2 && start.day == 29 ? 1 : 0
        return days - leapDaysAfterStart - startIsLeapDay
    }

    /// Whole interest years from `start` to `end` (anniversaries of `start`),
    /// the days past the last anniversary, and the length of that year.
    static func interestYears(from start: CivilDate, to end: CivilDate) -> (years: Int, days: Int, yearLength: Int) {
        var years = 0
        while let next = start.adding(months: 12 * (years + 1)), next <= end { years += 1 }
        let anniversary = start.adding(months: 12 * years)!
        let following = start.adding(months: 12 * (years + 1))!
        return (years, anniversary.days(to: end), anniversary.days(to: following))
    }

    /// Price, yield and risk at settlement from a quote, under the convention.
    ///
    /// With more than one coupon to come, `PV = Σ CF_i / (1 + y/f)^(d/TS + i)`,
    /// `d` the days to the next coupon and `TS` the days of the current
    /// period; in the final period (and for interest at maturity within its
    /// last year) the simple yield `PV = FV / (1 + y·D/TY)`, `D` the days to
    /// maturity and `TY` the days of the final interest year; interest at
    /// maturity further off, `PV = FV / (1 + y)^(d/TY + m)`.
    public func analytics(settlement: CivilDate, quote: BondQuote) throws(FixedIncomeError) -> BondAnalytics {
        let accrued = try accruedInterest(settlement: settlement)
        let finalYearStart = maturityDate.adding(months: -12) ?? issueDate
        let finalYear = Double(finalYearStart.days(to: maturityDate))
        if let coupons, let frequency {
            let schedule = coupons.schedule
            let index = schedule.periodIndex(containing: settlement)!
            let periods = schedule.periods[index...]
            if periods.count >= 2 {
                let current = periods.first!
                let d = Double(settlement.days(to: current.end))
                let ts = Double(current.referenceStart.days(to: current.end))
                var amounts = periods.map { coupons.couponAmount(of: $0) }
                amounts[amounts.count - 1] += 100
                let times = (0..<amounts.count).map { (d / ts + Double($0)) / frequency.perYear }
                let flows = RemainingCashFlows(
                    settlement: settlement, frequency: frequency, accruedInterest: accrued, amounts: amounts,
                    times: times)
                return try flows.analytics(quote)
            }
            let last = coupons.couponAmount(of: periods.first!)
            return try simple(
                futureValue: 100 + last, days: Double(settlement.days(to: maturityDate)), yearLength: finalYear,
                accrued: accrued, quote: quote)
        }
        // Interest at maturity: simple interest over the life, paid with the principal.
        let futureValue = cashFlows.reduce(0) { $0 + $1.amount }
        let days = Double(settlement.days(to: maturityDate))
        if days <= finalYear {
            return try simple(
                futureValue: futureValue, days: days, yearLength: finalYear, accrued: accrued, quote: quote)
        }
        // Whole years from the next anniversary of maturity, and the fraction before it.
        var back = 1
        while let earlier = maturityDate.adding(months: -12 * (back + 1)), earlier > settlement { back += 1 }
        let next = maturityDate.adding(months: -12 * back)!
        let previous = maturityDate.adding(months: -12 * (back + 1))!
        let exponent = Double(settlement.days(to: next)) / Double(previous.days(to: next)) + Double(back)
        let flows = RemainingCashFlows(
            settlement: settlement, frequency: .annual, accruedInterest: accrued, amounts: [futureValue],
            times: [exponent])
        return try flows.analytics(quote)
    }

    /// `PV = FV / (1 + y·D/TY)` and its risk.
    private func simple(futureValue: Double, days: Double, yearLength: Double, accrued: Double, quote: BondQuote)
        throws(FixedIncomeError) -> BondAnalytics
    {
        let fraction = days / yearLength
        let dirty: Double
        let yield: Double
        switch quote {
        case .yield(let given):
            guard given.isFinite, 1 + given * fraction > 0 else {
                throw .yieldOutOfDomain(yield: given, frequency: .annual)
            }
            yield = given
            dirty = futureValue / (1 + yield * fraction)
        case .cleanPrice(let clean):
            guard clean.isFinite else { throw .invalidPrice(clean) }
            dirty = clean + accrued
            guard dirty > 0 else { throw .noYieldForPrice(dirtyPrice: dirty, floor: 0) }
            guard fraction > 0 else { throw .priceIndependentOfYield }
            yield = (futureValue / dirty - 1) / fraction
            guard yield.isFinite else { throw .yieldNotRepresentable(dirtyPrice: dirty, frequency: .annual) }
        }
        let growth = 1 + yield * fraction
        let modified = fraction / growth
        return BondAnalytics(
            cleanPrice: dirty - accrued, yield: yield, accruedInterest: accrued, dirtyPrice: dirty,
            macaulayDuration: fraction, modifiedDuration: modified,
            convexity: 2 * fraction * fraction / (growth * growth),
            dv01: modified * dirty * 0.0001)
    }

    private func checkSettlement(_ settlement: CivilDate) throws(FixedIncomeError) {
        guard settlement >= issueDate, settlement < maturityDate else {
            throw .settlementOutsideLife(settlement: settlement, issue: issueDate, maturity: maturityDate)
        }
    }
}
