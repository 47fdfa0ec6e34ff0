extension RemainingCashFlows {
    /// Payments given directly: amounts per 100 face at times in years (as
    /// the contract measures them), with the accrued interest at settlement.
    public init(
        settlement: CivilDate, frequency: Frequency, accruedInterest: Double, amounts: [Double], times: [Double]
    ) {
        precondition(amounts.count == times.count && !amounts.isEmpty, "one time per amount, at least one")
        self.init()
        replace(
            settlement: settlement, frequency: frequency, accruedInterest: accruedInterest, amounts: amounts,
            times: times)
    }

    /// The flows of `bond` after `settlement`, redeemed at 100 on `horizon`
    /// instead of at maturity (an investor put), and with the coupon rate
    /// changed to `resetRate` (decimal) for periods starting on or after
    /// `resetDate` (an issuer's coupon adjustment).
    ///
    /// A horizon inside a period ends that period there: its coupon accrues
    /// to the horizon and is paid with the redemption.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``
    ///   when settlement is not before the horizon.
    public init(
        bond: FixedRateBond, settlement: CivilDate, horizon: CivilDate? = nil, resetDate: CivilDate? = nil,
        resetRate: Double? = nil
    ) throws(FixedIncomeError) {
        let end = min(horizon ?? bond.maturityDate, bond.maturityDate)
        guard settlement >= bond.issueDate, settlement < end else {
            throw .settlementOutsideLife(settlement: settlement, issue: bond.issueDate, maturity: end)
        }
        let dayCount = bond.dayCount
        let frequency = bond.frequency
        var amounts: [Double] = []
        var times: [Double] = []
        var time = 0.0
        var accrued = 0.0
        var first = true
        for period in bond.schedule.periods where period.end > settlement && period.start < end {
            let rate = resetDate.map { period.start >= $0 } == true ? resetRate ?? bond.couponRate : bond.couponRate
            let stop = min(period.end, end)
            let fraction = period.yearFraction(to: stop, dayCount: dayCount, frequency: frequency)
            if first {
                let accruedFraction = period.yearFraction(to: settlement, dayCount: dayCount, frequency: frequency)
                accrued = 100 * (rate * accruedFraction)
                time = fraction - accruedFraction
                first = false
            } else {
                time += fraction
            }
            amounts.append(100 * (rate * fraction))
            times.append(time)
        }
        amounts[amounts.count - 1] += 100
        self.init(
            settlement: settlement, frequency: frequency, accruedInterest: accrued, amounts: amounts, times: times)
    }

    mutating func replace(
        settlement: CivilDate, frequency: Frequency, accruedInterest: Double, amounts: [Double], times: [Double]
    ) {
        self.settlement = settlement
        self.frequency = frequency
        self.accruedInterest = accruedInterest
        amountStorage = amounts
        timeStorage = times
        stepClassStorage = [UInt8](repeating: 0, count: amounts.count)
        stepExponents = []
        stepClassCount = 0
        count = amounts.count
    }
}
