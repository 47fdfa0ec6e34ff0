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
        let origin = referenceDate.dayNumber
        var times: [Double] = [0]
        var logs: [Double] = [0]
        var factors: [Double] = [1]
        times.reserveCapacity(points.count + 1)
        logs.reserveCapacity(points.count + 1)
        factors.reserveCapacity(points.count + 1)
        var flows: [(time: Double, amount: Double)] = []
        var moving: [(amount: Double, weight: Double)] = []
        for point in points {
            let schedule: CouponSchedule
            do {
                schedule = try CouponSchedule(
                    issueDate: referenceDate, maturityDate: point.maturity, frequency: frequency)
            } catch {
                throw .bootstrapFailed(maturity: point.maturity, reason: error.description)
            }
            flows.removeAll(keepingCapacity: true)
            for back in stride(from: schedule.periodCount - 1, through: 0, by: -1) {
                let period = schedule.period(endingPeriodsBeforeMaturity: back)
                // A regular ACT/ACT-ICMA period is 1/f years: days / (f · the same days).
                let length =
                    dayCount == .actualActualICMA && period.isRegular
                    ? 1 / frequency.perYear : period.length(dayCount: dayCount, frequency: frequency)
                flows.append((Double(period.end.dayNumber - origin) / 365, 100 * point.yield * length))
            }
            flows[flows.count - 1].amount += 100
            let nodeTime = Double(point.maturity.dayNumber - origin) / 365
            let previousTime = times[times.count - 1]
            let previousLog = logs[logs.count - 1]
            // Price as a function of u = log DF(node): cash flows up to the
            // previous node are fixed (log-linear between known nodes, found by
            // a cursor since flows ascend); later ones interpolate towards u.
            var fixedValue = 0.0
            moving.removeAll(keepingCapacity: true)
            var node = 1
            for flow in flows {
                if flow.time <= previousTime {
                    while times[node] < flow.time { node += 1 }
                    if times[node] == flow.time {
                        fixedValue += flow.amount * factors[node]
                        continue
                    }
                    let slope = (logs[node] - logs[node - 1]) / (times[node] - times[node - 1])
                    fixedValue += flow.amount * .exp(logs[node - 1] + slope * (flow.time - times[node - 1]))
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
            factors.append(.exp(u))
        }
        return DiscountCurve(referenceDate: referenceDate, times: times, discountFactors: factors)
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
