import RealModule

/// The Nelson–Siegel–Svensson curve: continuously compounded zero rates
/// `z(t) = β0 + β1·g(t/τ1) + β2·(g(t/τ1) − e^(−t/τ1)) + β3·(g(t/τ2) − e^(−t/τ2))`
/// with `g(x) = (1 − e^(−x))/x` (L. E. O. Svensson, "Estimating and
/// Interpreting Forward Interest Rates: Sweden 1992–1994", NBER 4871, 1994).
public struct NelsonSiegelSvensson: YieldCurve, Hashable {
    public let referenceDate: CivilDate
    /// β0, β1, β2, β3 (decimal) and τ1, τ2 (years).
    public let parameters: [Double]
    /// The fit's weighted sum of squared price errors (per 100 face).
    public let cost: Double

    public init(referenceDate: CivilDate, parameters: [Double], cost: Double = 0) {
        precondition(parameters.count == 6, "β0, β1, β2, β3, τ1, τ2")
        self.referenceDate = referenceDate
        self.parameters = parameters
        self.cost = cost
    }

    /// The zero rate at `t` years, continuously compounded.
    public func zeroRate(time t: Double) -> Double { Self.zero(parameters, t) }

    public func discountFactor(time t: Double) -> Double {
        guard t > 0 else { return 1 }
        return .exp(-Self.zero(parameters, t) * t)
    }

    static func zero(_ p: [Double], _ t: Double) -> Double {
        let (g1, e1) = loadings(t, p[4])
        let (g2, e2) = loadings(t, p[5])
        return p[0] + p[1] * g1 + p[2] * (g1 - e1) + p[3] * (g2 - e2)
    }

    /// `g(t/τ)` and `e^(−t/τ)`, with the limits at t = 0.
    @inline(__always)
    static func loadings(_ t: Double, _ tau: Double) -> (Double, Double) {
        let x = t / tau
        guard x > 1e-8 else { return (1 - x / 2, 1 - x) }
        let e = Double.exp(-x)
        return (-Double.expMinusOne(-x) / x, e)
    }

    /// Fits the curve to par yields: each a bond issued on the reference date
    /// paying its yield (`frequency` coupons a year, `dayCount`), priced at 100.
    ///
    /// The fit minimises the squared price errors weighted by the inverse of
    /// each bond's modified duration (the weighting of QuantLib's
    /// `FittedBondDiscountCurve`), by Levenberg–Marquardt within ``bounds``
    /// from a grid of starting decay times: a few steps from each, then the
    /// three most promising to convergence, keeping the best.
    ///
    /// - Throws: ``CurveError`` for invalid points, fewer than 4, or no fit.
    public static func fit(
        referenceDate: CivilDate, parYields: [ParYield], frequency: Frequency = .annual,
        dayCount: DayCount = .actualActualICMA
    ) throws(CurveError) -> NelsonSiegelSvensson {
        let points = try DiscountCurve.validated(parYields, referenceDate: referenceDate)
        guard points.count >= 4 else { throw .tooFewPoints(needed: 4, given: points.count) }
        var bonds: [[(time: Double, amount: Double)]] = []
        var weights: [Double] = []
        for point in points {
            guard
                let schedule = try? CouponSchedule(
                    issueDate: referenceDate, maturityDate: point.maturity, frequency: frequency)
            else { throw .maturityNotAfterReference(point.maturity) }
            var flows = schedule.periods.map { period in
                (
                    time: Double(referenceDate.days(to: period.end)) / 365,
                    amount: 100 * point.yield * period.length(dayCount: dayCount, frequency: frequency)
                )
            }
            flows[flows.count - 1].amount += 100
            bonds.append(flows)
            weights.append(1 / modifiedDuration(flows))
        }
        let norm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        weights = weights.map { $0 / norm }
        // The par bonds share most payment dates: discount each distinct time
        // once per evaluation.
        let times = Array(Set(bonds.flatMap { $0.map(\.time) })).sorted()
        let index = Dictionary(uniqueKeysWithValues: times.enumerated().map { ($1, $0) })
        let flows = bonds.map { bond in bond.map { (index: index[$0.time]!, amount: $0.amount) } }

        // Scratch reused by every evaluation: per distinct time the discount
        // factor and −t·D·∂z/∂p, six to a time.
        var discount = [Double](repeating: 0, count: times.count)
        var partials = [Double](repeating: 0, count: 6 * times.count)
        func residuals(_ p: [Double]) -> (residuals: [Double], jacobian: [[Double]]) {
            for (k, t) in times.enumerated() {
                let (g1, e1) = loadings(t, p[4])
                let (g2, e2) = loadings(t, p[5])
                let z = p[0] + p[1] * g1 + p[2] * (g1 - e1) + p[3] * (g2 - e2)
                let d = Double.exp(-z * t)
                discount[k] = d
                let scale = -d * t
                partials[6 * k] = scale
                partials[6 * k + 1] = scale * g1
                partials[6 * k + 2] = scale * (g1 - e1)
                partials[6 * k + 3] = scale * (g2 - e2)
                partials[6 * k + 4] = scale * ((p[1] + p[2]) * dLoading(t, p[4]) - p[2] * dDecay(t, p[4]))
                partials[6 * k + 5] = scale * p[3] * (dLoading(t, p[5]) - dDecay(t, p[5]))
            }
            var r = [Double](repeating: 0, count: flows.count)
            var jacobian = [[Double]](repeating: [Double](repeating: 0, count: 6), count: flows.count)
            for (b, bond) in flows.enumerated() {
                var price = -100.0
                var row = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
                for flow in bond {
                    let k = flow.index
                    let a = flow.amount
                    price += a * discount[k]
                    row.0 += a * partials[6 * k]
                    row.1 += a * partials[6 * k + 1]
                    row.2 += a * partials[6 * k + 2]
                    row.3 += a * partials[6 * k + 3]
                    row.4 += a * partials[6 * k + 4]
                    row.5 += a * partials[6 * k + 5]
                }
                let w = weights[b]
                r[b] = w * price
                jacobian[b] = [w * row.0, w * row.1, w * row.2, w * row.3, w * row.4, w * row.5]
            }
            return (r, jacobian)
        }

        let longest = points[points.count - 1].yield
        let shortest = points[0].yield
        // A few steps from every start, then the three most promising to the end.
        var candidates: [LevenbergMarquardt.Result] = []
        for tau1 in [0.5, 1.0, 2.0, 4.0] {
            for tau2 in [6.0, 12.0, 25.0] {
                let start = [longest, shortest - longest, 0, 0, tau1, tau2]
                let result = LevenbergMarquardt.minimize(
                    start: start, bounds: Self.bounds, maximumIterations: 6, residuals)
                if result.parameters.allSatisfy(\.isFinite) { candidates.append(result) }
            }
        }
        var best: LevenbergMarquardt.Result?
        for candidate in candidates.sorted(by: { $0.sumOfSquares < $1.sumOfSquares }).prefix(3) {
            let result = LevenbergMarquardt.minimize(start: candidate.parameters, bounds: Self.bounds, residuals)
            guard result.parameters.allSatisfy(\.isFinite), result.parameters[4] > 0, result.parameters[5] > 0
            else { continue }
            if best == nil || result.sumOfSquares < best!.sumOfSquares { best = result }
        }
        guard let best else { throw .fitFailed("no starting point led to a curve with positive decay times") }
        return NelsonSiegelSvensson(referenceDate: referenceDate, parameters: best.parameters, cost: best.sumOfSquares)
    }

    /// The ranges parameters are fitted in: rates within ±100 %, decay times
    /// from a week to 30 years, beyond which the terms degenerate into one another.
    static let bounds: [ClosedRange<Double>] = [-1...1, -1...1, -1...1, -1...1, 0.02...30, 0.02...30]

    /// ∂g(t/τ)/∂τ.
    static func dLoading(_ t: Double, _ tau: Double) -> Double {
        let x = t / tau
        guard x > 1e-8 else { return 0 }
        let e = Double.exp(-x)
        // g(x) = (1 − e^−x)/x; dg/dx = (e^−x·x − (1 − e^−x))/x²; dx/dτ = −x/τ
        return (e * x - (1 - e)) / (x * x) * (-x / tau)
    }

    /// ∂e^(−t/τ)/∂τ.
    static func dDecay(_ t: Double, _ tau: Double) -> Double {
        let x = t / tau
        return Double.exp(-x) * x / tau
    }

    /// Modified duration of annual-compounded flows at their own yield (for the weights).
    static func modifiedDuration(_ flows: [(time: Double, amount: Double)]) -> Double {
        // The par bond's yield: solve Σ a·(1+y)^(−t) = 100 by Newton.
        var y = 0.03
        for _ in 0..<50 {
            var price = -100.0
            var slope = 0.0
            for flow in flows {
                let discount = Double.pow(1 + y, -flow.time)
                price += flow.amount * discount
                slope -= flow.amount * flow.time * discount / (1 + y)
            }
            let step = price / slope
            y -= step
            if abs(step) < 1e-14 { break }
        }
        var weighted = 0.0
        var price = 0.0
        for flow in flows {
            let discount = Double.pow(1 + y, -flow.time)
            weighted += flow.time * flow.amount * discount
            price += flow.amount * discount
        }
        return weighted / price / (1 + y)
    }
}
