import FixedIncome
import InnobondInsights
import InnobondModel

/// What a bond page's pricing form asks: a settlement date, and a clean
/// price or a yield (percent); either may be missing.
struct PricingRequest: Sendable {
    var settlement: CivilDate?
    var cleanPrice: Double?
    var yieldPercent: Double?

    /// Reads the form's parameters: a bad value, or a price and a yield
    /// both, is a 400 naming the parameter.
    init(_ query: Query) throws(APIError) {
        settlement = try query.date("settlement")
        cleanPrice = try query.number(APIRoutes.cleanPrice)
        yieldPercent = try query.number(APIRoutes.yieldPercent)
        if cleanPrice != nil && yieldPercent != nil {
            throw .badParameter("yield", "give clean_price or yield, not both")
        }
    }

    init() {}
}

/// The bond page's pricing form and its answer: the analytics and the cash
/// flows still to come at a settlement date (by default the registry's
/// latest date), from a clean price or a yield.
struct PricingSection: Sendable {
    var settlement: String
    var cleanPrice: String
    var yieldPercent: String
    var answered: Bool
    /// Whether the bond was priced: `heading` says at what.
    var priced: Bool
    var heading: String
    var error: String?
    var figures: [BondPage.Term]
    var flows: [BondPage.FlowRow]

    init(bond: Bond, request: PricingRequest, current: RegistryState.Current) {
        let settlement = request.settlement ?? current.latestDate
        self.settlement = settlement.iso8601
        cleanPrice = request.cleanPrice.map { NumberText.fixed($0, 4) } ?? ""
        yieldPercent = request.yieldPercent.map { NumberText.fixed($0, 4) } ?? ""
        figures = []
        flows = []
        heading = ""
        priced = false
        let quote = request.cleanPrice.map(BondQuote.cleanPrice) ?? request.yieldPercent.map { .yield($0 / 100) }
        answered = quote != nil
        guard let quote else { return }
        do {
            let valuation = try BondValuation(bond: bond, settlement: settlement, quote: quote, curves: current.curves)
            heading =
                "At \(settlement), "
                + (request.cleanPrice != nil ? "clean price \(cleanPrice)" : "yield \(yieldPercent) %")
            figures = BondPage.figures(valuation)
            priced = true
            flows = BondValuation.flows(of: bond).filter { $0.date > settlement }.map { flow in
                BondPage.FlowRow(
                    date: flow.date.iso8601, coupon: NumberText.fixed(flow.coupon, 4),
                    principal: flow.principal > 0 ? NumberText.fixed(flow.principal, 2) : "", past: false)
            }
        } catch {
            self.error = "Cannot price \(bond.code) at \(settlement): \(error)."
        }
    }
}
