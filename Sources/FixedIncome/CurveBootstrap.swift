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
        var chains: [CouponChain] = []
        for point in points {
            let schedule: CouponSchedule
            do {
                schedule = try CouponSchedule(
                    issueDate: referenceDate, maturityDate: point.maturity, frequency: frequency)
            } catch {
                throw .bootstrapFailed(maturity: point.maturity, reason: error.description)
            }
            let nodeTime = Double(point.maturity.dayNumber - origin) / 365
            let previousTime = times[times.count - 1]
            let previousLog = logs[logs.count - 1]
            /// The discount factor at a time up to the previous node: log-linear
            /// between known nodes, found by a cursor since times ascend.
            var node = 1
            func knownDiscount(_ time: Double) -> Double {
                while times[node] < time { node += 1 }
                if times[node] == time { return factors[node] }
                let slope = (logs[node] - logs[node - 1]) / (times[node] - times[node - 1])
                return .exp(logs[node - 1] + slope * (time - times[node - 1]))
            }
            // Price as a function of u = log DF(node): cash flows up to the
            // previous node are fixed; later ones interpolate towards u.
            var fixedValue = 0.0
            moving.removeAll(keepingCapacity: true)
            let periods = schedule.periodCount
            let firstLength = schedule.period(0).length(dayCount: dayCount, frequency: frequency)
            if dayCount == .actualActualICMA {
                // Every period after the first is 1/f years: days / (f · the same days).
                let firstDay = schedule.couponDate(periodsBeforeMaturity: periods - 1).dayNumber
                let dayOfMonth = point.maturity.day
                let chain: Int
                if let found = chains.firstIndex(where: { $0.firstDay == firstDay && $0.dayOfMonth == dayOfMonth }) {
                    chain = found
                } else {
                    chains.append(CouponChain(schedule: schedule, firstDay: firstDay, origin: origin))
                    chain = chains.count - 1
                }
                chains[chain].extend(to: periods)
                chains[chain].fix(through: previousTime, count: periods, discount: knownDiscount)
                let fixed = min(chains[chain].fixedCount, periods)
                let coupon = 100 * point.yield
                if fixed > 0 {
                    let first = chains[chain].sum(through: 0)
                    let rest = chains[chain].sum(through: fixed - 1) - first
                    fixedValue = coupon * (firstLength * first + rest / frequency.perYear)
                }
                for index in fixed..<periods {
                    let length = index == 0 ? firstLength : 1 / frequency.perYear
                    let amount = coupon * length + (index == periods - 1 ? 100 : 0)
                    let weight = (chains[chain].time(at: index) - previousTime) / (nodeTime - previousTime)
                    moving.append((amount, weight))
                }
            } else {
                flows.removeAll(keepingCapacity: true)
                var walk = CouponDateWalk(
                    schedule: schedule, from: schedule.couponDate(periodsBeforeMaturity: periods - 1))
                for index in 0..<periods {
                    if index > 0 { walk.advance() }
                    let length =
                        index == 0
                        ? firstLength : schedule.period(index).length(dayCount: dayCount, frequency: frequency)
                    flows.append((Double(walk.dayNumber - origin) / 365, 100 * point.yield * length))
                }
                flows[flows.count - 1].amount += 100
                for flow in flows {
                    if flow.time <= previousTime {
                        fixedValue += flow.amount * knownDiscount(flow.time)
                    } else {
                        moving.append((flow.amount, (flow.time - previousTime) / (nodeTime - previousTime)))
                    }
                }
            }
            var u = previousLog - point.yield * (nodeTime - previousTime)
            var solved = false
            if moving.count == 1, fixedValue < 100 {
                // One payment left to the node: a·exp(p + (u − p)·w) = 100 − fixed, solved exactly.
                let flow = moving[0]
                u = previousLog + (Double.log((100 - fixedValue) / flow.amount) - previousLog) / flow.weight
                solved = true
            }
            for _ in 0..<(solved ? 0 : 100) {
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
