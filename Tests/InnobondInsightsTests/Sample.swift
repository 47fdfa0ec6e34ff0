import FixedIncome
import InnobondModel

/// Small hand-made registries whose expected figures the tests work out.
enum Sample {
    static func date(_ text: String) -> CivilDate { try! CivilDate(iso8601: text) }

    /// An issuer with a valid code made from `number`.
    static func issuer(
        _ number: Int, name: String? = nil, sector: Sector = .semiconductors, province: String = "Jiangsu",
        ownership: Ownership = .privateOwned
    ) -> Issuer {
        let digits = String(number)
        let prefix = "91320000" + String(repeating: "0", count: 9 - digits.count) + digits
        return Issuer(
            uscc: USCC.completing(prefix)!, name: name ?? "Issuer \(number)", sector: sector, province: province,
            ownership: ownership)
    }

    static func bond(
        _ code: String, issuer: Issuer, sciTech: Bool = true, issued: String, years: Int = 3, months: Int = 0,
        yuanBillions: Double = 1, coupon: Double = 2.5, rating: String? = "AA+", put: Int? = nil,
        approvalDays: Int? = nil
    ) -> Bond {
        let issue = date(issued)
        return Bond(
            code: BondCode(code)!, uscc: issuer.uscc, name: "Bond \(code)",
            type: code.hasSuffix(".IB") ? .mtn : .corporateBond, sciTech: sciTech,
            regime: sciTech ? .techBoard2025 : nil, issueDate: issue,
            maturityDate: issue.adding(months: 12 * years + months)!,
            amount: Money(fen: Int64((yuanBillions * 1e11).rounded())), couponRatePercent: coupon,
            frequency: .annual, dayCount: .actualActualICMA, rating: rating.flatMap(Rating.init),
            putDate: put.flatMap { issue.adding(months: 12 * $0) }, approvalDays: approvalDays)
    }

    static func snapshot(
        issuers: [Issuer] = [], financials: [IssuerFinancials] = [], bonds: [Bond] = [], proceeds: [UseOfProceeds] = [],
        curves: [CurvePoint] = [], macro: [MacroObservation] = [], investments: [SectorInvestment] = []
    ) -> RegistrySnapshot {
        RegistrySnapshot(
            isDemo: false, issuers: issuers, financials: financials, bonds: bonds, proceeds: proceeds,
            curvePoints: curves, macro: macro, investments: investments, counts: [:])
    }

    /// A flat CGB curve at `percent` on `day`.
    static func flatCurve(_ day: String, _ percent: Double, name: String = "CGB") -> [CurvePoint] {
        ["3M", "1Y", "3Y", "5Y", "10Y"].map {
            CurvePoint(curve: name, date: date(day), tenor: Tenor($0)!, yieldPercent: percent)
        }
    }

    static func month(_ text: String) -> MacroPeriod { MacroPeriod(text)! }

    static func observation(
        _ series: String, _ period: String, value: Double? = nil, yoy: Double? = nil, definition: String,
        published: String
    ) -> MacroObservation {
        MacroObservation(
            series: series, period: MacroPeriod(period)!, value: value, yoyPercent: yoy, unit: "CNY_trn",
            definition: definition, published: date(published))
    }
}
