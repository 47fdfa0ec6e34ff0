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
        let (accruedFraction, holdingFraction) = holding.yearFractions(
            to: settlement, dayCount: dayCount, frequency: schedule.frequency)
        accruedInterest = 100 * (rate * accruedFraction)
        self.settlement = settlement
        frequency = .annual
        reserve(remaining + 1)

        let referenceDay = curve.referenceDate.dayNumber
        let settlementDay = settlement.dayNumber
        // Many bonds priced on one curve pay on the same days: a bootstrapped
        // curve's factors are kept by day (the same values, computed once).
        var days = DayDiscounts()
        swap(&days, &dayDiscounts)
        defer { swap(&days, &dayDiscounts) }
        let kept = curve.cacheIdentity.map { days.use($0) } != nil
        var writer = FlowWriter(rate: 0, unitExponent: 1.0 / 365)
        write(with: &writer) { writer in
            var segment = 0
            // A bond without coupons pays its redemption alone.
            let payments = rate == 0 ? 1 : remaining
            var walk = CouponDateWalk(schedule: schedule, from: rate == 0 ? schedule.maturityDate : holding.end)
            var previousDay = settlementDay
            var fraction = holdingFraction
            var base = 1.0
            for j in -1..<payments {
                // The settlement day first, for the factor the others are divided by.
                if j > 0 { fraction = walk.advance(measuring: dayCount).fraction }
                let day = j < 0 ? settlementDay : walk.dayNumber
                let offset = day - referenceDay
                var factor = kept ? days.known(offset) : .nan
                if factor.isNaN {
                    factor = curve.discountFactor(time: Double(offset) / 365, segment: &segment)
                    if kept { days.keep(factor, at: offset) }
                }
                guard j >= 0 else {
                    base = factor
                    continue
                }
                let amount = 100 * (rate * fraction) + (j == payments - 1 ? 100 : 0)
                writer.write(amount * (factor / base), at: Double(day - settlementDay) / 365, units: day - previousDay)
                previousDay = day
            }
        }
    }
}

/// Discount factors of one curve by day from its reference date, computed
/// when first asked for.
struct DayDiscounts: Sendable {
    /// The most days kept (110 years).
    static let limit = 40_000
    /// The ``YieldCurve/cacheIdentity`` of the curve, held so that no other
    /// curve can take its place while the factors are kept.
    private var owner: (AnyObject & Sendable)?
    /// By day from the curve's reference date; NaN where not yet computed.
    private var factors: [Double] = []

    /// Keeps the factors when `identity` is that of the curve they were
    /// computed on, else forgets them.
    mutating func use(_ identity: AnyObject & Sendable) {
        guard owner !== identity else { return }
        owner = identity
        factors.removeAll(keepingCapacity: true)
    }

    /// The factor `days` after the reference date if known, else NaN.
    @inline(__always)
    func known(_ days: Int) -> Double {
        days >= 0 && days < factors.count ? factors[days] : .nan
    }

    /// Keeps the factor `days` after the reference date (within ``limit``).
    mutating func keep(_ factor: Double, at days: Int) {
        guard days >= 0 && days < Self.limit else { return }
        if days >= factors.count { factors.append(contentsOf: repeatElement(.nan, count: days + 1 - factors.count)) }
        factors[days] = factor
    }
}
