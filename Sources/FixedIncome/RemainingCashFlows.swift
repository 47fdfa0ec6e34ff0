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
        let dayCount = bond.dayCount
        let rate = bond.couponRate
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        let holding = schedule.period(endingPeriodsBeforeMaturity: remaining - 1)
        let accruedFraction = holding.yearFraction(to: settlement, dayCount: dayCount, frequency: frequency)
        let holdingFraction = holding.length(dayCount: dayCount, frequency: frequency)
        accruedInterest = 100 * (rate * accruedFraction)

        // At most one payment a period, plus the redemption when no coupon is paid.
        resize(to: remaining + 1)
        let count = amounts.withUnsafeMutableBufferPointer { amounts in
            times.withUnsafeMutableBufferPointer { times in
                Self.fill(
                    amounts: amounts.baseAddress!, times: times.baseAddress!, schedule: schedule,
                    dayCount: dayCount, rate: rate, holding: holding, remaining: remaining,
                    firstTime: holdingFraction - accruedFraction, holdingFraction: holdingFraction)
            }
        }
        resize(to: count)
    }

    /// Writes the remaining payments and their times; returns how many.
    ///
    /// The periods after the one holding settlement are whole regular periods,
    /// each measured against itself; each day count gets the cheapest loop
    /// that gives exactly its year fractions.
    private static func fill(
        amounts: UnsafeMutablePointer<Double>, times: UnsafeMutablePointer<Double>, schedule: CouponSchedule,
        dayCount: DayCount, rate: Double, holding: CouponPeriod, remaining: Int, firstTime: Double,
        holdingFraction: Double
    ) -> Int {
        var count = 0
        var time = firstTime
        pay(100 * (rate * holdingFraction), at: time, amounts, times, &count)
        let later = remaining - 1
        switch dayCount {
        case .actualActualICMA:
            // days / (f · days) is exactly 1/f.
            let fraction = 1 / schedule.frequency.perYear
            let amount = 100 * (rate * fraction)
            for _ in 0..<later {
                time += fraction
                pay(amount, at: time, amounts, times, &count)
            }
        case .actual365Fixed, .actual360:
            let basis: Double = dayCount == .actual360 ? 360 : 365
            var start = holding.end.dayNumber
            for back in stride(from: later - 1, through: 0, by: -1) {
                let end = schedule.couponDate(periodsBeforeMaturity: back).dayNumber
                let fraction = Double(end - start) / basis
                time += fraction
                pay(100 * (rate * fraction), at: time, amounts, times, &count)
                start = end
            }
        case .noLeap365:
            var start = DayCount.noLeapDayNumber(holding.end)
            for back in stride(from: later - 1, through: 0, by: -1) {
                let end = DayCount.noLeapDayNumber(schedule.couponDate(periodsBeforeMaturity: back))
                let fraction = Double(end - start) / 365
                time += fraction
                pay(100 * (rate * fraction), at: time, amounts, times, &count)
                start = end
            }
        case .thirty360:
            var start = holding.end
            for back in stride(from: later - 1, through: 0, by: -1) {
                let end = schedule.couponDate(periodsBeforeMaturity: back)
                let fraction = Double(DayCount.thirty360Days(from: start, to: end)) / 360
                time += fraction
                pay(100 * (rate * fraction), at: time, amounts, times, &count)
                start = end
            }
        }
        // The redemption shares the last coupon's date and time.
        if count > 0 && times[count - 1] == time {
            amounts[count - 1] += 100
        } else {
            amounts[count] = 100
            times[count] = time
            count += 1
        }
        return count
    }

    @inline(__always)
    private static func pay(
        _ amount: Double, at time: Double, _ amounts: UnsafeMutablePointer<Double>,
        _ times: UnsafeMutablePointer<Double>, _ count: inout Int
    ) {
        guard amount != 0 else { return }
        amounts[count] = amount
        times[count] = time
        count += 1
    }

    /// Makes both arrays hold `count` elements, keeping their storage.
    private mutating func resize(to count: Int) {
        if amounts.count > count {
            amounts.removeLast(amounts.count - count)
            times.removeLast(times.count - count)
        } else if amounts.count < count {
            amounts.append(contentsOf: repeatElement(0, count: count - amounts.count))
            times.append(contentsOf: repeatElement(0, count: count - times.count))
        }
    }
}
