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
    /// The slope of the log discount factor over each segment, per year.
    private let slopes: [Double]
    private let identity = CurveIdentity()

    public var cacheIdentity: (AnyObject & Sendable)? { identity }

    /// Equal when their dates and nodes are.
    public static func == (lhs: DiscountCurve, rhs: DiscountCurve) -> Bool {
        lhs.referenceDate == rhs.referenceDate && lhs.times == rhs.times && lhs.discountFactors == rhs.discountFactors
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(referenceDate)
        hasher.combine(times)
        hasher.combine(discountFactors)
    }

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
        let logs = factors.map { Double.log($0) }
        logDiscounts = logs
        var slopes: [Double] = []
        for index in 0..<max(0, times.count - 1) {
            let rise: Double = logs[index + 1] - logs[index]
            let run: Double = times[index + 1] - times[index]
            slopes.append(rise / run)
        }
        self.slopes = slopes
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
        return .exp(logDiscounts[low] + slopes[low] * (t - times[low]))
    }

    public func discountFactor(time t: Double, segment: inout Int) -> Double {
        guard t > 0 else { return 1 }
        let last = times.count - 2
        guard last >= 0 else { return 1 }
        if segment > last || segment < 0 || times[segment] > t { segment = 0 }
        while segment < last && times[segment + 1] <= t { segment += 1 }
        return .exp(logDiscounts[segment] + slopes[segment] * (t - times[segment]))
    }
}

/// Stands for one curve's values in caches (see ``YieldCurve/cacheIdentity``).
final class CurveIdentity: Sendable {}
