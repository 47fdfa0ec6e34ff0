/// Roots of functions of one variable.
enum RootFinder {
    /// A root of `f` in `[low, high]`, where `f` changes sign, to `tolerance`.
    ///
    /// Method: Brent's method (R. P. Brent, "Algorithms for Minimization
    /// without Derivatives", 1973, ch. 4): inverse quadratic interpolation or
    /// secant steps, falling back to bisection, so that the bracket always
    /// shrinks.
    static func brent(
        _ low: Double, _ high: Double, tolerance: Double = 1e-14, maximumIterations: Int = 200, _ f: (Double) -> Double
    )
        -> Double?
    {
        var a = low
        var b = high
        var fa = f(a)
        var fb = f(b)
        guard fa.isFinite, fb.isFinite, fa * fb <= 0 else { return nil }
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maximumIterations {
            if fb * fc > 0 {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b
                b = c
                c = a
                fa = fb
                fb = fc
                fc = fa
            }
            let tolerance1 = 2 * Double.ulpOfOne * abs(b) + tolerance / 2
            let middle = (c - b) / 2
            if abs(middle) <= tolerance1 || fb == 0 { return b }
            if abs(e) >= tolerance1 && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * middle * s
                    q = 1 - s
                } else {
                    let r = fb / fc
                    let t = fa / fc
                    p = s * (2 * middle * t * (t - r) - (b - a) * (r - 1))
                    q = (t - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * middle * q - abs(tolerance1 * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = middle
                    e = d
                }
            } else {
                d = middle
                e = d
            }
            a = b
            fa = fb
            b += abs(d) > tolerance1 ? d : (middle > 0 ? tolerance1 : -tolerance1)
            fb = f(b)
            guard fb.isFinite else { return nil }
        }
        return nil
    }

    /// Widens `[low, high]` outward from a guess until `f` changes sign.
    static func bracket(_ guess: Double, step: Double, limit: ClosedRange<Double>, _ f: (Double) -> Double)
        -> (Double, Double)?
    {
        var low = max(guess - step, limit.lowerBound)
        var high = min(guess + step, limit.upperBound)
        var width = step
        for _ in 0..<60 {
            if f(low) * f(high) <= 0 { return (low, high) }
            width *= 2
            low = max(low - width, limit.lowerBound)
            high = min(high + width, limit.upperBound)
        }
        return nil
    }
}
