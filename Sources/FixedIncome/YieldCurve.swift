/// A term structure of interest rates seen from a reference date: discount
/// factors for any later date, and the rates they imply. Times are years
/// from the reference date on ACT/365F.
public protocol YieldCurve: Sendable {
    /// The date the curve is seen from; its discount factor is 1.
    var referenceDate: CivilDate { get }
    /// The discount factor at `time` years from the reference date.
    func discountFactor(time: Double) -> Double
    /// The discount factor at `time`, searching for its place on the curve
    /// from `segment` and leaving there the place found: the same value as
    /// ``discountFactor(time:)``, found faster for increasing times.
    func discountFactor(time: Double, segment: inout Int) -> Double
    /// An object that stands for the curve's values for as long as it lives,
    /// shared by its copies, so that a cache of those values can tell the
    /// curve again; `nil` (the default) when they are not to be cached.
    var cacheIdentity: (AnyObject & Sendable)? { get }
}

extension YieldCurve {
    public func discountFactor(time: Double, segment: inout Int) -> Double { discountFactor(time: time) }

    public var cacheIdentity: (AnyObject & Sendable)? { nil }

    /// Years from the reference date to `date`, ACT/365F.
    @inlinable
    public func time(to date: CivilDate) -> Double {
        Double(referenceDate.days(to: date)) / 365
    }

    /// The discount factor at `date`.
    public func discountFactor(at date: CivilDate) -> Double { discountFactor(time: time(to: date)) }

    /// The zero rate (decimal) to `date` under `compounding`; at the
    /// reference date itself, the limit from a day later.
    public func zeroRate(at date: CivilDate, compounding: Compounding = .continuous) -> Double {
        let t = max(time(to: date), 1.0 / 365)
        return compounding.rate(discountFactor: discountFactor(time: t), time: t)
    }

    /// The forward rate (decimal) from `start` to `end` under `compounding`.
    public func forwardRate(from start: CivilDate, to end: CivilDate, compounding: Compounding = .continuous) -> Double
    {
        let t1 = time(to: start)
        let t2 = max(time(to: end), t1 + 1.0 / 365)
        return compounding.rate(discountFactor: discountFactor(time: t2) / discountFactor(time: t1), time: t2 - t1)
    }

    /// The coupon rate (decimal) at which a bond issued on the reference date
    /// and maturing on `maturity` prices at par, with coupons generated backward
    /// from maturity as ``CouponSchedule`` does.
    public func parRate(maturity: CivilDate, frequency: Frequency = .annual, dayCount: DayCount = .actualActualICMA)
        -> Double
    {
        guard let schedule = try? CouponSchedule(issueDate: referenceDate, maturityDate: maturity, frequency: frequency)
        else { return .nan }
        var annuity = 0.0
        for period in schedule.periods {
            annuity += period.length(dayCount: dayCount, frequency: frequency) * discountFactor(at: period.end)
        }
        return (1 - discountFactor(at: maturity)) / annuity
    }
}
