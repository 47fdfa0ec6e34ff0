import FixedIncome
import Testing

@Suite struct SpreadAndOptionTests {
    /// Z-spreads against the bootstrapped fixture curve, computed by QuantLib's
    /// `BondFunctions.zSpread` (Actual365Fixed, continuous) in zspreads.csv.
    @Test func zSpreadsMatchQuantLib() throws {
        let curve = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        let rows = CurveFixtures.rows("zspreads.csv")
        #expect(rows.count == 7)
        for row in rows {
            let bond = try FixedRateBond(
                issueDate: date(row["issue_date"]!), maturityDate: date(row["maturity_date"]!),
                couponRate: Double(row["coupon_rate"]!)! / 100,
                frequency: Frequency(rawValue: Int(row["frequency"]!)!)!,
                dayCount: DayCount(rawValue: row["day_count"]!)!)
            let spread = try bond.zSpread(
                cleanPrice: Double(row["clean_price"]!)!, settlement: CurveFixtures.reference, curve: curve)
            #expect(abs(spread - Double(row["z_spread"]!)!) < 1e-10, "\(row)")
        }
    }

    /// A bond priced off the curve itself has no spread; G-spread is yield
    /// minus the curve's par yield at maturity.
    @Test func spreadsOfABondOnTheCurve() throws {
        let curve = try HermiteCurve(referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        let tenYears = CurveFixtures.parYields.first { $0.maturity == date("2035-06-03") }!
        let bond = try FixedRateBond(
            issueDate: CurveFixtures.reference, maturityDate: tenYears.maturity, couponRate: tenYears.yield,
            frequency: .annual, dayCount: .actualActualICMA)
        #expect(abs(try bond.zSpread(cleanPrice: 100, settlement: CurveFixtures.reference, curve: curve)) < 1e-12)
        #expect(abs(bond.gSpread(yield: 0.0181, curve: curve) - (0.0181 - tenYears.yield)) < 1e-15)
        #expect(abs(bond.issueSpread(curve: curve)) < 1e-15)
    }

    /// A 3+2 bond: five years, put and coupon reset at year 3. Below par the
    /// put is worth more, so the yield to put is higher; above par it is lower.
    @Test func yieldToPutAndToWorst() throws {
        let bond = try FixedRateBond(
            issueDate: date("2024-05-20"), maturityDate: date("2029-05-20"), couponRate: 0.028, frequency: .annual,
            dayCount: .actualActualICMA)
        let settlement = date("2025-06-03")
        let put = date("2027-05-20")
        for price in [97.0, 100.0, 103.0] {
            let toMaturity = try bond.yield(cleanPrice: price, settlement: settlement)
            let toPut = try bond.yieldToPut(cleanPrice: price, settlement: settlement, putDate: put)
            let worst = try bond.yieldToWorst(cleanPrice: price, settlement: settlement, putDate: put)
            #expect(worst == min(toMaturity, toPut))
            if price < 100 { #expect(toPut > toMaturity) }
            if price > 100 { #expect(toPut < toMaturity) }
        }
        // Redeemed at the put date, the flows are a two-coupon bond's to 2027-05-20.
        let short = try FixedRateBond(
            issueDate: date("2024-05-20"), maturityDate: put, couponRate: 0.028, frequency: .annual,
            dayCount: .actualActualICMA)
        #expect(
            abs(
                try bond.yieldToPut(cleanPrice: 99.5, settlement: settlement, putDate: put)
                    - short.yield(cleanPrice: 99.5, settlement: settlement)) < 1e-12)
    }

    /// A reset of the coupon from 2.8 % to 1.8 % at year 3 lowers the price
    /// at a given yield by the lost coupons' value; no reset, no change.
    @Test func couponResetScenario() throws {
        let bond = try FixedRateBond(
            issueDate: date("2024-05-20"), maturityDate: date("2029-05-20"), couponRate: 0.028, frequency: .annual,
            dayCount: .actualActualICMA)
        let settlement = date("2025-06-03")
        let reset = date("2027-05-20")
        let base = try bond.analytics(settlement: settlement, quote: .yield(0.025))
        let same = try bond.analytics(settlement: settlement, quote: .yield(0.025), resetDate: reset, resetRate: 0.028)
        #expect(abs(same.dirtyPrice - base.dirtyPrice) < 1e-12)
        let lower = try bond.analytics(settlement: settlement, quote: .yield(0.025), resetDate: reset, resetRate: 0.018)
        // Two coupons of 1 lost, 2 + 351/365 and 3 + 351/365 years away:
        // 1/1.025^(2 + 351/365) + 1/1.025^(3 + 351/365) = 1.8362884066696554.
        #expect(abs((base.dirtyPrice - lower.dirtyPrice) - 1.8362884066696554) < 1e-12)
        #expect(throws: FixedIncomeError.invalidCouponRate(-0.01)) {
            try bond.analytics(settlement: settlement, quote: .yield(0.025), resetDate: reset, resetRate: -0.01)
        }
    }
}
