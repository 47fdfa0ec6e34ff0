import FixedIncome
import Testing

/// Worked examples of the Chinese conventions. Each expected value is worked
/// by hand in its comment from the formulas of the 2007 interbank yield
/// standard and the exchanges' accrual rule as DOMAIN.md states them (and
/// docs/conventions.md restates), in Python double precision.
@Suite struct MarketConventionTests {
    func bond(
        _ convention: MarketConvention, _ issue: String, _ maturity: String, _ coupon: Double, _ frequency: Frequency?
    )
        throws -> MarketBond
    {
        try MarketBond(
            convention: convention, issueDate: date(issue), maturityDate: date(maturity), couponRate: coupon,
            frequency: frequency)
    }

    /// Annual 2.5 %, period 2025-03-15 to 2026-03-15 (365 days), settled
    /// 2025-06-03: 80 days accrued, AI = 2.5 × 80/365 = 0.547945205479452;
    /// d = 285, TS = 365, four coupons to come: PV at 2 % =
    /// Σ_{i=0}^{3} 2.5/1.02^(285/365 + i) + 100/1.02^(285/365 + 3) = 102.34711911655648.
    @Test func interbankCouponBond() throws {
        let bond = try bond(.cibm, "2024-03-15", "2029-03-15", 0.025, .annual)
        let settlement = date("2025-06-03")
        #expect(abs(try bond.accruedInterest(settlement: settlement) - 0.547945205479452) < 1e-14)
        let figures = try bond.analytics(settlement: settlement, quote: .yield(0.02))
        #expect(abs(figures.dirtyPrice - 102.34711911655648) < 1e-11)
        #expect(abs(figures.cleanPrice - 101.79917391107703) < 1e-11)
        let back = try bond.analytics(settlement: settlement, quote: .cleanPrice(figures.cleanPrice))
        #expect(abs(back.yield - 0.02) < 1e-12)
    }

    /// The final period: 3 % annual maturing 2026-03-15, settled 2025-06-03,
    /// D = 285, TY = 365: PV at 1.8 % = 103/(1 + 0.018 × 285/365) = 101.57242050090508.
    @Test func interbankFinalPeriodIsASimpleYield() throws {
        let bond = try bond(.cibm, "2023-03-15", "2026-03-15", 0.03, .annual)
        let figures = try bond.analytics(settlement: date("2025-06-03"), quote: .yield(0.018))
        #expect(abs(figures.dirtyPrice - 101.57242050090508) < 1e-11)
        #expect(abs(figures.accruedInterest - 0.6575342465753424) < 1e-14)
        #expect(abs(figures.macaulayDuration - 285.0 / 365) < 1e-15)
        let back = try bond.analytics(settlement: date("2025-06-03"), quote: .cleanPrice(figures.cleanPrice))
        #expect(abs(back.yield - 0.018) < 1e-13)
    }

    /// A discount bill of 92 days to 2025-09-03, TY = 365: PV at 1.4 % =
    /// 100/(1 + 0.014 × 92/365) = 99.64836412877298.
    @Test func discountBill() throws {
        let bill = try bond(.cibm, "2025-03-04", "2025-09-03", 0, nil)
        let figures = try bill.analytics(settlement: date("2025-06-03"), quote: .yield(0.014))
        #expect(abs(figures.dirtyPrice - 99.64836412877298) < 1e-11)
        #expect(figures.accruedInterest == 0)
    }

    /// Interest at maturity: three years at 2.2 % from 2024-06-03 pay
    /// 100 × (1 + 0.022 × 3) = 106.6 on 2027-06-03; settled on the anniversary
    /// 2025-06-03, two whole years remain: PV at 2 % = 106.6/1.02² = 102.46059207996923.
    /// Interest accrued: one whole year, 2.2.
    @Test func interestAtMaturity() throws {
        let bond = try bond(.cibm, "2024-06-03", "2027-06-03", 0.022, nil)
        let figures = try bond.analytics(settlement: date("2025-06-03"), quote: .yield(0.02))
        #expect(abs(figures.dirtyPrice - 102.46059207996923) < 1e-11)
        #expect(abs(figures.accruedInterest - 2.2) < 1e-13)
        #expect(abs(figures.macaulayDuration - 2) < 1e-15)
    }

    /// Exchanges count both the first and the last day: 2025-03-15 to
    /// 2025-06-03 is 81 days, AI = 2.5 × 81/365 = 0.5547945205479452. From
    /// 2024-02-15 to 2024-03-01 is 16 days counted both ways, 15 without
    /// 29 February: AI at 3 % = 3 × 15/365 = 0.1232876712328767, or
    /// 3 × 16/365 = 0.13150684931506848 when the leap day counts.
    @Test func exchangeAccrual() throws {
        for convention in [MarketConvention.sse, .szse] {
            let bond = try bond(convention, "2024-03-15", "2029-03-15", 0.025, .annual)
            #expect(abs(try bond.accruedInterest(settlement: date("2025-06-03")) - 0.5547945205479452) < 1e-14)
        }
        let leap = try bond(.sse, "2023-02-15", "2028-02-15", 0.03, .annual)
        #expect(abs(try leap.accruedInterest(settlement: date("2024-03-01")) - 0.1232876712328767) < 1e-14)
        let counting = try MarketBond(
            convention: .sse, issueDate: date("2023-02-15"), maturityDate: date("2028-02-15"), couponRate: 0.03,
            frequency: .annual, rules: MarketRules(exchangeSkipsLeapDay: false))
        #expect(abs(try counting.accruedInterest(settlement: date("2024-03-01")) - 0.13150684931506848) < 1e-14)
    }

    /// The same bond on the interbank market and on an exchange: the same
    /// dirty price at a yield, a different split into clean and accrued.
    @Test func sameBondTwoMarkets() throws {
        let settlement = date("2025-06-03")
        let interbank = try bond(.cibm, "2024-03-15", "2029-03-15", 0.025, .annual)
        let exchange = try bond(.sse, "2024-03-15", "2029-03-15", 0.025, .annual)
        let a = try interbank.analytics(settlement: settlement, quote: .yield(0.02))
        let b = try exchange.analytics(settlement: settlement, quote: .yield(0.02))
        #expect(a.dirtyPrice == b.dirtyPrice)
        #expect(abs((b.accruedInterest - a.accruedInterest) - 2.5 / 365) < 1e-14)
    }

    @Test func badInputSaysWhy() throws {
        let bond = try bond(.cibm, "2024-03-15", "2029-03-15", 0.025, .annual)
        #expect(throws: FixedIncomeError.self) {
            try bond.analytics(settlement: date("2029-03-15"), quote: .yield(0.02))
        }
        let bill = try self.bond(.cibm, "2025-03-04", "2025-09-03", 0, nil)
        #expect(throws: FixedIncomeError.noYieldForPrice(dirtyPrice: -1, floor: 0)) {
            try bill.analytics(settlement: date("2025-06-03"), quote: .cleanPrice(-1))
        }
    }
}
