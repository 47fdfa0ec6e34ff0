/// Summary statistics of a sample of numbers.
public struct SampleStatistics: Sendable, Hashable, Codable {
    public var count: Int
    public var mean: Double
    public var median: Double
    /// The sample standard deviation (n − 1 in the denominator); 0 for one value.
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double

    /// `nil` for an empty sample.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = DoubleSorting.ascending(values)
        count = sorted.count
        // Pairwise-free summation is enough here: samples are small and of one scale.
        mean = sorted.reduce(0, +) / Double(count)
        let middle = count / 2
        median = count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        if count > 1 {
            let mean = mean
            let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            standardDeviation = (squares / Double(count - 1)).squareRoot()
        } else {
            standardDeviation = 0
        }
        minimum = sorted[0]
        maximum = sorted[count - 1]
    }

    /// The two-sided 95 % confidence interval of the mean, by Student's t
    /// with n − 1 degrees of freedom; `nil` for fewer than 2 values.
    public var confidenceInterval95: ClosedRange<Double>? {
        guard count > 1 else { return nil }
        let half = Self.studentT975(degreesOfFreedom: count - 1) * standardDeviation / Double(count).squareRoot()
        return (mean - half)...(mean + half)
    }

    /// The 97.5 % quantile of Student's t distribution.
    ///
    /// Method: exact values to 8 decimals for 1 to 30 degrees of freedom
    /// (as tabulated, e.g. by SciPy's `stats.t.ppf(0.975, df)`); beyond, the
    /// Cornish–Fisher expansion about the normal quantile (Abramowitz &
    /// Stegun 26.7.5), within 1e-7 for 30 or more degrees of freedom.
    public static func studentT975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1)
        if df <= table.count { return table[df - 1] }
        let z = 1.959963984540054
        let v = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        let z9 = z7 * z * z
        var t = z
        t += (z3 + z) / (4 * v)
        t += (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
        t += (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
        t += (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v)
        return t
    }

    private static let table: [Double] = [
        12.70620474, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414,
        2.26215716, 2.22813885, 2.20098516, 2.17881283, 2.16036866, 2.14478669, 2.13144955, 2.11990530,
        2.10981558, 2.10092204, 2.09302405, 2.08596345, 2.07961384, 2.07387307, 2.06865761, 2.06389856,
        2.05953855, 2.05552944, 2.05183052, 2.04840714, 2.04522964, 2.04227246,
    ]
}

/// The least-squares line through points `(x, y)`.
struct LinearFit {
    var slope: Double
    var intercept: Double

    /// `nil` for fewer than 2 points or a single x.
    init?(_ points: [(x: Double, y: Double)]) {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.x } / n
        let meanY = points.reduce(0) { $0 + $1.y } / n
        var sxx = 0.0
        var sxy = 0.0
        for point in points {
            sxx += (point.x - meanX) * (point.x - meanX)
            sxy += (point.x - meanX) * (point.y - meanY)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
    }
}
