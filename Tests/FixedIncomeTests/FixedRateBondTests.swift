import FixedIncome
import PropertyBased
import Testing

@Suite struct FixedRateBondTests {
    func bond(
        _ issue: String, _ maturity: String, coupon: Double, _ frequency: Frequency, _ dayCount: DayCount
    ) throws -> FixedRateBond {
        try FixedRateBond(
            issueDate: date(issue), maturityDate: date(maturity), couponRate: coupon, frequency: frequency,
            dayCount: dayCount)
    }

    /// Two annual coupons of 5 at a 6 % yield, settled on the issue date:
    /// P = 5/1.06 + 105/1.06^2 = 98.16660733357065; Macaulay
    /// (1·5/1.06 + 2·105/1.06^2)/P = 1.9519492293744332; modified
    /// Macaulay/1.06 = 1.8414615371456915; convexity
    /// (5/1.06·1·2 + 105/1.06^2·2·3)/1.06^2/P = 5.168918580898659 (worked in
    /// Python double precision).
    @Test func textbookTwoYearBond() throws {
        let bond = try bond("2025-01-01", "2027-01-01", coupon: 0.05, .annual, .actualActualICMA)
        let figures = try bond.analytics(settlement: date("2025-01-01"), quote: .yield(0.06))
        #expect(abs(figures.dirtyPrice - 98.16660733357065) < 1e-12)
        #expect(figures.accruedInterest == 0)
        #expect(figures.cleanPrice == figures.dirtyPrice)
        #expect(abs(figures.macaulayDuration - 1.9519492293744332) < 1e-14)
        #expect(abs(figures.modifiedDuration - 1.8414615371456915) < 1e-14)
        #expect(abs(figures.convexity - 5.168918580898659) < 1e-13)
        #expect(abs(figures.dv01 - 1.8414615371456915 * 98.16660733357065 * 1e-4) < 1e-15)
        let solved = try bond.yield(cleanPrice: 98.16660733357065, settlement: date("2025-01-01"))
        #expect(abs(solved - 0.06) < 1e-12)
    }

    /// A zero-coupon bond: P = 100/(1 + y)^T, T the sum of its annual
    /// ACT/365F fractions, (4·365 + 366)/365 from 2025 to 2030 with 2028 a
    /// leap year: 100/1.02^5.002739726027397 = 90.56816718487576.
    @Test func zeroCouponBond() throws {
        let bond = try bond("2025-01-01", "2030-01-01", coupon: 0, .annual, .actual365Fixed)
        let figures = try bond.analytics(settlement: date("2025-01-01"), quote: .yield(0.02))
        #expect(abs(figures.dirtyPrice - 90.56816718487576) < 1e-12)
        #expect(abs(figures.macaulayDuration - 5.002739726027397) < 1e-14)
        #expect(bond.cashFlows.filter { $0.kind == .coupon }.allSatisfy { $0.amount == 0 })
    }

    /// On a coupon date, a bond whose coupon equals its yield is priced at par.
    @Test(arguments: Frequency.allCases)
    func parBondOnACouponDate(frequency: Frequency) throws {
        let bond = try bond("2021-03-15", "2036-03-15", coupon: 0.0275, frequency, .actualActualICMA)
        let settlement = bond.schedule.period(7).start
        let figures = try bond.analytics(settlement: settlement, quote: .yield(0.0275))
        #expect(abs(figures.cleanPrice - 100) < 1e-11)
        #expect(figures.accruedInterest == 0)
    }

    @Test func accruedInterestWithinAPeriod() throws {
        // Semiannual 4 % ACT/ACT-ICMA, period 2024-01-15..2024-07-15 (182 days),
        // 46 days accrued: 100 · 0.04 · 46/364.
        let bond = try bond("2023-07-15", "2028-07-15", coupon: 0.04, .semiannual, .actualActualICMA)
        #expect(abs(try bond.accruedInterest(settlement: date("2024-03-01")) - 4 * 46 / 364) < 1e-14)
        // Exchange-style 30/360: 2024-01-15 to 2024-03-01 is 30 + 16 = 46 days too.
        let thirty = try self.bond("2023-07-15", "2028-07-15", coupon: 0.04, .semiannual, .thirty360)
        #expect(abs(try thirty.accruedInterest(settlement: date("2024-03-01")) - 4 * 46 / 360) < 1e-14)
    }

    @Test func cashFlowsOfAStubbedBond() throws {
        let bond = try bond("2025-03-14", "2026-03-30", coupon: 0.03, .quarterly, .actualActualICMA)
        let flows = bond.cashFlows
        #expect(flows.count == 6)  // stub, four quarters, redemption
        // The stub runs 16 of the 90 days of 2024-12-30..2025-03-30: 3 · 16/(4 · 90).
        #expect(abs(flows[0].amount - 3 * 16 / 360) < 1e-14)
        #expect(flows[1].amount == 0.75)
        #expect(flows.last == CashFlow(date: date("2026-03-30"), amount: 100, kind: .redemption))
    }

    // MARK: Errors

    @Test func errorsSayWhy() throws {
        let bond = try bond("2025-01-01", "2030-01-01", coupon: 0.03, .annual, .actualActualICMA)
        #expect(throws: FixedIncomeError.noYieldForPrice(dirtyPrice: -5, floor: 0)) {
            try bond.analytics(settlement: date("2025-01-01"), quote: .cleanPrice(-5))
        }
        #expect(
            throws: FixedIncomeError.settlementOutsideLife(
                settlement: date("2030-01-01"), issue: date("2025-01-01"), maturity: date("2030-01-01"))
        ) {
            try bond.analytics(settlement: date("2030-01-01"), quote: .yield(0.03))
        }
        #expect(throws: FixedIncomeError.yieldOutOfDomain(yield: -1, frequency: .annual)) {
            try bond.analytics(settlement: date("2025-01-01"), quote: .yield(-1))
        }
        #expect(throws: FixedIncomeError.invalidPrice(.infinity)) {
            try bond.analytics(settlement: date("2025-01-01"), quote: .cleanPrice(.infinity))
        }
        #expect(throws: FixedIncomeError.invalidCouponRate(-0.01)) {
            try self.bond("2025-01-01", "2030-01-01", coupon: -0.01, .annual, .actualActualICMA)
        }
        let error = FixedIncomeError.noYieldForPrice(dirtyPrice: -5, floor: 0)
        #expect(error.description.contains("no yield exists for this price"))
    }

    /// Under 30/360 the last day before a 31st maturity from a 30th is zero
    /// days away: the price is the flows' sum whatever the yield, so a yield
    /// can be priced but a price has no yield.
    @Test func aPriceThatDoesNotDependOnTheYield() throws {
        let bond = try bond("2025-05-31", "2030-05-31", coupon: 0.04, .annual, .thirty360)
        let settlement = date("2030-05-30")
        let figures = try bond.analytics(settlement: settlement, quote: .yield(0.05))
        #expect(abs(figures.dirtyPrice - 104) < 1e-12)
        #expect(figures.macaulayDuration == 0)
        #expect(throws: FixedIncomeError.priceIndependentOfYield) {
            try bond.analytics(settlement: settlement, quote: .cleanPrice(100))
        }
    }

    @Test func extremePricesStillSolveOrSayWhy() throws {
        let bond = try bond("2025-01-01", "2075-01-01", coupon: 0.05, .monthly, .actual360)
        let settlement = date("2025-06-17")
        for price in [1e-6, 0.5, 5, 300, 5_000, 1e6] {
            let yield = try bond.yield(cleanPrice: price, settlement: settlement)
            let back = try bond.cleanPrice(yield: yield, settlement: settlement)
            #expect(abs(back - price) <= 1e-9 * max(1, price), "price \(price) -> yield \(yield) -> \(back)")
        }
    }

    // MARK: Properties over generated bonds

    @Test func priceToYieldToPriceRoundTrips() async {
        await propertyCheck(count: 400, input: BondCases.bonds, Gen.double(in: -0.004...0.25)) { bondCase, yield in
            let (bond, settlement) = bondCase
            let figures = try bond.analytics(settlement: settlement, quote: .yield(yield))
            let solved = try bond.analytics(settlement: settlement, quote: .cleanPrice(figures.cleanPrice))
            #expect(abs(solved.yield - yield) < 1e-10, "\(bondCase)")
            let repriced = try bond.cleanPrice(yield: solved.yield, settlement: settlement)
            #expect(abs(repriced - figures.cleanPrice) < 1e-9 * max(1, figures.dirtyPrice))
            #expect(abs(solved.modifiedDuration - figures.modifiedDuration) <= 1e-8 * figures.modifiedDuration + 1e-12)
        }
    }

    /// Modified duration is -P'/P and convexity P''/P, in the yield: central
    /// differences of the price with steps of 1e-6 and 1e-4 (truncation errors
    /// of order h^2, rounding of order 1e-16·P/h and 1e-16·P/h^2).
    @Test func riskMatchesFiniteDifferences() async {
        await propertyCheck(count: 300, input: BondCases.bonds, Gen.double(in: -0.004...0.25)) { bondCase, yield in
            let (bond, settlement) = bondCase
            func price(_ y: Double) throws -> Double { try bond.dirtyPrice(yield: y, settlement: settlement) }
            let figures = try bond.analytics(settlement: settlement, quote: .yield(yield))
            let p = figures.dirtyPrice
            let h1 = 1e-6
            let slope = (try price(yield + h1) - price(yield - h1)) / (2 * h1)
            #expect(abs(-slope / p - figures.modifiedDuration) <= 1e-6 * max(1, figures.modifiedDuration))
            let h2 = 1e-4
            let curvature = (try price(yield + h2) + price(yield - h2) - 2 * p) / (h2 * h2)
            #expect(abs(curvature / p - figures.convexity) <= 1e-3 * max(1, figures.convexity), "\(bondCase)")
            let bp = (try price(yield - 0.00005) - price(yield + 0.00005))
            #expect(abs(bp - figures.dv01) <= 1e-6 * max(1e-3, figures.dv01))
            #expect(
                abs(figures.macaulayDuration - figures.modifiedDuration * (1 + yield / bond.frequency.perYear)) < 1e-12
                    * max(1, figures.macaulayDuration))
        }
    }

    @Test func accruedIsZeroOnCouponDatesAndTheIssueDate() async {
        await propertyCheck(count: 200, input: BondCases.bonds) { bondCase in
            let bond = bondCase.0
            #expect(try bond.accruedInterest(settlement: bond.issueDate) == 0)
            for period in bond.schedule.periods.dropFirst().prefix(40) {
                #expect(try bond.accruedInterest(settlement: period.start) == 0)
                let flows = try RemainingCashFlows(bond: bond, settlement: period.start)
                #expect(flows.times.first.map { $0 > 0 } ?? false)
            }
        }
    }
}

/// Generated bonds: any of the day counts and frequencies, tenors from a
/// month to 50 years, coupons from 0 to 15 %, settlement anywhere in the
/// bond's life, issue dates on and off the coupon grid.
enum BondCases {
    static let bonds = zip(
        Gen.int(in: -25_000...40_000), Gen.int(in: 1...600), Gen.int(in: 0...30), Gen.element(of: Frequency.allCases),
        Gen.element(of: DayCount.allCases), Gen.double(in: 0...0.15), Gen.double(in: 0..<1)
    ).compactMap { (start, months, offset, frequency, dayCount, coupon, position) -> (FixedRateBond, CivilDate)? in
        guard let issue = CivilDate(dayNumber: start), let frequency, let dayCount,
            let maturity = issue.adding(months: months)?.adding(days: offset),
            let bond = try? FixedRateBond(
                issueDate: issue, maturityDate: maturity, couponRate: coupon, frequency: frequency, dayCount: dayCount)
        else { return nil }
        let settlement = CivilDate(dayNumber: start + Int(position * Double(issue.days(to: maturity))))!
        return (bond, settlement)
    }
}
