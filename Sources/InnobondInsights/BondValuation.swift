import FixedIncome
import InnobondModel

/// A registry bond priced as its market prices it: CIBM rules for `.IB`
/// codes, SSE and SZSE rules for `.SH` and `.SZ`; with its cash flows, its
/// spreads to the CGB curve of the settlement date, yield to put and worst,
/// and the price–yield curve around the quote.
public struct BondValuation: Sendable {
    /// A cash flow per 100 face.
    public struct Flow: Sendable, Codable, Equatable {
        public var date: CivilDate
        public var coupon: Double
        public var principal: Double
    }

    public var settlement: CivilDate
    public var convention: MarketConvention
    public var figures: BondAnalytics
    /// Yield minus the CGB curve's par yield at maturity, basis points.
    public var gSpreadBp: Double?
    /// The constant shift of the CGB zero curve at which the flows the market
    /// prices are worth the bond's dirty price, basis points.
    public var zSpreadBp: Double?
    /// The CGB curve's date used for the spreads.
    public var curveDate: CivilDate?
    public var yieldToPut: Double?
    public var yieldToWorst: Double?
    /// Clean prices at yields around the quote's (yield decimal, price).
    public var priceYield: [(yield: Double, cleanPrice: Double)]

    /// The bond as its market prices it.
    public static func marketBond(_ bond: Bond) throws(FixedIncomeError) -> MarketBond {
        try MarketBond(
            convention: bond.market.convention, issueDate: bond.issueDate, maturityDate: bond.maturityDate,
            couponRate: bond.couponRatePercent / 100, frequency: bond.frequency.periodic)
    }

    /// Every flow of the bond per 100 face, as its market prices it: coupons
    /// at its frequency (all interest at maturity for frequency 0) and the
    /// principal.
    public static func flows(of bond: Bond) -> [Flow] {
        guard let instrument = try? marketBond(bond) else { return [] }
        return instrument.cashFlows.filter { $0.kind == .coupon }.map {
            Flow(date: $0.date, coupon: $0.amount, principal: $0.date == bond.maturityDate ? 100 : 0)
        }
    }

    /// Prices the bond at `settlement` from a clean price or a yield (decimal).
    ///
    /// - Throws: the engine's ``FixedIncomeError`` when the bond cannot be
    ///   priced there (settlement outside its life, no yield for the price).
    public init(
        bond: Bond, settlement: CivilDate, quote: BondQuote, curves: CurveLibrary, governmentCurve: String = "CGB"
    ) throws(FixedIncomeError) {
        let day = curves.day(governmentCurve, on: settlement)
        try self.init(
            bond: bond, settlement: settlement, quote: quote,
            government: day.map { GovernmentCurve(day: $0, curves: curves) }, priceYieldSteps: 8)
    }

    /// The government curve of one day, built once for every bond valued on it.
    public struct GovernmentCurve: Sendable {
        public var date: CivilDate
        var parYields: HermiteParYields?
        var curve: HermiteCurve?

        public init(day: CurveLibrary.Day, curves: CurveLibrary) {
            date = day.date
            parYields = curves.interpolation(day)
            curve = curves.curve(day)
        }
    }

    /// Prices the bond against a government curve built beforehand, with
    /// `priceYieldSteps` quarter-point steps of the price–yield curve each
    /// side of the quote (none when 0).
    public init(
        bond: Bond, settlement: CivilDate, quote: BondQuote, government: GovernmentCurve?, priceYieldSteps: Int
    ) throws(FixedIncomeError) {
        self.settlement = settlement
        convention = bond.market.convention
        let instrument = try Self.marketBond(bond)
        let figures = try instrument.analytics(settlement: settlement, quote: quote)
        self.figures = figures
        curveDate = government?.date
        if let parYields = government?.parYields {
            gSpreadBp = (figures.yield - parYields.parYield(at: bond.maturityDate)) * 10_000
        }
        // The flows the market prices, discounted on the zero curve.
        if let curve = government?.curve {
            zSpreadBp = (try? instrument.zSpread(cleanPrice: figures.cleanPrice, settlement: settlement, curve: curve))
                .map { $0 * 10_000 }
        }
        // To the put date, redeemed at par there, under the same market convention.
        if let put = bond.putDate, put > settlement {
            yieldToPut = try? instrument.yieldToPut(
                cleanPrice: figures.cleanPrice, settlement: settlement, putDate: put)
        }
        // Without a put, the worst case is the yield to maturity.
        yieldToWorst = min(yieldToPut ?? figures.yield, figures.yield)
        var curve: [(Double, Double)] = []
        for step in -priceYieldSteps...priceYieldSteps where priceYieldSteps > 0 {
            let yield = figures.yield + Double(step) * 0.0025
            if let price = try? instrument.analytics(settlement: settlement, quote: .yield(yield)).cleanPrice {
                curve.append((yield, price))
            }
        }
        priceYield = curve
    }
}
