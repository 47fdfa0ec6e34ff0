/// Nonlinear least squares: the parameters that minimise the sum of squared
/// residuals.
///
/// Method: Levenberg–Marquardt with Marquardt's diagonal scaling (J. J. Moré,
/// "The Levenberg-Marquardt algorithm: implementation and theory", 1978, in a
/// simple form): solve (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr by Cholesky, accept the
/// step if the sum of squares falls (λ shrinks), else grow λ. The Jacobian is
/// given by the caller.
enum LevenbergMarquardt {
    struct Result {
        var parameters: [Double]
        var sumOfSquares: Double
        var iterations: Int
    }

    /// - Parameters:
    ///   - residualsAndJacobian: the residuals at the parameters and their
    ///     Jacobian, one row per residual.
    ///   - bounds: a range for each parameter, steps are projected into them.
    static func minimize(
        start: [Double], bounds: [ClosedRange<Double>]? = nil, maximumIterations: Int = 200,
        _ residualsAndJacobian: ([Double]) -> (residuals: [Double], jacobian: [[Double]])
    ) -> Result {
        var x = start
        var (r, jacobian) = residualsAndJacobian(x)
        var cost = r.reduce(0) { $0 + $1 * $1 }
        var lambda = 1e-3
        let n = x.count
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            var normal = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var gradient = [Double](repeating: 0, count: n)
            for (row, residual) in zip(jacobian, r) {
                for a in 0..<n {
                    gradient[a] += row[a] * residual
                    for b in 0...a { normal[a][b] += row[a] * row[b] }
                }
            }
            for a in 0..<n { for b in 0..<a { normal[b][a] = normal[a][b] } }
            var improved = false
            for _ in 0..<30 {
                var damped = normal
                for a in 0..<n { damped[a][a] += lambda * max(normal[a][a], 1e-12) }
                guard let step = solve(damped, gradient.map { -$0 }) else {
                    lambda *= 10
                    continue
                }
                var candidate = zip(x, step).map(+)
                if let bounds {
                    for index in candidate.indices {
                        candidate[index] = min(
                            max(candidate[index], bounds[index].lowerBound), bounds[index].upperBound)
                    }
                }
                let (candidateResiduals, candidateJacobian) = residualsAndJacobian(candidate)
                let candidateCost = candidateResiduals.reduce(0) { $0 + $1 * $1 }
                if candidateCost.isFinite && candidateCost < cost {
                    let relative = (cost - candidateCost) / max(cost, 1e-300)
                    x = candidate
                    r = candidateResiduals
                    jacobian = candidateJacobian
                    cost = candidateCost
                    lambda = max(lambda / 10, 1e-12)
                    improved = true
                    if relative < 1e-15 { return Result(parameters: x, sumOfSquares: cost, iterations: iterations) }
                    break
                }
                lambda *= 10
            }
            if !improved { break }
        }
        return Result(parameters: x, sumOfSquares: cost, iterations: iterations)
    }

    /// Solves a symmetric positive definite system by Cholesky; `nil` if it is not.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        let n = vector.count
        var lower = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = vector[i]
            for k in 0..<i { sum -= lower[i][k] * y[k] }
            y[i] = sum / lower[i][i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= lower[k][i] * x[k] }
            x[i] = sum / lower[i][i]
        }
        return x
    }
}
