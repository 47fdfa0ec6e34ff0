extension RemainingCashFlows {
    /// Replaces the contents with the flows of `bond` after `settlement`,
    /// each discounted on `curve` to settlement: the amount times
    /// `D(t_j) / D(t_s)`, at its time `t_j − t_s` in ACT/365F years, with
    /// annual compounding. The yield `y` that prices these flows at the bond's
    /// dirty price gives the continuously compounded Z-spread `log(1 + y)`.
    ///
    /// One walk over the coupon dates gives each payment's amount (its
    /// period's year fraction under the bond's day count, as
    /// ``load(bond:settlement:)`` computes it) and its discount factor. Steps
    /// between payments are classed by their days, so the solver needs one
    /// exponential per distinct step rather than one per payment.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    @_specialize(where Curve == DiscountCurve)
    @_specialize(where Curve == HermiteCurve)
    mutating func loadDiscounted<Curve: YieldCurve>(bond: FixedRateBond, settlement: CivilDate, curve: Curve)
        throws(FixedIncomeError)
    {
        let schedule = bond.schedule
        guard settlement >= schedule.issueDate, settlement < schedule.maturityDate else {
            throw .settlementOutsideLife(
                settlement: settlement, issue: schedule.issueDate, maturity: schedule.maturityDate)
        }
        let dayCount = bond.dayCount
        let rate = bond.couponRate
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        let holding = schedule.period(endingPeriodsBeforeMaturity: remaining - 1)
        accruedInterest =
            100 * (rate * holding.yearFraction(to: settlement, dayCount: dayCount, frequency: schedule.frequency))
        let holdingFraction = holding.length(dayCount: dayCount, frequency: schedule.frequency)
        self.settlement = settlement
        frequency = .annual
        reserve(remaining + 1)

        let referenceDay = curve.referenceDate.dayNumber
        let settlementDay = settlement.dayNumber
        var writer = FlowWriter(rate: 0, unitExponent: 1.0 / 365)
        write(with: &writer) { writer in
            var segment = 0
            let base = curve.discountFactor(time: Double(settlementDay - referenceDay) / 365, segment: &segment)
            // A bond without coupons pays its redemption alone.
            let payments = rate == 0 ? 1 : remaining
            var walk = CouponDateWalk(schedule: schedule, from: rate == 0 ? schedule.maturityDate : holding.end)
            var previousDay = settlementDay
            var fraction = holdingFraction
            for j in 0..<payments {
                if j > 0 { fraction = walk.advance(measuring: dayCount).fraction }
                let day = walk.dayNumber
                let amount = 100 * (rate * fraction) + (j == payments - 1 ? 100 : 0)
                let discount = curve.discountFactor(time: Double(day - referenceDay) / 365, segment: &segment) / base
                writer.write(amount * discount, at: Double(day - settlementDay) / 365, units: day - previousDay)
                previousDay = day
            }
        }
    }
}
