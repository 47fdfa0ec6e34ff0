/// A fixed-rate bond, or a zero-coupon bond when the coupon rate is 0, that
/// redeems 100 at maturity. An immutable value: every pricing function takes
/// its settlement date explicitly. Amounts are per 100 face value.
public struct FixedRateBond: Sendable, Hashable {
    /// The coupon dates and periods.
    public let schedule: CouponSchedule
    /// Annual coupon rate as a decimal (`0.0325` is 3.25 %).
    public let couponRate: Double
    /// How accrual periods become year fractions.
    public let dayCount: DayCount

    /// Start of the first accrual period.
    public var issueDate: CivilDate { schedule.issueDate }
    /// Date of the last coupon and of redemption.
    public var maturityDate: CivilDate { schedule.maturityDate }
    /// Coupons a year, also the compounding frequency of its yield.
    public var frequency: Frequency { schedule.frequency }

    /// - Throws: ``FixedIncomeError/maturityNotAfterIssue(issue:maturity:)``,
    ///   ``FixedIncomeError/invalidCouponRate(_:)`` for a negative or
    ///   non-finite rate, ``FixedIncomeError/dateOutOfRange``.
    public init(
        issueDate: CivilDate, maturityDate: CivilDate, couponRate: Double,
        frequency: Frequency, dayCount: DayCount
    ) throws(FixedIncomeError) {
        guard couponRate.isFinite, couponRate >= 0 else { throw .invalidCouponRate(couponRate) }
        schedule = try CouponSchedule(issueDate: issueDate, maturityDate: maturityDate, frequency: frequency)
        self.couponRate = couponRate
        self.dayCount = dayCount
    }

    /// The coupon of a period, per 100 face: rate × year fraction of the period.
    @inlinable
    public func couponAmount(of period: CouponPeriod) -> Double {
        100 * (couponRate * period.length(dayCount: dayCount, frequency: frequency))
    }

    /// Every payment of the bond, first to last; the redemption is its own flow
    /// on the maturity date.
    public var cashFlows: [CashFlow] {
        var flows = schedule.periods.map { period in
            CashFlow(date: period.end, amount: couponAmount(of: period), kind: .coupon)
        }
        flows.append(CashFlow(date: maturityDate, amount: 100, kind: .redemption))
        return flows
    }

    /// Accrued interest at settlement, per 100 face: zero on the issue date and
    /// on coupon dates.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    public func accruedInterest(settlement: CivilDate) throws(FixedIncomeError) -> Double {
        try RemainingCashFlows(bond: self, settlement: settlement).accruedInterest
    }

    /// Price, yield, accrued interest and risk at `settlement` from a quote.
    ///
    /// - Throws: the ``FixedIncomeError`` that says why no figure exists.
    public func analytics(settlement: CivilDate, quote: BondQuote) throws(FixedIncomeError)
        -> BondAnalytics
    {
        try RemainingCashFlows(bond: self, settlement: settlement).analytics(quote)
    }

    /// Dirty price per 100 face at `settlement` for a yield (decimal,
    /// compounded `frequency` times a year).
    public func dirtyPrice(yield: Double, settlement: CivilDate) throws(FixedIncomeError) -> Double {
        try analytics(settlement: settlement, quote: .yield(yield)).dirtyPrice
    }

    /// Clean price per 100 face at `settlement` for a yield (decimal).
    public func cleanPrice(yield: Double, settlement: CivilDate) throws(FixedIncomeError) -> Double {
        try analytics(settlement: settlement, quote: .yield(yield)).cleanPrice
    }

    /// Yield to maturity (decimal, compounded `frequency` times a year) for a
    /// clean price per 100 face at `settlement`.
    public func yield(cleanPrice: Double, settlement: CivilDate) throws(FixedIncomeError) -> Double {
        try analytics(settlement: settlement, quote: .cleanPrice(cleanPrice)).yield
    }
}

/// One payment of a bond, per 100 face.
public struct CashFlow: Sendable, Hashable {
    /// What the payment is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case coupon
        case redemption
    }
    /// Payment date.
    public let date: CivilDate
    /// Amount per 100 face.
    public let amount: Double
    /// Coupon or redemption.
    public let kind: Kind

    public init(date: CivilDate, amount: Double, kind: Kind) {
        self.date = date
        self.amount = amount
        self.kind = kind
    }
}

/// A market quote of a bond: a clean price or a yield.
public enum BondQuote: Sendable, Hashable {
    /// Clean price per 100 face.
    case cleanPrice(Double)
    /// Yield to maturity as a decimal, compounded at the bond's frequency.
    case yield(Double)
}

/// Price, yield and risk of a bond at one settlement date.
public struct BondAnalytics: Sendable, Hashable {
    /// Clean price per 100 face.
    public var cleanPrice: Double
    /// Yield to maturity, decimal, compounded at the bond's frequency.
    public var yield: Double
    /// Accrued interest per 100 face.
    public var accruedInterest: Double
    /// Dirty (full) price per 100 face: clean plus accrued.
    public var dirtyPrice: Double
    /// Macaulay duration in years.
    public var macaulayDuration: Double
    /// Modified duration in years: Macaulay over `1 + y/f`.
    public var modifiedDuration: Double
    /// Convexity in years squared.
    public var convexity: Double
    /// Price change per 100 face for one basis point of yield.
    public var dv01: Double

    public init(
        cleanPrice: Double, yield: Double, accruedInterest: Double, dirtyPrice: Double,
        macaulayDuration: Double, modifiedDuration: Double, convexity: Double, dv01: Double
    ) {
        self.cleanPrice = cleanPrice
        self.yield = yield
        self.accruedInterest = accruedInterest
        self.dirtyPrice = dirtyPrice
        self.macaulayDuration = macaulayDuration
        self.modifiedDuration = modifiedDuration
        self.convexity = convexity
        self.dv01 = dv01
    }
}
