import FixedIncome
import InnobondIO

/// Where each column of the batch contract sits in the input, found by name.
public struct AnalyticsColumns: Sendable {
    /// The input columns of spec/bond-analytics.md, in the order rows are checked.
    public static let requiredNames = [
        "id", "issue_date", "maturity_date", "settlement_date", "coupon_rate", "frequency",
        "day_count", "clean_price", "yield",
    ]

    /// Optional input columns: a market convention (`CIBM`, `SSE`, `SZSE`),
    /// under which `day_count` may be empty and `frequency` 0; an investor put date.
    public static let optionalNames = ["convention", "put_date"]

    /// The output header.
    public static let outputHeader =
        "id,clean_price,yield,accrued,dirty_price,macaulay_duration,modified_duration,convexity,dv01\n"

    /// The output header with the columns a curve adds.
    public static let outputHeaderWithCurve =
        "id,clean_price,yield,accrued,dirty_price,macaulay_duration,modified_duration,convexity,dv01,"
        + "g_spread_bp,z_spread_bp,yield_to_put,yield_to_worst\n"

    let id: Int
    let issueDate: Int
    let maturityDate: Int
    let settlementDate: Int
    let couponRate: Int
    let frequency: Int
    /// `nil` when the file has a convention column and no day count.
    let dayCount: Int?
    let cleanPrice: Int
    let yield: Int
    let convention: Int?
    let putDate: Int?
    /// Every header name by position, for messages about any field.
    let names: [String]

    /// Maps a header row; unknown columns are ignored.
    ///
    /// - Throws: ``AnalyticsError/missingColumns(_:)``,
    ///   ``AnalyticsError/duplicateColumn(_:)``.
    public init(header: [String]) throws(AnalyticsError) {
        var positions: [String: Int] = [:]
        for (index, rawName) in header.enumerated() {
            let name = rawName.trimmingSpaces
            guard Self.requiredNames.contains(name) || Self.optionalNames.contains(name) else { continue }
            guard positions[name] == nil else { throw .duplicateColumn(name) }
            positions[name] = index
        }
        let required = Self.requiredNames.filter { $0 != "day_count" || positions["convention"] == nil }
        let missing = required.filter { positions[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(missing) }
        id = positions["id"]!
        issueDate = positions["issue_date"]!
        maturityDate = positions["maturity_date"]!
        settlementDate = positions["settlement_date"]!
        couponRate = positions["coupon_rate"]!
        frequency = positions["frequency"]!
        dayCount = positions["day_count"]
        cleanPrice = positions["clean_price"]!
        yield = positions["yield"]!
        convention = positions["convention"]
        putDate = positions["put_date"]
        names = header
    }

    /// The name of the column at `index`, or `#N` (1-based) past the header.
    func name(at index: Int) -> String {
        index < names.count ? names[index] : "#\(index + 1)"
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

extension AnalyticsColumns {
    /// The input column a pricing error is about.
    func column(for error: FixedIncomeError, quotedByPrice: Bool) -> Int {
        switch error {
        case .maturityNotAfterIssue: return maturityDate
        case .dateOutOfRange: return issueDate
        case .invalidCouponRate: return couponRate
        case .settlementOutsideLife: return settlementDate
        case .malformedDate, .nonexistentDate: return issueDate
        case .yieldOutOfDomain: return yield
        case .invalidPrice, .noYieldForPrice, .priceIndependentOfYield, .yieldDidNotConverge, .yieldNotRepresentable:
            return cleanPrice
        case .nonFiniteResult: return quotedByPrice ? cleanPrice : yield
        }
    }
}
