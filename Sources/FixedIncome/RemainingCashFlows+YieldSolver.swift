import RealModule

extension RemainingCashFlows {
    /// The most steps the yield solver takes before it gives up.
    static let maximumSolverIterations = 200
    /// The solver stops once a step changes the yield by less than this (decimal).
    static let yieldTolerance = 1e-12

    /// A solved yield with the discount sums it was found from.
    struct YieldSolution {
        /// `log(1 + y/f)` of the solved yield.
        var logGrowth: Double
        /// `log(1 + y/f)` where `sums` were evaluated (the last step's start).
        var evaluatedLogGrowth: Double
        var sums: DiscountSums
        var frequency: Double

        /// The yield (decimal).
        var yield: Double { frequency * .expMinusOne(logGrowth) }
        /// `1 + y/f` where `sums` were evaluated.
        var growth: Double { .exp(evaluatedLogGrowth) }
    }

    /// What the solver's tolerance measures a step in.
    enum SolverTolerance {
        /// The yield: |Δy| < ``yieldTolerance``, as the analytics contract states.
        case yield
        /// `L = log(1 + y/f)` itself, a continuously compounded rate when
        /// f = 1 (a Z-spread): |ΔL| < ``yieldTolerance``.
        case logGrowth
    }

    /// Solves `Σ CF_j exp(-e_j L) = dirtyPrice` for `L = log(1 + y/f)`.
    ///
    /// Method: in `L` the log-price `h(L) = log Σ CF_j exp(-e_j L)` is a
    /// log-sum-exp of affine functions, hence convex, and decreasing because
    /// every `e_j >= 0`; so Newton's method on `h(L) - log(dirtyPrice)`
    /// converges from any start (Boyd & Vandenberghe, Convex Optimization,
    /// §3.1.5 and §9.5). Halley's correction, from `h''` = the variance of
    /// `e` under the discounted weights, makes it cubic. The search starts at
    /// `L = 0` (a zero yield, where no exponential is needed), keeps a bracket
    /// of the evaluated points, and falls back to expansion or bisection when
    /// a step leaves the bracket or is not finite.
    func solveYield(dirtyPrice: Double, tolerance: SolverTolerance = .yield) throws(FixedIncomeError)
        -> YieldSolution
    {
        guard count > 0, timeStorage[count - 1] > 0 else { throw .priceIndependentOfYield }
        // Payments due at time zero are worth their amount at every yield: the
        // price tends to their sum as the yield grows without bound.
        var floor = 0.0
        for j in 0..<count where timeStorage[j] == 0 { floor += amountStorage[j] }
        guard dirtyPrice > floor else { throw .noYieldForPrice(dirtyPrice: dirtyPrice, floor: floor) }

        let f = frequency.perYear
        let logTarget = Double.log(dirtyPrice)
        var logGrowth = 0.0
        var yield = 0.0
        var lower = -Double.infinity
        var upper = Double.infinity
        var step = Double.nan
        for _ in 0..<Self.maximumSolverIterations {
            let sums = discountSums(logGrowth: logGrowth)
            let gap = Double.log(sums.price) - logTarget
            if gap == 0 {
                return YieldSolution(
                    logGrowth: logGrowth, evaluatedLogGrowth: logGrowth, sums: sums, frequency: f)
            }
            if gap > 0 { lower = logGrowth } else { upper = logGrowth }

            var next = Double.nan
            if gap.isFinite, sums.first > 0 {
                let newton = gap * sums.price / sums.first
                let halley = (sums.second * sums.price / (sums.first * sums.first) - 1) / 2
                let damping = 1 - gap * halley
                next = logGrowth + (damping >= 0.5 && damping.isFinite ? newton / damping : newton)
            }
            if !(next > lower && next < upper) {
                if lower.isFinite && upper.isFinite {
                    next = lower + (upper - lower) / 2
                } else if lower.isFinite {
                    next = lower + max(1, 2 * abs(lower))
                } else {
                    next = upper - max(1, 2 * abs(upper))
                }
            }
            let nextYield: Double
            switch tolerance {
            case .yield:
                nextYield = f * .expMinusOne(next)
                step = nextYield - yield
            case .logGrowth:
                // The yield is not needed at every step.
                nextYield = .nan
                step = next - logGrowth
            }
            if abs(step) < Self.yieldTolerance, sums.price.isFinite, sums.price > 0 {
                return YieldSolution(logGrowth: next, evaluatedLogGrowth: logGrowth, sums: sums, frequency: f)
            }
            logGrowth = next
            yield = nextYield
        }
        throw .yieldDidNotConverge(
            iterations: Self.maximumSolverIterations, lastYield: f * .expMinusOne(logGrowth), lastStep: step)
    }
}
