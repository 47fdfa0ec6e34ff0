import FixedIncome
import InnobondModel

/// The tenor ranges issuance is reported in: up to 1 year, 1–3, 3–5, 5–10
/// and over 10 years.
///
/// A tenor is counted in months, `round(days / 30.436875)` (the mean
/// Gregorian month), so that a 1-year bond across a 29 February is still
/// 12 months; the ranges are ≤ 12, 13–36, 37–60, 61–120 and > 120 months.
public enum TenorBucket: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case upToOneYear = "<=1Y"
    case oneToThreeYears = "1-3Y"
    case threeToFiveYears = "3-5Y"
    case fiveToTenYears = "5-10Y"
    case overTenYears = ">10Y"

    /// The bucket of a span from `start` to `end`.
    public init(from start: CivilDate, to end: CivilDate) {
        self.init(days: start.days(to: end))
    }

    /// The bucket of a span of `days` days.
    public init(days: Int) {
        let months = Int((Double(days) / 30.436875).rounded())
        switch months {
        case ...12: self = .upToOneYear
        case ...36: self = .oneToThreeYears
        case ...60: self = .threeToFiveYears
        case ...120: self = .fiveToTenYears
        default: self = .overTenYears
        }
    }

    /// The bucket's place among ``allCases``, shortest first.
    public var ordinal: Int { Self.allCases.firstIndex(of: self)! }

    /// A label for tables: `≤1Y`, `1–3Y`, ...
    public var label: String {
        switch self {
        case .upToOneYear: return "≤1Y"
        case .oneToThreeYears: return "1–3Y"
        case .threeToFiveYears: return "3–5Y"
        case .fiveToTenYears: return "5–10Y"
        case .overTenYears: return ">10Y"
        }
    }

    public static func < (lhs: TenorBucket, rhs: TenorBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Bond {
    /// The bucket of its tenor at issue, to final maturity.
    public var tenorBucket: TenorBucket { TenorBucket(from: issueDate, to: maturityDate) }

    /// The date the market prices it to: its put date when it has one (a
    /// 3+2 bond trades as a 3-year bond), else its maturity.
    public var pricingDate: CivilDate { putDate ?? maturityDate }

    /// The bucket of the tenor the market prices it to.
    public var pricingTenorBucket: TenorBucket { TenorBucket(from: issueDate, to: pricingDate) }

    /// Years from issue to ``pricingDate`` (days over 365.25).
    public var pricingTenorYears: Double { Double(issueDate.days(to: pricingDate)) / 365.25 }
}
