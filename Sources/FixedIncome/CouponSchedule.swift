/// The coupon dates of a bond, generated backward from maturity.
///
/// With m months a period, the k-th coupon date before maturity is the
/// maturity date minus k·m months, each computed from maturity directly and
/// clamped to the end of a shorter month; dates are taken while they are after
/// the issue date. The first period runs from the issue date and is a short
/// stub unless the issue date is itself one of those dates. No business-day
/// adjustment: payments fall on their nominal dates.
public struct CouponSchedule: Sendable, Hashable {
    /// Start of the first accrual period.
    public let issueDate: CivilDate
    /// Date of the last coupon and of redemption.
    public let maturityDate: CivilDate
    /// Coupons a year.
    public let frequency: Frequency
    /// Number of coupon periods, at least 1.
    public let periodCount: Int
    /// Whether the first period is a whole regular period rather than a short stub.
    public let isFirstPeriodRegular: Bool

    /// Generates the schedule.
    ///
    /// - Throws: ``FixedIncomeError/maturityNotAfterIssue(issue:maturity:)``,
    ///   or ``FixedIncomeError/dateOutOfRange`` when the stub's reference
    ///   period would start before year 1.
    public init(issueDate: CivilDate, maturityDate: CivilDate, frequency: Frequency)
        throws(FixedIncomeError)
    {
        guard maturityDate > issueDate else {
            throw .maturityNotAfterIssue(issue: issueDate, maturity: maturityDate)
        }
        self.issueDate = issueDate
        self.maturityDate = maturityDate
        self.frequency = frequency
        let (count, onDate) = Self.datesBack(
            from: maturityDate, monthsPerPeriod: frequency.monthsPerPeriod, notAfter: issueDate)
        periodCount = count
        isFirstPeriodRegular = onDate
        if !onDate {
            let firstEnd = Self.date(from: maturityDate, monthsBack: (count - 1) * frequency.monthsPerPeriod)
            guard firstEnd.adding(months: -frequency.monthsPerPeriod) != nil else { throw .dateOutOfRange }
        }
    }

    /// The coupon date `k` periods before maturity (`k = 0` is maturity), for
    /// `0 <= k < periodCount`.
    @inlinable
    public func couponDate(periodsBeforeMaturity k: Int) -> CivilDate {
        Self.date(from: maturityDate, monthsBack: k * frequency.monthsPerPeriod)
    }

    /// The period with 0-based index `index` counted from the first.
    public func period(_ index: Int) -> CouponPeriod {
        precondition((0..<periodCount).contains(index), "period index out of range")
        return period(endingPeriodsBeforeMaturity: periodCount - 1 - index)
    }

    /// All periods, first to last.
    public var periods: [CouponPeriod] { (0..<periodCount).map { period($0) } }

    /// The 0-based index of the period `(start, end)` with `start <= date < end`,
    /// or `nil` when the date is before issue or on or after maturity.
    public func periodIndex(containing date: CivilDate) -> Int? {
        guard date >= issueDate, date < maturityDate else { return nil }
        return periodCount - periodsBeforeMaturity(containing: date)
    }

    /// For a date in `[issue, maturity)`, how many coupon dates from maturity
    /// backward are after it: the period holding it ends `k - 1` periods
    /// before maturity.
    @inlinable
    func periodsBeforeMaturity(containing date: CivilDate) -> Int {
        min(
            Self.datesBack(from: maturityDate, monthsPerPeriod: frequency.monthsPerPeriod, notAfter: date).count,
            periodCount)
    }

    /// The period whose end is `k` periods before maturity (`k = 0`: the last).
    @inlinable
    func period(endingPeriodsBeforeMaturity k: Int) -> CouponPeriod {
        let end = couponDate(periodsBeforeMaturity: k)
        if k < periodCount - 1 || isFirstPeriodRegular {
            let start = k < periodCount - 1 ? couponDate(periodsBeforeMaturity: k + 1) : issueDate
            return CouponPeriod(start: start, end: end, referenceStart: start, referenceEnd: end)
        }
        // Short first stub: measured against the regular period ending with it.
        let referenceStart = Self.date(from: end, monthsBack: frequency.monthsPerPeriod)
        return CouponPeriod(start: issueDate, end: end, referenceStart: referenceStart, referenceEnd: end)
    }

    /// `date` minus `months` months, clamped to the end of the month. The
    /// caller guarantees the result is a valid civil date.
    @inlinable
    static func date(from date: CivilDate, monthsBack months: Int) -> CivilDate {
        let index = date.year * 12 + date.month - 1 - months
        let year = index / 12
        let month = index - year * 12 + 1
        let day = min(date.day, CivilDate.daysInMonth(year: year, month: month))
        return CivilDate(unchecked: year, month, day)
    }

    /// The smallest k >= 1 with `maturity - k·m months <= limit`, and whether
    /// that date equals `limit`. Requires `limit < maturity`.
    @inlinable
    static func datesBack(from maturity: CivilDate, monthsPerPeriod m: Int, notAfter limit: CivilDate)
        -> (count: Int, onDate: Bool)
    {
        let months = limit.monthIndexDistance(to: maturity)
        let (whole, rest) = months.quotientAndRemainder(dividingBy: m)
        // A remainder puts date(whole + 1) in a month before limit's and
        // date(whole) in a month after it.
        guard rest == 0, whole > 0 else { return (whole + 1, false) }
        // date(whole) lies in limit's own month.
        let day = min(maturity.day, CivilDate.daysInMonth(year: limit.year, month: limit.month))
        if day <= limit.day { return (whole, day == limit.day) }
        return (whole + 1, false)
    }
}
