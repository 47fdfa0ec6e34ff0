import PropertyBased
import Testing

@testable import FixedIncome

/// The remaining flows, built by a walk that reuses the figures of period
/// lengths met before, are exactly those computed period by period from the
/// schedule as spec/bond-analytics.md states them: each later period's coupon
/// `100 · rate · length`, at the running sum of the lengths from the holding
/// period's remainder; a coupon of zero paid nowhere, its time still counted.
@Suite struct RemainingCashFlowsTests {
    /// The flows after `settlement`, one period at a time.
    func expectedFlows(_ bond: FixedRateBond, settlement: CivilDate) throws -> (amounts: [Double], times: [Double]) {
        let schedule = bond.schedule
        let first = try #require(schedule.periodIndex(containing: settlement))
        let holding = schedule.period(first)
        let accrued = holding.yearFraction(to: settlement, dayCount: bond.dayCount, frequency: bond.frequency)
        var amounts: [Double] = []
        var times: [Double] = []
        var time = 0.0
        for index in first..<schedule.periodCount {
            let length = schedule.period(index).length(dayCount: bond.dayCount, frequency: bond.frequency)
            time = index == first ? length - accrued : time + length
            let amount = 100 * (bond.couponRate * length)
            if amount != 0 {
                amounts.append(amount)
                times.append(time)
            }
        }
        if times.last == time {
            amounts[amounts.count - 1] += 100
        } else {
            amounts.append(100)
            times.append(time)
        }
        return (amounts, times)
    }

    @Test func flowsAreThoseOfEachPeriod() async {
        // Ordinary coupons, none, and rates so small that some periods' coupons
        // round to zero (5e-324 times a fraction below one half) and others not.
        let rates = Gen.element(of: [0, 5e-324, 1e-320, 0.0001, 0.035, 0.15]).map { $0 ?? 0 }
        await propertyCheck(count: 600, input: BondCases.bonds, rates) { bondCase, rate in
            let (generated, settlement) = bondCase
            let bond = try FixedRateBond(
                issueDate: generated.issueDate, maturityDate: generated.maturityDate, couponRate: rate,
                frequency: generated.frequency, dayCount: generated.dayCount)
            var flows = RemainingCashFlows()
            // Reloading over another bond's flows leaves nothing of them.
            try flows.load(bond: generated, settlement: settlement)
            try flows.load(bond: bond, settlement: settlement)
            let expected = try expectedFlows(bond, settlement: settlement)
            #expect(flows.amounts == expected.amounts)
            #expect(flows.times == expected.times)
            let holding = bond.schedule.period(try #require(bond.schedule.periodIndex(containing: settlement)))
            let accrued = holding.yearFraction(to: settlement, dayCount: bond.dayCount, frequency: bond.frequency)
            #expect(flows.accruedInterest == 100 * (rate * accrued))
        }
    }

    /// Every step between two payments has the class of its own length in
    /// units, when there are few enough classes to use.
    @Test func stepClassesFollowTheStepsBetweenPayments() async {
        await propertyCheck(count: 300, input: BondCases.bonds) { bondCase in
            let (bond, settlement) = bondCase
            let flows = try RemainingCashFlows(bond: bond, settlement: settlement)
            guard flows.stepClassCount > 0 else { return }
            let f = bond.frequency.perYear
            for j in 1..<flows.count {
                let step = f * (flows.timeStorage[j] - flows.timeStorage[j - 1])
                let classed = flows.stepExponents[Int(flows.stepClassStorage[j])]
                #expect(abs(step - classed) <= 1e-9 * max(1, step), "payment \(j)")
            }
        }
    }
}
