import FixedIncome

/// How often a bond pays interest: 1, 2, 4 or 12 times a year, or 0 for
/// interest paid only at maturity. The number is the CSV and database value.
public enum CouponFrequency: Int, Sendable, Hashable, CaseIterable, Codable {
    case atMaturity = 0
    case annual = 1
    case semiannual = 2
    case quarterly = 4
    case monthly = 12

    /// The periodic frequency for pricing, `nil` when interest is paid at maturity.
    public var periodic: Frequency? { Frequency(rawValue: rawValue) }
}
