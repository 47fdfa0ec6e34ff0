/// The payments of a bond still to come after a settlement date, with the
/// time to each, ready to be priced at any yield.
///
/// Built as spec/bond-analytics.md states: payments on or before settlement
/// count no more; the time to each later payment walks the remaining periods
/// from settlement, the first step being the period's year fraction minus the
/// accrued fraction, every later step a whole period's year fraction. A
/// value can be reloaded with ``load(bond:settlement:)`` to reuse its storage
/// when pricing many bonds in a row.
public struct RemainingCashFlows: Sendable {
    /// The settlement date the flows are seen from.
    public internal(set) var settlement: CivilDate
    /// Coupons a year, also the compounding frequency of yields.
    public internal(set) var frequency: Frequency
    /// Interest accrued at settlement, per 100 face.
    public internal(set) var accruedInterest: Double
    /// The number of remaining non-zero payments.
    public internal(set) var count: Int

    /// Payment amounts per 100 face; the first `count` are in use.
    var amountStorage: [Double]
    /// Time in years to each payment; the first `count` are in use.
    var timeStorage: [Double]
    /// For each payment after the first, the index in `stepExponents` of the
    /// exponent `f·(T_j - T_{j-1})` that separates it from the one before.
    var stepClassStorage: [UInt8]
    /// The distinct exponent steps between consecutive payments (at most
    /// ``maximumStepClasses``), or none when there were more: then every
    /// discount factor is computed on its own.
    var stepExponents: [Double]
    /// Storage for ``FlowWriter/periodSlots``.
    var periodSlots: [PeriodSlot]

    /// Steps between payments take few distinct values (a period is 181 to
    /// 184 days, say); more than this many and the recurrence is not used.
    static let maximumStepClasses = 8

    /// Each remaining non-zero payment per 100 face, in date order; the
    /// redemption of 100 is added to the last coupon, which shares its date.
    public var amounts: [Double] { Array(amountStorage.prefix(count)) }
    /// Time in years from settlement to each payment of ``amounts``.
    public var times: [Double] { Array(timeStorage.prefix(count)) }

    /// Empty flows, to be filled by ``load(bond:settlement:)``.
    public init() {
        settlement = CivilDate(unchecked: 1970, 1, 1)
        frequency = .annual
        accruedInterest = 0
        count = 0
        amountStorage = []
        timeStorage = []
        stepClassStorage = []
        stepExponents = []
        periodSlots = Array(repeating: PeriodSlot(), count: PeriodSlot.count)
    }

    /// The flows of `bond` after `settlement`.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    public init(bond: FixedRateBond, settlement: CivilDate) throws(FixedIncomeError) {
        self.init()
        try load(bond: bond, settlement: settlement)
    }

    /// Replaces the contents with the flows of `bond` after `settlement`,
    /// keeping the storage.
    ///
    /// - Throws: ``FixedIncomeError/settlementOutsideLife(settlement:issue:maturity:)``.
    public mutating func load(bond: FixedRateBond, settlement: CivilDate) throws(FixedIncomeError) {
        let schedule = bond.schedule
        guard settlement >= schedule.issueDate, settlement < schedule.maturityDate else {
            throw .settlementOutsideLife(
                settlement: settlement, issue: schedule.issueDate, maturity: schedule.maturityDate)
        }
        self.settlement = settlement
        frequency = schedule.frequency
        let dayCount = bond.dayCount
        let remaining = schedule.periodsBeforeMaturity(containing: settlement)
        let holding = schedule.period(endingPeriodsBeforeMaturity: remaining - 1)
        let (accruedFraction, holdingFraction) = holding.yearFractions(
            to: settlement, dayCount: dayCount, frequency: frequency)
        accruedInterest = 100 * (bond.couponRate * accruedFraction)

        // At most one payment a period, plus the redemption when no coupon is paid.
        reserve(remaining + 1)
        var writer = FlowWriter(
            rate: bond.couponRate, unitExponent: frequency.perYear / dayCount.unitsPerYear(frequency))
        write(with: &writer) { writer in
            Self.fill(
                &writer, schedule: schedule, dayCount: dayCount, holding: holding, remaining: remaining,
                firstTime: holdingFraction - accruedFraction, holdingFraction: holdingFraction)
        }
    }

    /// Makes the storage hold at least `capacity` payments.
    mutating func reserve(_ capacity: Int) {
        if amountStorage.count < capacity {
            let grown = max(capacity, 2 * amountStorage.count)
            amountStorage = Array(repeating: 0, count: grown)
            timeStorage = Array(repeating: 0, count: grown)
            stepClassStorage = Array(repeating: 0, count: grown)
        }
        if stepExponents.isEmpty { stepExponents = Array(repeating: 0, count: Self.maximumStepClasses) }
    }

    /// Lets `writer` write into the storage (which must hold what it will
    /// write) through `body`, its period slots emptied, then takes its count
    /// and step classes.
    mutating func write(with writer: inout FlowWriter, _ body: (inout FlowWriter) -> Void) {
        amountStorage.withUnsafeMutableBufferPointer { amounts in
            timeStorage.withUnsafeMutableBufferPointer { times in
                stepClassStorage.withUnsafeMutableBufferPointer { classes in
                    stepExponents.withUnsafeMutableBufferPointer { steps in
                        periodSlots.withUnsafeMutableBufferPointer { periodSlots in
                            for index in periodSlots.indices { periodSlots[index].units = -1 }
                            writer.amounts = amounts.baseAddress!
                            writer.times = times.baseAddress!
                            writer.classes = classes.baseAddress!
                            writer.steps = steps.baseAddress!
                            writer.periodSlots = periodSlots.baseAddress!
                            body(&writer)
                        }
                    }
                }
            }
        }
        count = writer.count
        stepClassCount = writer.classCount <= Self.maximumStepClasses ? writer.classCount : 0
    }

    /// How many entries of `stepExponents` are in use; 0 when the recurrence
    /// is not used.
    var stepClassCount = 0

    /// The discount factors of the last bootstrapped curve flows were
    /// discounted on, kept for the next bond on the same curve.
    var dayDiscounts = DayDiscounts()

    /// Writes the remaining payments and their times.
    ///
    /// The periods after the one holding settlement are whole regular periods,
    /// each measured against itself; each day count gets the cheapest loop
    /// that gives exactly its year fractions, counted in whole units (days, or
    /// periods for ACT/ACT-ICMA) so that steps between payments can be classed.
    private static func fill(
        _ writer: inout FlowWriter, schedule: CouponSchedule, dayCount: DayCount, holding: CouponPeriod,
        remaining: Int, firstTime: Double, holdingFraction: Double
    ) {
        writer.time = firstTime
        writer.pay(fraction: holdingFraction, units: 0)
        let later = remaining - 1
        guard later > 0 else { return writer.redeem() }
        // A loop for each day count, so that none chooses at every step; each
        // period's year fraction is its units over the day count's units a year.
        let basis = dayCount.unitsPerYear(schedule.frequency)
        if writer.rate == 0 {
            // Nothing is paid before the redemption: only the time moves on.
            var clock = PeriodClock(time: writer.time, basis: basis)
            walkPeriods(&writer, &clock, periods: later, dayCount: dayCount, schedule: schedule, from: holding.end)
            writer.time = clock.time
        } else {
            var run = writer.startPeriods(basis: basis)
            walkPeriods(&writer, &run, periods: later, dayCount: dayCount, schedule: schedule, from: holding.end)
            writer.finish(run)
        }
        writer.redeem()
    }

    /// Hands the `periods` whole periods of `schedule` after `start` to
    /// `run`, each counted in the units of `dayCount`.
    @inline(__always)
    private static func walkPeriods<Periods: WholePeriods>(
        _ writer: inout FlowWriter, _ run: inout Periods, periods: Int, dayCount: DayCount,
        schedule: CouponSchedule, from start: CivilDate
    ) {
        switch dayCount {
        case .actualActualICMA:
            // days / (f · days) is exactly 1/f: one unit, a period.
            for _ in 0..<periods { run.pay(units: 1, writer: &writer) }
        case .actual365Fixed, .actual360:
            let walk = CouponDateWalk(schedule: schedule, from: start)
            payDays(&writer, &run, periods: periods, from: walk, ActualDays.self)
        case .noLeap365:
            let walk = CouponDateWalk(schedule: schedule, from: start)
            payDays(&writer, &run, periods: periods, from: walk, NoLeapDays.self)
        case .thirty360:
            payThirty360Days(&writer, &run, periods: periods, from: CouponDateWalk(schedule: schedule, from: start))
        }
    }

    // A function for each kind of walk (days numbered one way or another, or
    // 30/360), so that none chooses at every step, each small enough that
    // the compiler inlines the walk's steps into it (within one larger
    // function it did not).

    /// Pays `periods` whole periods after the walk's date, counted in days
    /// as `Numbering` numbers them.
    @inline(never)
    private static func payDays<Numbering: DayNumbering, Periods: WholePeriods>(
        _ writer: inout FlowWriter, _ run: inout Periods, periods: Int, from walk: CouponDateWalk, _: Numbering.Type
    ) {
        var walk = walk
        // A copy of the run's state, which the loop keeps in registers; the
        // parameter itself lives in memory.
        var periodRun = run
        defer { run = periodRun }
        var start = Numbering.dayNumber(of: walk)
        for _ in 0..<periods {
            walk.advance()
            let end = Numbering.dayNumber(of: walk)
            periodRun.pay(units: end &- start, writer: &writer)
            start = end
        }
    }

    /// Pays `periods` whole periods after the walk's date under 30/360.
    @inline(never)
    private static func payThirty360Days<Periods: WholePeriods>(
        _ writer: inout FlowWriter, _ run: inout Periods, periods: Int, from walk: CouponDateWalk
    ) {
        var walk = walk
        var periodRun = run
        defer { run = periodRun }
        for _ in 0..<periods { periodRun.pay(units: walk.advanceThirty360Days(), writer: &writer) }
    }
}

extension DayCount {
    /// The units a year fraction counts per year: 365 or 360 days, or the
    /// `frequency` periods of ACT/ACT-ICMA.
    func unitsPerYear(_ frequency: Frequency) -> Double {
        switch self {
        case .actualActualICMA: return frequency.perYear
        case .actual365Fixed, .noLeap365: return 365
        case .actual360, .thirty360: return 360
        }
    }
}
