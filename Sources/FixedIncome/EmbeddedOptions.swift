extension FixedRateBond {
    /// The yield to put (decimal): the yield at which the cash flows to
    /// `putDate`, redeemed at 100 there, are worth the clean price.
    public func yieldToPut(cleanPrice: Double, settlement: CivilDate, putDate: CivilDate) throws(FixedIncomeError)
        -> Double
    {
        try RemainingCashFlows(bond: self, settlement: settlement, horizon: putDate).analytics(cleanPrice: cleanPrice)
            .yield
    }

    /// The yield to worst (decimal): the lower of the yields to maturity and to put.
    public func yieldToWorst(cleanPrice: Double, settlement: CivilDate, putDate: CivilDate?) throws(FixedIncomeError)
        -> Double
    {
        let toMaturity = try yield(cleanPrice: cleanPrice, settlement: settlement)
        guard let putDate, putDate > settlement, putDate < maturityDate else { return toMaturity }
        return min(toMaturity, try yieldToPut(cleanPrice: cleanPrice, settlement: settlement, putDate: putDate))
    }

    /// Price and risk if the coupon is reset to `resetRate` (decimal) from
    /// `resetDate` and the bond runs to maturity (the issuer's adjustment of a
    /// 3+2 bond, −300 to +300 bp in practice).
    public func analytics(settlement: CivilDate, quote: BondQuote, resetDate: CivilDate, resetRate: Double)
        throws(FixedIncomeError) -> BondAnalytics
    {
        guard resetRate.isFinite, resetRate >= 0 else { throw .invalidCouponRate(resetRate) }
        return try RemainingCashFlows(bond: self, settlement: settlement, resetDate: resetDate, resetRate: resetRate)
            .analytics(quote)
    }
}

extension MarketBond {
    /// The yield to put (decimal) under the bond's market convention: the
    /// yield of the same bond redeemed at 100 on `putDate`, at the clean price.
    ///
    /// - Throws: the ``FixedIncomeError`` that says why no yield exists.
    public func yieldToPut(cleanPrice: Double, settlement: CivilDate, putDate: CivilDate) throws(FixedIncomeError)
        -> Double
    {
        try MarketBond(
            convention: convention, issueDate: issueDate, maturityDate: putDate, couponRate: couponRate,
            frequency: frequency, rules: rules
        ).analytics(settlement: settlement, quote: .cleanPrice(cleanPrice)).yield
    }
}
