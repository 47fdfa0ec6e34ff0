import RealModule

extension RemainingCashFlows {
    /// Price, yield, accrued interest and risk for a quote.
    ///
    /// - Throws: ``FixedIncomeError`` when the quote is out of its domain or no
    ///   yield gives the price.
    public func analytics(_ quote: BondQuote) throws(FixedIncomeError) -> BondAnalytics {
        switch quote {
        case .yield(let yield): return try analytics(yield: yield)
        case .cleanPrice(let price): return try analytics(cleanPrice: price)
        }
    }

    /// Price and risk at a yield (decimal, compounded `frequency` times a year):
    /// `dirty = Σ CF_j (1 + y/f)^(-f T_j)`.
    ///
    /// - Throws: ``FixedIncomeError/yieldOutOfDomain(yield:frequency:)`` when
    ///   `1 + y/f` is not positive, ``FixedIncomeError/nonFiniteResult(yield:)``
    ///   when the price overflows or underflows.
    public func analytics(yield: Double) throws(FixedIncomeError) -> BondAnalytics {
        let growth = 1 + yield / frequency.perYear
        guard yield.isFinite, growth > 0 else {
            throw .yieldOutOfDomain(yield: yield, frequency: frequency)
        }
        let sums = discountSums(logGrowth: .log(growth))
        guard sums.price.isFinite, sums.price > 0, sums.second.isFinite else {
            throw .nonFiniteResult(yield: yield)
        }
        return analytics(sums: sums, growth: growth, yield: yield, dirtyPrice: sums.price)
    }

    /// Yield and risk for a clean price per 100 face; the yield solves
    /// `clean + accrued = Σ CF_j (1 + y/f)^(-f T_j)` to |Δy| < 1e-12.
    ///
    /// - Throws: ``FixedIncomeError/invalidPrice(_:)``,
    ///   ``FixedIncomeError/noYieldForPrice(dirtyPrice:floor:)``,
    ///   ``FixedIncomeError/priceIndependentOfYield``,
    ///   ``FixedIncomeError/yieldDidNotConverge(iterations:lastYield:lastStep:)``,
    ///   ``FixedIncomeError/yieldNotRepresentable(dirtyPrice:frequency:)``.
    public func analytics(cleanPrice: Double) throws(FixedIncomeError) -> BondAnalytics {
        guard cleanPrice.isFinite else { throw .invalidPrice(cleanPrice) }
        let dirtyPrice = cleanPrice + accruedInterest
        let solution = try solveYield(dirtyPrice: dirtyPrice)
        // A yield of e^710 or more overflows; one within rounding of -f leaves
        // 1 + y/f at 0, where the risk figures are infinite.
        guard solution.yield.isFinite, 1 + solution.yield / frequency.perYear > 0 else {
            throw .yieldNotRepresentable(dirtyPrice: dirtyPrice, frequency: frequency)
        }
        var result = analytics(
            sums: solution.sums, growth: solution.growth, yield: solution.yield, dirtyPrice: dirtyPrice)
        result.cleanPrice = cleanPrice
        return result
    }

    /// Σ a, Σ a·e and Σ a·e² over the payments, each discounted by
    /// `exp(-e·L)` where `e = f·T` is its exponent and `L = log(1 + y/f)`.
    struct DiscountSums {
        /// Σ CF·D: the dirty price.
        var price: Double
        /// Σ CF·D·e.
        var first: Double
        /// Σ CF·D·e².
        var second: Double
    }

    func discountSums(logGrowth: Double) -> DiscountSums {
        let f = frequency.perYear
        let count = self.count
        let classCount = stepClassCount
        return amountStorage.withUnsafeBufferPointer { amounts in
            timeStorage.withUnsafeBufferPointer { times in
                stepClassStorage.withUnsafeBufferPointer { classes in
                    stepExponents.withUnsafeBufferPointer { steps in
                        var price = 0.0
                        var first = 0.0
                        var second = 0.0
                        @inline(__always) func add(_ value: Double, _ exponent: Double) {
                            price += value
                            first += value * exponent
                            second += value * exponent * exponent
                        }
                        if logGrowth == 0 {
                            for j in 0..<count { add(amounts[j], f * times[j]) }
                        } else if classCount > 0 {
                            // D_j = D_{j-1} · exp(-L · step_j), with one
                            // exponential per distinct step rather than per
                            // payment (rounding grows by about 1e-16 a step).
                            var factors: (Double, Double, Double, Double, Double, Double, Double, Double) =
                                (0, 0, 0, 0, 0, 0, 0, 0)
                            withUnsafeMutableBytes(of: &factors) { raw in
                                let factor = raw.bindMemory(to: Double.self)
                                for index in 0..<classCount { factor[index] = .exp(-steps[index] * logGrowth) }
                                var exponent = f * times[0]
                                var discount = Double.exp(-exponent * logGrowth)
                                add(amounts[0] * discount, exponent)
                                for j in 1..<max(1, count) {
                                    exponent = f * times[j]
                                    discount *= factor[Int(classes[j])]
                                    add(amounts[j] * discount, exponent)
                                }
                            }
                        } else {
                            for j in 0..<count {
                                let exponent = f * times[j]
                                add(amounts[j] * .exp(-exponent * logGrowth), exponent)
                            }
                        }
                        return DiscountSums(price: price, first: first, second: second)
                    }
                }
            }
        }
    }

    /// Risk figures from the discount sums at a yield, spec/bond-analytics.md:
    /// Macaulay `Σ T·CF·D / P`, modified `Macaulay / (1 + y/f)`, convexity
    /// `Σ CF·D·T·(T + 1/f) / (1 + y/f)² / P`, DV01 `modified · P · 1e-4`.
    func analytics(sums: DiscountSums, growth: Double, yield: Double, dirtyPrice: Double)
        -> BondAnalytics
    {
        let f = frequency.perYear
        let macaulay = sums.first / (f * sums.price)
        let modified = macaulay / growth
        let convexity = (sums.second + sums.first) / (f * f * growth * growth * sums.price)
        return BondAnalytics(
            cleanPrice: dirtyPrice - accruedInterest, yield: yield, accruedInterest: accruedInterest,
            dirtyPrice: dirtyPrice, macaulayDuration: macaulay, modifiedDuration: modified,
            convexity: convexity, dv01: modified * dirtyPrice * 0.0001)
    }
}
