import RealModule

extension YieldCurve {
    /// The curve's yield to maturity at `date` for comparisons with a bond's
    /// yield: its annual par rate; a ``HermiteCurve`` gives its interpolated
    /// par yield, which is the same at its inputs.
    public func maturityYield(at date: CivilDate) -> Double {
        if let hermite = self as? HermiteCurve { return hermite.parYield(at: date) }
        return parRate(maturity: date)
    }
}

extension FixedRateBond {
    /// The G-spread (decimal): the bond's yield minus the curve's yield at
    /// the bond's maturity.
    public func gSpread(yield: Double, curve: some YieldCurve) -> Double {
        yield - curve.maturityYield(at: maturityDate)
    }

    /// The issue spread (decimal) of a new bond: its coupon rate minus the
    /// curve's yield at its maturity, on a curve of its issue date.
    public func issueSpread(curve: some YieldCurve) -> Double {
        couponRate - curve.maturityYield(at: maturityDate)
    }

    /// The Z-spread (decimal): the constant added to the curve's zero rates
    /// (under `compounding`, times in ACT/365F years from the curve's date) at
    /// which the bond's remaining cash flows, discounted to settlement, are
    /// worth its dirty price, as QuantLib's `BondFunctions::zSpread` defines it.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``,
    ///   ``FixedIncomeError/invalidPrice(_:)``, or
    ///   ``FixedIncomeError/noYieldForPrice(dirtyPrice:floor:)`` when no
    ///   spread within ±1,000 % gives the price.
    public func zSpread(
        cleanPrice: Double, settlement: CivilDate, curve: some YieldCurve, compounding: Compounding = .continuous
    ) throws(FixedIncomeError) -> Double {
        var scratch = RemainingCashFlows()
        return try zSpread(
            cleanPrice: cleanPrice, settlement: settlement, curve: curve, compounding: compounding, scratch: &scratch)
    }

    /// ``zSpread(cleanPrice:settlement:curve:compounding:)`` with `scratch`
    /// as working storage, so that many bonds in a row need no allocation.
    @_specialize(where Curve == DiscountCurve)
    @_specialize(where Curve == HermiteCurve)
    public func zSpread<Curve: YieldCurve>(
        cleanPrice: Double, settlement: CivilDate, curve: Curve, compounding: Compounding = .continuous,
        scratch: inout RemainingCashFlows
    ) throws(FixedIncomeError) -> Double {
        guard cleanPrice.isFinite else { throw .invalidPrice(cleanPrice) }
        if compounding == .continuous {
            // Σ a_j·D(t_j)/D(t_s)·e^(−s(t_j − t_s)) is log-convex in s: the yield
            // solver, with each flow's discounted value as its amount and a
            // yearly exponent, solves it for s = log(1 + y), to |Δs| < 1e-12.
            try scratch.loadDiscounted(bond: self, settlement: settlement, curve: curve)
            let dirty = cleanPrice + scratch.accruedInterest
            return try scratch.solveYield(dirtyPrice: dirty, tolerance: .logGrowth).logGrowth
        }
        let (accrued, flows) = try payments(after: settlement)
        let dirty = cleanPrice + accrued
        let settlementTime = curve.time(to: settlement)
        func spreaded(_ t: Double, _ spread: Double) -> Double {
            guard t > 0 else { return 1 }
            let base = curve.discountFactor(time: t)
            return compounding.discountFactor(rate: compounding.rate(discountFactor: base, time: t) + spread, time: t)
        }
        func value(_ spread: Double) -> Double {
            let total = flows.reduce(0) { $0 + $1.amount * spreaded(curve.time(to: $1.date), spread) }
            return total / spreaded(settlementTime, spread) - dirty
        }
        guard let (low, high) = RootFinder.bracket(0, step: 0.01, limit: -10...10, value),
            let spread = RootFinder.brent(low, high, tolerance: 1e-15, value)
        else { throw .noYieldForPrice(dirtyPrice: dirty, floor: 0) }
        return spread
    }

    /// The continuously compounded Z-spread, each payment dated and
    /// discounted on its own: what the classed flows of
    /// `RemainingCashFlows.loadDiscounted` compute faster.
    func zSpreadByDates(cleanPrice: Double, settlement: CivilDate, curve: some YieldCurve) throws(FixedIncomeError)
        -> Double
    {
        let (accrued, flows) = try payments(after: settlement)
        let settlementTime = curve.time(to: settlement)
        let base = curve.discountFactor(time: settlementTime)
        var amounts: [Double] = []
        var times: [Double] = []
        amounts.reserveCapacity(flows.count)
        times.reserveCapacity(flows.count)
        for flow in flows {
            let t = curve.time(to: flow.date)
            amounts.append(flow.amount * curve.discountFactor(time: t) / base)
            times.append(t - settlementTime)
        }
        let discounted = RemainingCashFlows(
            settlement: settlement, frequency: .annual, accruedInterest: accrued, amounts: amounts, times: times)
        return try discounted.solveYield(dirtyPrice: cleanPrice + accrued, tolerance: .logGrowth).logGrowth
    }

    /// The accrued interest at settlement and the payments after it, with
    /// their dates (coupons of zero skipped, the redemption with the last coupon).
    func payments(after settlement: CivilDate) throws(FixedIncomeError)
        -> (accrued: Double, flows: [(date: CivilDate, amount: Double)])
    {
        guard settlement >= issueDate, settlement < maturityDate else {
            throw .settlementOutsideLife(settlement: settlement, issue: issueDate, maturity: maturityDate)
        }
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        var flows: [(date: CivilDate, amount: Double)] = []
        flows.reserveCapacity(remaining)
        var accrued = 0.0
        for back in stride(from: remaining - 1, through: 0, by: -1) {
            let period = schedule.period(endingPeriodsBeforeMaturity: back)
            if back == remaining - 1 {
                accrued =
                    100 * (couponRate * period.yearFraction(to: settlement, dayCount: dayCount, frequency: frequency))
            }
            let amount = couponAmount(of: period) + (back == 0 ? 100 : 0)
            if amount != 0 { flows.append((period.end, amount)) }
        }
        return (accrued, flows)
    }
}

extension MarketBond {
    /// The continuously compounded Z-spread (decimal) of the flows the
    /// convention prices (``cashFlows``), at the dirty price the convention
    /// gives the clean price: as ``FixedRateBond/zSpread(cleanPrice:settlement:curve:compounding:)``
    /// defines it, with interest at maturity one flow on the maturity date.
    ///
    /// - Throws: as ``FixedRateBond/zSpread(cleanPrice:settlement:curve:compounding:)``.
    public func zSpread(cleanPrice: Double, settlement: CivilDate, curve: some YieldCurve) throws(FixedIncomeError)
        -> Double
    {
        var scratch = RemainingCashFlows()
        return try zSpread(cleanPrice: cleanPrice, settlement: settlement, curve: curve, scratch: &scratch)
    }

    /// ``zSpread(cleanPrice:settlement:curve:)`` with `scratch` as working
    /// storage, so that many bonds in a row need no allocation.
    @_specialize(where Curve == DiscountCurve)
    @_specialize(where Curve == HermiteCurve)
    public func zSpread<Curve: YieldCurve>(
        cleanPrice: Double, settlement: CivilDate, curve: Curve, scratch: inout RemainingCashFlows
    ) throws(FixedIncomeError) -> Double {
        guard cleanPrice.isFinite else { throw .invalidPrice(cleanPrice) }
        let dirty = cleanPrice + (try accruedInterest(settlement: settlement))
        if let coupons = periodicBond {
            let ownAccrued = try coupons.accruedInterest(settlement: settlement)
            return try coupons.zSpread(
                cleanPrice: dirty - ownAccrued, settlement: settlement, curve: curve, scratch: &scratch)
        }
        let start = curve.time(to: settlement)
        let end = curve.time(to: maturityDate)
        let value = cashFlows.reduce(0) { $0 + $1.amount }
        let flows = RemainingCashFlows(
            settlement: settlement, frequency: .annual, accruedInterest: 0,
            amounts: [value * curve.discountFactor(time: end) / curve.discountFactor(time: start)], times: [end - start]
        )
        return try flows.solveYield(dirtyPrice: dirty, tolerance: .logGrowth).logGrowth
    }
}
