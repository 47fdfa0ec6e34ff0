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
    ///   spread within ±100 % gives the price.
    public func zSpread(
        cleanPrice: Double, settlement: CivilDate, curve: some YieldCurve, compounding: Compounding = .continuous
    ) throws(FixedIncomeError) -> Double {
        guard cleanPrice.isFinite else { throw .invalidPrice(cleanPrice) }
        let dirty = cleanPrice + (try accruedInterest(settlement: settlement))
        let flows = cashFlows.filter { $0.date > settlement && $0.amount != 0 }.map { flow in
            (time: curve.time(to: flow.date), amount: flow.amount)
        }
        let settlementTime = curve.time(to: settlement)
        func spreaded(_ t: Double, _ spread: Double) -> Double {
            guard t > 0 else { return 1 }
            let base = curve.discountFactor(time: t)
            return compounding.discountFactor(rate: compounding.rate(discountFactor: base, time: t) + spread, time: t)
        }
        func value(_ spread: Double) -> Double {
            let total = flows.reduce(0) { $0 + $1.amount * spreaded($1.time, spread) }
            return total / spreaded(settlementTime, spread) - dirty
        }
        guard let (low, high) = RootFinder.bracket(0, step: 0.01, limit: -1...1, value),
            let spread = RootFinder.brent(low, high, tolerance: 1e-15, value)
        else { throw .noYieldForPrice(dirtyPrice: dirty, floor: 0) }
        return spread
    }
}
