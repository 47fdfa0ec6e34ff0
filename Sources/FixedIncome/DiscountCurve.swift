import RealModule

/// A curve of discount factors at node times, log-linear in between (flat
/// forward rates between nodes) and flat forward beyond the last node.
public struct DiscountCurve: YieldCurve, Hashable {
    public let referenceDate: CivilDate
    /// Node times in years from the reference date (ACT/365F), starting at 0.
    public let times: [Double]
    /// Discount factors at the node times, starting at 1.
    public let discountFactors: [Double]
    private let logDiscounts: [Double]

    /// A curve through the given nodes; a node at time 0 with factor 1 is
    /// added when missing.
    public init(referenceDate: CivilDate, times: [Double], discountFactors: [Double]) {
        precondition(times.count == discountFactors.count, "one discount factor per time")
        var times = times
        var factors = discountFactors
        if times.first != 0 {
            times.insert(0, at: 0)
            factors.insert(1, at: 0)
        }
        self.referenceDate = referenceDate
        self.times = times
        self.discountFactors = factors
        logDiscounts = factors.map { .log($0) }
    }

    public func discountFactor(time t: Double) -> Double {
        guard t > 0 else { return 1 }
        let count = times.count
        guard count > 1 else { return 1 }
        // The segment holding t: the last node at or before it, capped so that
        // beyond the last node the last segment's forward rate continues.
        var low = 0
        var high = count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if times[middle] <= t { low = middle } else { high = middle }
        }
        if t >= times[count - 1] { low = count - 2 }
        let t0 = times[low]
        let t1 = times[low + 1]
        let slope = (logDiscounts[low + 1] - logDiscounts[low]) / (t1 - t0)
        return .exp(logDiscounts[low] + slope * (t - t0))
    }
}
