/// The payments of a bond still to come after a settlement date, with the
/// time to each, ready to be priced at any yield.
///
/// Built as spec/bond-analytics.md states: payments on or before settlement
/// count no more; the time to each later payment walks the remaining periods
/// from settlement, the first step being the period's year fraction minus the
/// accrued fraction, every later step a whole period's year fraction. A
/// value can be reloaded with ``load(bond:settlement:)`` to reuse its storage
/// when pricing many bonds in a row.
public struct RemainingCashFlows: Sendable {
    /// The settlement date the flows are seen from.
    public private(set) var settlement: CivilDate
    /// Coupons a year, also the compounding frequency of yields.
    public private(set) var frequency: Frequency
    /// Interest accrued at settlement, per 100 face.
    public private(set) var accruedInterest: Double
    /// Each remaining non-zero payment per 100 face, in date order; the
    /// redemption of 100 is added to the last coupon, which shares its date.
    public private(set) var amounts: [Double]
    /// Time in years from settlement to each payment of ``amounts``.
    public private(set) var times: [Double]

    /// Empty flows, to be filled by ``load(bond:settlement:)``.
    public init() {
        settlement = CivilDate(unchecked: 1970, 1, 1)
        frequency = .annual
        accruedInterest = 0
        amounts = []
        times = []
    }

    /// The flows of `bond` after `settlement`.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    public init(bond: FixedRateBond, settlement: CivilDate) throws(FixedIncomeError) {
        self.init()
        try load(bond: bond, settlement: settlement)
    }

    /// Replaces the contents with the flows of `bond` after `settlement`,
    /// keeping the storage.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    public mutating func load(bond: FixedRateBond, settlement: CivilDate) throws(FixedIncomeError) {
        let schedule = bond.schedule
        guard settlement >= schedule.issueDate, settlement < schedule.maturityDate else {
            throw .settlementOutsideLife(
                settlement: settlement, issue: schedule.issueDate, maturity: schedule.maturityDate)
        }
        self.settlement = settlement
        frequency = schedule.frequency
        amounts.removeAll(keepingCapacity: true)
        times.removeAll(keepingCapacity: true)

        let dayCount = bond.dayCount
        let rate = bond.couponRate
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        let holding = schedule.period(endingPeriodsBeforeMaturity: remaining - 1)
        let accruedFraction = holding.yearFraction(to: settlement, dayCount: dayCount, frequency: frequency)
        let holdingFraction = holding.length(dayCount: dayCount, frequency: frequency)
        accruedInterest = 100 * (rate * accruedFraction)

        var time = holdingFraction - accruedFraction
        append(100 * (rate * holdingFraction), at: time)
        var start = holding.end
        for back in stride(from: remaining - 2, through: 0, by: -1) {
            let end = schedule.couponDate(periodsBeforeMaturity: back)
            let fraction = dayCount.yearFraction(
                from: start, to: end, referenceStart: start, referenceEnd: end, frequency: frequency)
            time += fraction
            append(100 * (rate * fraction), at: time)
            start = end
        }
        // The redemption shares the last coupon's date and time.
        if let last = times.last, last == time {
            amounts[amounts.count - 1] += 100
        } else {
            amounts.append(100)
            times.append(time)
        }
    }

    @inline(__always)
    private mutating func append(_ amount: Double, at time: Double) {
        guard amount != 0 else { return }
        amounts.append(amount)
        times.append(time)
    }
}
