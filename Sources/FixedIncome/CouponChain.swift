/// Coupon dates that several par bonds of a bootstrap share: a run of dates
/// one period apart, each keeping the same day of month (clamped), as
/// ``CouponDateWalk`` steps them, with the running sum of their discount
/// factors once the curve has fixed them.
///
/// Par bonds issued on one date and maturing on whole periods from it pay on
/// the same dates, so each date's discount factor is found once for the whole
/// bootstrap rather than once for every bond that pays on it.
struct CouponChain {
    /// Day number of the first date.
    let firstDay: Int
    /// The day of month the dates keep.
    let dayOfMonth: Int
    /// Years from the curve's reference date to each date generated so far.
    private var times: [Double] = []
    /// `sums[k]`: the discount factors of dates `0...k` added up, for the
    /// dates the curve has fixed so far.
    private var sums: [Double] = []
    private var walk: CouponDateWalk
    private let origin: Int

    /// The chain of `schedule`'s coupon dates, the first on day number
    /// `firstDay`; times count from day number `origin`. Schedules of one
    /// frequency share a chain when their first dates and maturity days of
    /// month are the same.
    init(schedule: CouponSchedule, firstDay: Int, origin: Int) {
        self.firstDay = firstDay
        dayOfMonth = schedule.maturityDate.day
        walk = CouponDateWalk(
            schedule: schedule, from: schedule.couponDate(periodsBeforeMaturity: schedule.periodCount - 1))
        self.origin = origin
        times.append(Double(firstDay - origin) / 365)
    }

    /// How many dates, from the first, have their discount factors fixed.
    var fixedCount: Int { sums.count }

    /// Years from the reference date to date `index`, generated already.
    func time(at index: Int) -> Double { times[index] }

    /// The discount factors of dates `0...index` added up, fixed already.
    func sum(through index: Int) -> Double { sums[index] }

    /// Generates dates until there are at least `count`.
    mutating func extend(to count: Int) {
        while times.count < count {
            walk.advance()
            times.append(Double(walk.dayNumber - origin) / 365)
        }
    }

    /// Fixes the discount factors of the dates up to `time` (inclusive) among
    /// the first `count`, with `discount` giving each one's factor.
    mutating func fix(through time: Double, count: Int, discount: (Double) -> Double) {
        while sums.count < count && times[sums.count] <= time {
            let factor = discount(times[sums.count])
            sums.append((sums.last ?? 0) + factor)
        }
    }
}
