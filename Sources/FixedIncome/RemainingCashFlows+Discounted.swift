extension RemainingCashFlows {
    /// Replaces the contents with the flows of `bond` after `settlement`,
    /// each discounted on `curve` to settlement: the amount times
    /// `D(t_j) / D(t_s)`, at its time `t_j − t_s` in ACT/365F years, with
    /// annual compounding. The yield `y` that prices these flows at the bond's
    /// dirty price gives the continuously compounded Z-spread `log(1 + y)`.
    ///
    /// Steps between payments are classed by their days, so the solver needs
    /// one exponential per distinct step rather than one per payment.
    ///
    /// - Returns: `false`, with the contents unusable, when some period pays
    ///   nothing while others pay (the caller then discounts date by date).
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    mutating func loadDiscounted(bond: FixedRateBond, settlement: CivilDate, curve: some YieldCurve)
        throws(FixedIncomeError) -> Bool
    {
        try load(bond: bond, settlement: settlement)
        let schedule = bond.schedule
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        // Every period pays, or only the redemption is left (no coupon).
        guard count == remaining || count == 1 else { return false }
        let firstDate = count == 1 ? bond.maturityDate : schedule.couponDate(periodsBeforeMaturity: remaining - 1)
        let referenceDay = curve.referenceDate.dayNumber
        let settlementDay = settlement.dayNumber
        var segment = 0
        let base = curve.discountFactor(time: Double(settlementDay - referenceDay) / 365, segment: &segment)
        var walk = CouponDateWalk(schedule: schedule, from: firstDate)
        var writer = FlowWriter(rate: 0, unitExponent: 1.0 / 365)
        let payments = count
        write(with: &writer) { writer in
            var previousDay = settlementDay
            for j in 0..<payments {
                if j > 0 { walk.advance() }
                let day = walk.dayNumber
                let discount = curve.discountFactor(time: Double(day - referenceDay) / 365, segment: &segment) / base
                // The amount load wrote here, read before the writer overwrites it.
                let amount = writer.amounts[j] * discount
                writer.write(amount, at: Double(day - settlementDay) / 365, units: day - previousDay)
                previousDay = day
            }
        }
        frequency = .annual
        return true
    }
}
