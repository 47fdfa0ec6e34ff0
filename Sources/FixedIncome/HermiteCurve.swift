/// A curve that interpolates par yields by monotone cubic Hermite splines,
/// the method ChinaBond publishes its yield curves with, and discounts by the
/// factors that reprice the par bonds of those yields maturing every month
/// from its date for ``horizonMonths`` (past its last point, where the par
/// yield stays flat) and at every input maturity: its par rates are its par
/// yields at those dates, so that a G-spread on its yields and a Z-spread on
/// its discount factors measure the same curve.
public struct HermiteCurve: YieldCurve {
    public let referenceDate: CivilDate
    /// The interpolated par yields.
    public let parYields: HermiteParYields
    /// The discount factors implied by the interpolated par yields.
    public let discountCurve: DiscountCurve

    /// The input points, by maturity.
    public var points: [ParYield] { parYields.points }

    /// - Throws: ``CurveError`` for no, repeated, past or non-finite points.
    public init(
        referenceDate: CivilDate, parYields: [ParYield], frequency: Frequency = .annual,
        dayCount: DayCount = .actualActualICMA
    ) throws(CurveError) {
        let interpolation = try HermiteParYields(referenceDate: referenceDate, parYields: parYields)
        let points = interpolation.points
        self.referenceDate = referenceDate
        self.parYields = interpolation
        // Par bonds maturing every month to the horizon, and at each input
        // maturity, priced on the interpolated par yields (flat past the last).
        var maturities = Set(points.map(\.maturity))
        for months in 1...Self.horizonMonths {
            guard let date = referenceDate.adding(months: months) else { break }
            if date > points[0].maturity { maturities.insert(date) }
        }
        let synthetic = maturities.sorted().map { ParYield(maturity: $0, yield: interpolation.parYield(at: $0)) }
        discountCurve = try DiscountCurve.bootstrap(
            referenceDate: referenceDate, parYields: synthetic, frequency: frequency, dayCount: dayCount)
    }

    /// Months from the reference date that par bonds are priced for, past
    /// the longest bond the registry holds; beyond them (and beyond the last
    /// input maturity, if later) forward rates stay flat.
    public static let horizonMonths = 1200

    /// The interpolated par yield (decimal) at `date`.
    public func parYield(at date: CivilDate) -> Double { parYields.parYield(at: date) }

    public func discountFactor(time: Double) -> Double { discountCurve.discountFactor(time: time) }
}

/// Par yields interpolated by monotone cubic Hermite splines in time
/// (ACT/365F years from the reference date), flat beyond the first and last
/// points: the interpolation of ``HermiteCurve`` without its discount factors.
///
/// Method: F. N. Fritsch and R. E. Carlson, "Monotone Piecewise Cubic
/// Interpolation", SIAM J. Numer. Anal. 17 (1980): secant-averaged tangents,
/// limited so that each piece stays monotone between its points.
public struct HermiteParYields: Sendable {
    public let referenceDate: CivilDate
    /// The input points, by maturity.
    public let points: [ParYield]
    private let times: [Double]
    private let yields: [Double]
    private let tangents: [Double]

    /// - Throws: ``CurveError`` for no, repeated, past or non-finite points.
    public init(referenceDate: CivilDate, parYields: [ParYield]) throws(CurveError) {
        let points = try DiscountCurve.validated(parYields, referenceDate: referenceDate)
        self.referenceDate = referenceDate
        self.points = points
        times = points.map { Double(referenceDate.days(to: $0.maturity)) / 365 }
        yields = points.map(\.yield)
        tangents = Self.monotoneTangents(times, yields)
    }

    /// The interpolated par yield (decimal) at `date`.
    public func parYield(at date: CivilDate) -> Double {
        Self.evaluate(Double(referenceDate.days(to: date)) / 365, curve: (times, yields, tangents))
    }

    static func evaluate(_ t: Double, curve: (times: [Double], yields: [Double], tangents: [Double])) -> Double {
        let (x, y, m) = curve
        guard x.count > 1 else { return y[0] }
        if t <= x[0] { return y[0] }
        if t >= x[x.count - 1] { return y[y.count - 1] }
        var k = 0
        while x[k + 1] < t { k += 1 }
        let h: Double = x[k + 1] - x[k]
        let s: Double = (t - x[k]) / h
        let s2: Double = s * s
        let s3: Double = s2 * s
        let h00: Double = 2 * s3 - 3 * s2 + 1
        let h10: Double = s3 - 2 * s2 + s
        let h01: Double = -2 * s3 + 3 * s2
        let h11: Double = s3 - s2
        return h00 * y[k] + h10 * h * m[k] + h01 * y[k + 1] + h11 * h * m[k + 1]
    }

    /// Fritsch–Carlson tangents.
    static func monotoneTangents(_ x: [Double], _ y: [Double]) -> [Double] {
        let n = x.count
        guard n > 1 else { return [0] }
        var secants = [Double](repeating: 0, count: n - 1)
        for k in 0..<(n - 1) {
            let rise: Double = y[k + 1] - y[k]
            let run: Double = x[k + 1] - x[k]
            secants[k] = rise / run
        }
        var m = [Double](repeating: 0, count: n)
        m[0] = secants[0]
        m[n - 1] = secants[n - 2]
        for k in 1..<(n - 1) {
            m[k] = secants[k - 1] * secants[k] > 0 ? (secants[k - 1] + secants[k]) / 2 : 0
        }
        for k in 0..<(n - 1) {
            if secants[k] == 0 {
                m[k] = 0
                m[k + 1] = 0
                continue
            }
            let alpha: Double = m[k] / secants[k]
            let beta: Double = m[k + 1] / secants[k]
            let radius: Double = alpha * alpha + beta * beta
            if radius > 9 {
                let tau: Double = 3 / radius.squareRoot()
                m[k] = tau * alpha * secants[k]
                m[k + 1] = tau * beta * secants[k]
            }
        }
        return m
    }
}
