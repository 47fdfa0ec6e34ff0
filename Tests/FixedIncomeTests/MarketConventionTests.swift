import FixedIncome
import Testing

/// Worked examples of the Chinese conventions: figures published by others
/// (a QuantLib users' list post, Wind via tea-bond, DolphinDB's manual),
/// each test citing its source; and examples worked by hand in their
/// comments from the formulas of the 2007 interbank yield standard and the
/// exchanges' accrual rule as DOMAIN.md states them (and docs/conventions.md
/// restates), in Python double precision.
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

    /// Published interbank year fractions: 杨拓, "Question about year fraction
    /// calculation of China inter-bank bond", QuantLib users' list,
    /// 2016-07-20
    /// (http://quantlib.414.s1.nabble.com/Question-about-year-fraction-calculation-of-China-inter-bank-bond-tp17609.html),
    /// stated to four places:
    /// 1. issued 2009-08-15, maturing 2011-08-15, annual, settled 2009-09-15:
    ///    1 + 334/365 = 1.9151;
    /// 2. issued 2009-08-15, maturing 2012-08-15, annual, settled 2011-09-15
    ///    (the final period, 366 days with 29 February 2012): 335/366 = 0.9153;
    /// 3. issued 2011-08-15, maturing 2012-08-15, quarterly, settled 2012-01-01:
    ///    0.5 + 45/92 × 0.25 = 0.6223.
    /// A bond without coupons pays only its redemption, so its Macaulay
    /// duration is the year fraction of maturity; at any yield.
    @Test(
        arguments: [
            ("2009-08-15", "2011-08-15", Frequency.annual, "2009-09-15", 1 + 334.0 / 365, 1.9151),
            ("2009-08-15", "2012-08-15", .annual, "2011-09-15", 335.0 / 366, 0.9153),
            ("2011-08-15", "2012-08-15", .quarterly, "2012-01-01", 0.5 + 45.0 / 92 * 0.25, 0.6223),
        ])
    func publishedInterbankYearFractions(
        issue: String, maturity: String, frequency: Frequency, settlement: String, exact: Double, published: Double
    ) throws {
        let bond = try bond(.cibm, issue, maturity, 0, frequency)
        let figures = try bond.analytics(settlement: date(settlement), quote: .yield(0.03))
        #expect(abs(figures.macaulayDuration - exact) < 1e-14)
        #expect(abs(figures.macaulayDuration - published) < 0.00005)
    }

    /// A published pair of accrued interest figures for one government bond
    /// on both markets: 18附息国债19 (180019.IB = 019601.SH = 101819.SZ),
    /// 3.54 % semiannual from 2018-08-16 to 2028-08-16, settled 2022-10-18:
    /// "在Wind上 ... 180019.IB的应计利息为0.606033; 019601.SH和101819.SZ的应计利息为0.620712"
    /// (Wind's figures, quoted in Teamon9161/tea-bond,
    /// python/testsuite/test_ib_sse_diff.py, commit 2a0ab2c). Interbank:
    /// 1.77 × 63/184; exchanges: 3.54 × 64/365.
    @Test func publishedAccruedInterestOnBothMarkets() throws {
        let settlement = date("2022-10-18")
        let interbank = try bond(.cibm, "2018-08-16", "2028-08-16", 0.0354, .semiannual)
        #expect(abs(try interbank.accruedInterest(settlement: settlement) - 0.606033) < 5e-7)
        for convention in [MarketConvention.sse, .szse] {
            let exchange = try bond(convention, "2018-08-16", "2028-08-16", 0.0354, .semiannual)
            #expect(abs(try exchange.accruedInterest(settlement: settlement) - 0.620712) < 5e-7)
        }
    }

    /// Published by DolphinDB for its `bondCalculator` ("Qeubee", the
    /// domestic algorithm; https://docs.dolphindb.cn/zh/funcs/b/bondCalculator.html,
    /// examples 1 and 4, as copied in tradercjz/documentation,
    /// funcs/b/bondCalculator.md, commit c2bdb99): a 3.4 % semiannual bond,
    /// 2022-07-15 to 2072-07-15.
    ///
    /// Settled 2025-04-10 at 2 %, four places as printed (cut, not rounded:
    /// 142.6705 for 142.67058…): dirty 143.4689, accrued 0.7983, clean
    /// 142.6705, Macaulay 27.4761, modified 27.2041, convexity 1025.4003,
    /// PVBP 0.3902.
    @Test func publishedInterbankCouponBond() throws {
        let bond = try bond(.cibm, "2022-07-15", "2072-07-15", 0.034, .semiannual)
        let figures = try bond.analytics(settlement: date("2025-04-10"), quote: .yield(0.02))
        func printed(_ value: Double, _ published: Double) -> Bool { value >= published && value < published + 1e-4 }
        #expect(printed(figures.dirtyPrice, 143.4689))
        #expect(printed(figures.accruedInterest, 0.7983))
        #expect(printed(figures.cleanPrice, 142.6705))
        #expect(printed(figures.macaulayDuration, 27.4761))
        #expect(printed(figures.modifiedDuration, 27.2041))
        #expect(printed(figures.convexity, 1025.4003))
        #expect(printed(figures.dv01, 0.3902))
    }

    /// The same bond in its final period, settled 2072-04-18 at a clean
    /// price of 100.2143 (DolphinDB, example 4, full precision): yield
    /// 0.025000792220527, accrued 0.878021978021978, dirty
    /// 101.092321978021971, Macaulay 0.240437158469945, modified
    /// 0.239000497930427, convexity 0.114242476021984.
    @Test func publishedInterbankFinalPeriod() throws {
        let bond = try bond(.cibm, "2022-07-15", "2072-07-15", 0.034, .semiannual)
        let figures = try bond.analytics(settlement: date("2072-04-18"), quote: .cleanPrice(100.2143))
        #expect(abs(figures.yield - 0.025000792220527) < 1e-14)
        #expect(abs(figures.accruedInterest - 0.878021978021978) < 1e-14)
        #expect(abs(figures.dirtyPrice - 101.092321978021971) < 1e-12)
        #expect(abs(figures.macaulayDuration - 0.240437158469945) < 1e-14)
        #expect(abs(figures.modifiedDuration - 0.239000497930427) < 1e-14)
        #expect(abs(figures.convexity - 0.114242476021984) < 1e-14)
    }

    /// Interest at maturity (DolphinDB's "ZeroCoupon", example 4): 1.19 %,
    /// 2025-01-09 to 2026-02-05, settled 2025-04-10 at 2.5 %: dirty
    /// 99.232212603180983, accrued 0.296684931506849, Macaulay
    /// 0.824657534246575, modified 0.80799946312328, convexity 1.305726264815019.
    @Test func publishedInterestAtMaturity() throws {
        let bond = try bond(.cibm, "2025-01-09", "2026-02-05", 0.0119, nil)
        let figures = try bond.analytics(settlement: date("2025-04-10"), quote: .yield(0.025))
        #expect(abs(figures.dirtyPrice - 99.232212603180983) < 1e-12)
        #expect(abs(figures.accruedInterest - 0.296684931506849) < 1e-14)
        #expect(abs(figures.macaulayDuration - 0.824657534246575) < 1e-14)
        #expect(abs(figures.modifiedDuration - 0.80799946312328) < 1e-14)
        #expect(abs(figures.convexity - 1.305726264815019) < 1e-14)
    }

    /// A discount bill (DolphinDB's "Discount", example 4): issued at 99.663
    /// on 2025-02-13, maturing 2025-05-15, settled 2025-04-10 at 2 %: dirty
    /// 99.808586272901294, Macaulay 0.095890410958904, modified
    /// 0.095706863549357, convexity 0.018319607460911. DolphinDB also
    /// accretes the issue discount as accrued interest (0.2074); innobond
    /// quotes bills with none, so only the dirty price is compared.
    @Test func publishedDiscountBill() throws {
        let bill = try bond(.cibm, "2025-02-13", "2025-05-15", 0, nil)
        let figures = try bill.analytics(settlement: date("2025-04-10"), quote: .yield(0.02))
        #expect(abs(figures.dirtyPrice - 99.808586272901294) < 1e-12)
        #expect(abs(figures.macaulayDuration - 0.095890410958904) < 1e-14)
        #expect(abs(figures.modifiedDuration - 0.095706863549357) < 1e-14)
        #expect(abs(figures.convexity - 0.018319607460911) < 1e-14)
    }

    /// An exchange bond priced at a yield (DolphinDB `bondInstrumentCalculator`,
    /// example 5, https://docs.dolphindb.cn/zh/funcs/b/bondInstrumentCalculator.html):
    /// 242659.SH, 2.07 % annual, 2025-03-26 to 2030-03-26, settled 2025-12-19
    /// at 1.95216 % to maturity: dirty 101.99383706183775 (the interbank
    /// formula), accrued 1.5255616438356157 (2.07 × 269/365, both ends
    /// counted), clean 100.46827541800214.
    @Test func publishedExchangeBond() throws {
        let bond = try bond(.sse, "2025-03-26", "2030-03-26", 0.0207, .annual)
        let figures = try bond.analytics(settlement: date("2025-12-19"), quote: .yield(0.0195216))
        #expect(abs(figures.dirtyPrice - 101.99383706183775) < 1e-12)
        #expect(abs(figures.accruedInterest - 1.5255616438356157) < 1e-14)
        #expect(abs(figures.cleanPrice - 100.46827541800214) < 1e-12)
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
