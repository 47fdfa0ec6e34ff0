/// How many coupons a bond pays a year; also the compounding frequency of its
/// yield. Raw values are the counts, the CSV and database contract.
public enum Frequency: Int, Sendable, Hashable, CaseIterable, Codable {
    case annual = 1
    case semiannual = 2
    case quarterly = 4
    case monthly = 12

    /// Coupons a year, as a `Double` for the pricing formulas.
    @inlinable
    public var perYear: Double { Double(rawValue) }

    /// Calendar months in one regular coupon period (12, 6, 3 or 1).
    @inlinable
    public var monthsPerPeriod: Int { 12 / rawValue }
}
