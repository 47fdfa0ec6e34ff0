/// Why a fixed-income computation could not give a number.
///
/// Every case carries the values at fault; `description` is one sentence a
/// user can act on.
public enum FixedIncomeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Text that is not of the shape `YYYY-MM-DD`.
    case malformedDate(String)
    /// A `YYYY-MM-DD` text naming no calendar day (`2023-02-29`).
    case nonexistentDate(String)
    /// A date computed from others fell outside years 1...9999.
    case dateOutOfRange
    /// The maturity date is not after the issue date.
    case maturityNotAfterIssue(issue: CivilDate, maturity: CivilDate)
    /// A coupon rate that is negative or not finite (decimal per year).
    case invalidCouponRate(Double)
    /// The settlement date is not within `[issue, maturity)`.
    case settlementOutsideLife(settlement: CivilDate, issue: CivilDate, maturity: CivilDate)
    /// A yield (decimal) at or below `-frequency`, where `1 + y/f` is not positive,
    /// or not finite.
    case yieldOutOfDomain(yield: Double, frequency: Frequency)
    /// A price that is not finite.
    case invalidPrice(Double)
    /// No yield gives this dirty price (per 100): it is not above the sum of the
    /// cash flows that no yield discounts.
    case noYieldForPrice(dirtyPrice: Double, floor: Double)
    /// Every remaining cash flow is due at time zero, so the price does not
    /// depend on the yield and no yield can be solved for.
    case priceIndependentOfYield
    /// The yield solver stopped without meeting its tolerance.
    case yieldDidNotConverge(iterations: Int, lastYield: Double, lastStep: Double)
    /// The price or a risk figure overflowed at this yield (decimal).
    case nonFiniteResult(yield: Double)
    /// The yield that gives this dirty price (per 100) is beyond what a
    /// `Double` holds, or so close to `-frequency` that `1 + y/f` rounds to 0.
    case yieldNotRepresentable(dirtyPrice: Double, frequency: Frequency)

    public var description: String {
        switch self {
        case .malformedDate(let text):
            return "not a YYYY-MM-DD date: '\(text)'"
        case .nonexistentDate(let text):
            return "no such calendar date: '\(text)'"
        case .dateOutOfRange:
            return "a coupon date falls outside the years 1 to 9999"
        case .maturityNotAfterIssue(let issue, let maturity):
            return "the maturity date \(maturity) is not after the issue date \(issue)"
        case .invalidCouponRate(let rate):
            return "coupon rate must be a finite number of at least 0 %, not \(rate * 100) %"
        case .settlementOutsideLife(let settlement, let issue, let maturity):
            return "the settlement date \(settlement) is outside the bond's life [\(issue), \(maturity))"
        case .yieldOutOfDomain(let yield, let frequency):
            return
                "yield must be finite and above \(-100 * frequency.rawValue) % (1 + yield/frequency must be positive), not \(yield * 100) %"
        case .invalidPrice(let price):
            return "price must be a finite number, not \(price)"
        case .noYieldForPrice(let dirty, let floor):
            if floor == 0 {
                return "no yield exists for this price: the dirty price \(dirty) is not positive"
            }
            return
                "no yield exists for this price: the dirty price \(dirty) is not above \(floor), the cash flows due at time zero"
        case .priceIndependentOfYield:
            return "every remaining cash flow is due at time zero, so the price does not depend on the yield"
        case .yieldDidNotConverge(let iterations, let yield, let step):
            return
                "the yield solver did not converge in \(iterations) iterations (last yield \(yield * 100) %, last step \(step * 100) %)"
        case .nonFiniteResult(let yield):
            return "the price is not a positive finite number at a yield of \(yield * 100) %"
        case .yieldNotRepresentable(let dirty, let frequency):
            return
                "no yield a 64-bit number holds gives the dirty price \(dirty): it lies beyond 1.8e308 % or within rounding of \(-100 * frequency.rawValue) %"
        }
    }
}
