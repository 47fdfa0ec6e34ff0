import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import Testing

/// A registry bond's flows and spreads are those its market prices.
@Suite struct BondValuationTests {
    /// An exchange bond whose day-count column says ACT/365F: its market pays
    /// coupon/f each regular period, and at a yield equal to the coupon it is
    /// worth par on a coupon date.
    @Test func theFlowsShownAreTheFlowsPriced() throws {
        var bond = Sample.bond("251453.SH", issuer: Sample.issuer(1), issued: "2025-11-20", years: 5, coupon: 1.93)
        bond.dayCount = .actual365Fixed
        let flows = BondValuation.flows(of: bond)
        #expect(flows.count == 5)
        #expect(flows.allSatisfy { abs($0.coupon - 1.93) < 1e-12 }, "\(flows)")
        #expect(flows.last?.principal == 100 && flows.dropLast().allSatisfy { $0.principal == 0 })
        let valuation = try BondValuation(
            bond: bond, settlement: Sample.date("2026-11-20"), quote: .yield(0.0193), curves: CurveLibrary([]))
        #expect(abs(valuation.figures.dirtyPrice - 100) < 1e-9)
    }

    /// Interest at maturity: one flow of the life's simple interest, and a
    /// Z-spread at which that flow, discounted on the CGB curve, is worth the
    /// dirty price.
    @Test func interestAtMaturityHasAZSpread() throws {
        var bond = Sample.bond("126802833.IB", issuer: Sample.issuer(2), issued: "2025-03-10", years: 3, coupon: 2.4)
        bond.frequency = .atMaturity
        let flows = BondValuation.flows(of: bond)
        #expect(flows.count == 1 && abs(flows[0].coupon - 7.2) < 1e-12 && flows[0].principal == 100)
        let curves = CurveLibrary(Sample.flatCurve("2025-06-03", 1.6))
        let settlement = Sample.date("2025-06-03")
        let valuation = try BondValuation(bond: bond, settlement: settlement, quote: .yield(0.021), curves: curves)
        let spread = try #require(valuation.zSpreadBp) / 10_000
        let curve = try #require(curves.day("CGB", on: settlement).flatMap(curves.curve))
        let years = curve.time(to: bond.maturityDate)
        let value = (100 + flows[0].coupon) * curve.discountFactor(time: years) * Foundation.exp(-spread * years)
        #expect(abs(value - valuation.figures.dirtyPrice) < 1e-9, "\(value) \(valuation.figures.dirtyPrice)")
    }

    /// A day whose tenors mature together (365D and 1Y from 2025-06-03)
    /// still makes a curve, and the spreads of its bonds; a day more than ten
    /// days before settlement makes none.
    @Test func tenorsMaturingTogetherStillMakeACurve() throws {
        let points =
            Sample.flatCurve("2025-06-03", 1.6)
            + [CurvePoint(curve: "CGB", date: Sample.date("2025-06-03"), tenor: Tenor("365D")!, yieldPercent: 1.7)]
        let curves = CurveLibrary(points)
        // The first in tenor order, 365D (0.9993 years), gives the yield of 2026-06-03.
        let day = try #require(curves.day("CGB", on: Sample.date("2025-06-03")))
        #expect(curves.interpolation(day)?.parYield(at: Sample.date("2026-06-03")) == 0.017)
        let bond = Sample.bond("126802833.IB", issuer: Sample.issuer(2), issued: "2025-03-10", years: 3, coupon: 2.4)
        let valuation = try BondValuation(
            bond: bond, settlement: Sample.date("2025-06-03"), quote: .yield(0.021), curves: curves)
        #expect(valuation.zSpreadBp != nil && valuation.gSpreadBp != nil)
        let late = try BondValuation(
            bond: bond, settlement: Sample.date("2025-06-14"), quote: .yield(0.021), curves: curves)
        #expect(late.zSpreadBp == nil && late.curveDate == nil)
    }
}
