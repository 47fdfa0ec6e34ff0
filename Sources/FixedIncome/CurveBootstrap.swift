import RealModule

extension DiscountCurve {
    /// Bootstraps discount factors from par yields: each point is a bond
    /// issued on the reference date and maturing at its maturity, paying its
    /// yield as coupons (`frequency` a year, `dayCount`), priced at 100. Node
    /// by node, the discount factor at each maturity is the one that reprices
    /// its bond, with factors log-linear between nodes.
    ///
    /// Method: sequential bootstrap (Hagan & West, "Interpolation Methods for
    /// Curve Construction", 2006, §2), each node solved by Newton's method in
    /// the log of the discount factor, on which the bond's price is monotone.
    ///
    /// - Throws: ``CurveError`` for no, repeated, past or non-finite points, or
    ///   a bond no positive discount factor reprices.
    public static func bootstrap(
        referenceDate: CivilDate, parYields: [ParYield], frequency: Frequency = .annual,
        dayCount: DayCount = .actualActualICMA
    ) throws(CurveError) -> DiscountCurve {
        let points = try validated(parYields, referenceDate: referenceDate)
        var times: [Double] = [0]
        var logs: [Double] = [0]
        for point in points {
            let schedule: CouponSchedule
            do {
                schedule = try CouponSchedule(
                    issueDate: referenceDate, maturityDate: point.maturity, frequency: frequency)
            } catch {
                throw .bootstrapFailed(maturity: point.maturity, reason: error.description)
            }
            let cashFlows =
                schedule.periods.map { period in
                    (
                        time: Double(referenceDate.days(to: period.end)) / 365,
                        amount: 100 * point.yield * period.length(dayCount: dayCount, frequency: frequency)
                    )
                } + [(time: Double(referenceDate.days(to: point.maturity)) / 365, amount: 100.0)]
            let nodeTime = Double(referenceDate.days(to: point.maturity)) / 365
            let previousTime = times[times.count - 1]
            let previousLog = logs[logs.count - 1]
            let known = DiscountCurve(
                referenceDate: referenceDate, times: times, discountFactors: logs.map { .exp($0) })
            // Price as a function of u = log DF(node): cash flows up to the
            // previous node are fixed; later ones interpolate towards u.
            var fixedValue = 0.0
            var moving: [(amount: Double, weight: Double)] = []
            for flow in cashFlows {
                if flow.time <= previousTime {
                    fixedValue += flow.amount * known.discountFactor(time: flow.time)
                } else {
                    moving.append((flow.amount, (flow.time - previousTime) / (nodeTime - previousTime)))
                }
            }
            var u = previousLog - point.yield * (nodeTime - previousTime)
            var solved = false
            for _ in 0..<100 {
                var value = fixedValue - 100
                var slope = 0.0
                for flow in moving {
                    let discount = Double.exp(previousLog + (u - previousLog) * flow.weight)
                    value += flow.amount * discount
                    slope += flow.amount * discount * flow.weight
                }
                guard slope != 0, value.isFinite, slope.isFinite else { break }
                let step = value / slope
                u -= step
                if abs(step) < 1e-15 {
                    solved = true
                    break
                }
            }
            guard solved, u.isFinite else {
                throw .bootstrapFailed(maturity: point.maturity, reason: "Newton's method did not converge")
            }
            times.append(nodeTime)
            logs.append(u)
        }
        return DiscountCurve(referenceDate: referenceDate, times: times, discountFactors: logs.map { .exp($0) })
    }

    /// The points sorted by maturity, after checking them.
    static func validated(_ points: [ParYield], referenceDate: CivilDate) throws(CurveError) -> [ParYield] {
        guard !points.isEmpty else { throw .noPoints }
        let sorted = points.sorted { $0.maturity < $1.maturity }
        for (index, point) in sorted.enumerated() {
            guard point.yield.isFinite else { throw .invalidYield(point.yield) }
            guard point.maturity > referenceDate else { throw .maturityNotAfterReference(point.maturity) }
            if index > 0 && sorted[index - 1].maturity == point.maturity { throw .repeatedMaturity(point.maturity) }
        }
        return sorted
    }
}
