import Testing

@testable import FixedIncome

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

/// The classed, allocation-free Z-spread against the same spread computed
/// payment by payment, over generated bonds of every frequency and day
/// count, with short first periods, no coupon, and settlements on coupon
/// dates, inside periods and after the curve's date.
@Suite struct ZSpreadPathTests {
    @Test func classedFlowsAgreeWithDatedFlows() throws {
        let curve = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        var random = SystemRandomNumberGenerator()
        var scratch = RemainingCashFlows()
        var checked = 0
        for index in 0..<3_000 {
            let frequency = [Frequency.annual, .semiannual, .quarterly, .monthly][index % 4]
            let dayCount = DayCount.allCases[index % DayCount.allCases.count]
            let issue = CurveFixtures.reference.adding(days: -Int.random(in: 0...4_000, using: &random))!
            let maturity = issue.adding(days: Int.random(in: 20...18_000, using: &random))!
            let settlement = CurveFixtures.reference.adding(days: [0, 1, 17, 200][index % 4])!
            guard settlement < maturity, settlement >= issue else { continue }
            let coupon = index % 7 == 0 ? 0 : Double.random(in: 0.001...0.08, using: &random)
            let bond = try FixedRateBond(
                issueDate: issue, maturityDate: maturity, couponRate: coupon, frequency: frequency, dayCount: dayCount)
            let price = Double.random(in: 60...130, using: &random)
            let fast = try bond.zSpread(cleanPrice: price, settlement: settlement, curve: curve, scratch: &scratch)
            let dated = try bond.zSpreadByDates(cleanPrice: price, settlement: settlement, curve: curve)
            #expect(abs(fast - dated) < 1e-12, "\(bond) at \(price) on \(settlement)")
            checked += 1
        }
        #expect(checked > 2_000)
    }

    /// Discount factors kept from one curve are never used for another: bonds
    /// priced on two curves in turn with one scratch give exactly what a
    /// fresh scratch gives, and a copy of a curve is the same curve.
    @Test func keptDiscountFactorsBelongToTheirCurve() throws {
        let low = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        let high = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference,
            parYields: CurveFixtures.parYields.map { ParYield(maturity: $0.maturity, yield: $0.yield + 0.005) })
        let later = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference.adding(days: 1)!,
            parYields: CurveFixtures.parYields.map { ParYield(maturity: $0.maturity.adding(days: 1)!, yield: $0.yield) }
        )
        let copy = low
        var scratch = RemainingCashFlows()
        for index in 0..<400 {
            let bond = try FixedRateBond(
                issueDate: CurveFixtures.reference.adding(months: -(index % 30))!,
                maturityDate: CurveFixtures.reference.adding(months: 3 + 7 * index % 400)!,
                couponRate: 0.01 + 0.0001 * Double(index % 50), frequency: [.annual, .semiannual][index % 2],
                dayCount: .actual365Fixed)
            let settlement = CurveFixtures.reference.adding(days: 1 + index % 3)!
            for curve in [low, high, later, copy] {
                var fresh = RemainingCashFlows()
                let expected = try bond.zSpread(cleanPrice: 99, settlement: settlement, curve: curve, scratch: &fresh)
                #expect(
                    try bond.zSpread(cleanPrice: 99, settlement: settlement, curve: curve, scratch: &scratch)
                        == expected)
            }
        }
    }

    /// The segment search gives the same discount factors as the bisection,
    /// for increasing, decreasing and repeated times, before, inside and
    /// beyond the nodes.
    @Test func segmentSearchAgreesWithBisection() throws {
        let curve = try DiscountCurve.bootstrap(
            referenceDate: CurveFixtures.reference, parYields: CurveFixtures.parYields)
        var segment = 0
        let times = (0..<400).map { Double($0) * 0.17 } + [60, 0.5, 0.5, -1, 0, 49.99, 3]
        for t in times {
            #expect(curve.discountFactor(time: t, segment: &segment) == curve.discountFactor(time: t))
        }
    }
}
