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
    /// Storage for ``FlowWriter/periods``.
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
    /// write) through `body`, then takes its count and step classes.
    mutating func write(with writer: inout FlowWriter, _ body: (inout FlowWriter) -> Void) {
        amountStorage.withUnsafeMutableBufferPointer { amounts in
            timeStorage.withUnsafeMutableBufferPointer { times in
                stepClassStorage.withUnsafeMutableBufferPointer { classes in
                    stepExponents.withUnsafeMutableBufferPointer { steps in
                        periodSlots.withUnsafeMutableBufferPointer { periods in
                            for index in periods.indices { periods[index].units = -1 }
                            writer.amounts = amounts.baseAddress!
                            writer.times = times.baseAddress!
                            writer.classes = classes.baseAddress!
                            writer.steps = steps.baseAddress!
                            writer.periods = periods.baseAddress!
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
        switch dayCount {
        case .actualActualICMA:
            // days / (f · days) is exactly 1/f: one unit, a period.
            var run = writer.startPeriods(basis: basis)
            for _ in 0..<later { run.pay(units: 1, writer: &writer) }
            writer.finish(run)
        case .actual365Fixed, .actual360:
            payDays(
                &writer, periods: later, basis: basis, from: CouponDateWalk(schedule: schedule, from: holding.end),
                ActualDays.self)
        case .noLeap365:
            payDays(
                &writer, periods: later, basis: basis, from: CouponDateWalk(schedule: schedule, from: holding.end),
                NoLeapDays.self)
        case .thirty360:
            payThirty360Days(&writer, periods: later, from: CouponDateWalk(schedule: schedule, from: holding.end))
        }
        writer.redeem()
    }

    // A function for each day count's walk, so that none chooses at every
    // step, and each small enough that the compiler inlines the walk's steps
    // into it (within one larger function it did not).

    /// Pays `periods` whole periods after the walk's date, counted in days
    /// as `Numbering` numbers them.
    @inline(never)
    private static func payDays<Numbering: DayNumbering>(
        _ writer: inout FlowWriter, periods: Int, basis: Double, from walk: CouponDateWalk, _: Numbering.Type
    ) {
        var walk = walk
        var run = writer.startPeriods(basis: basis)
        var start = Numbering.dayNumber(of: walk)
        for _ in 0..<periods {
            walk.advance()
            let end = Numbering.dayNumber(of: walk)
            run.pay(units: end &- start, writer: &writer)
            start = end
        }
        writer.finish(run)
    }

    /// Pays `periods` whole periods after the walk's date under 30/360.
    @inline(never)
    private static func payThirty360Days(_ writer: inout FlowWriter, periods: Int, from walk: CouponDateWalk) {
        var walk = walk
        var run = writer.startPeriods(basis: 360)
        for _ in 0..<periods { run.pay(units: walk.advanceThirty360Days(), writer: &writer) }
        writer.finish(run)
    }
}

/// Appends payments to the storage of ``RemainingCashFlows``, classing the
/// steps between them.
struct FlowWriter {
    let rate: Double
    /// The exponent `f·T` of one unit of time (a day, or a period).
    let unitExponent: Double
    var amounts: UnsafeMutablePointer<Double>!
    var times: UnsafeMutablePointer<Double>!
    var classes: UnsafeMutablePointer<UInt8>!
    var steps: UnsafeMutablePointer<Double>!
    /// Periods met, by length: ``PeriodSlot/count`` slots, empty at the start.
    var periods: UnsafeMutablePointer<PeriodSlot>!
    var count = 0
    var time = 0.0
    /// Distinct steps seen, in units; more than the storage holds disables classing.
    var classCount = 0
    private var classUnits: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Units since the last payment written.
    private var pendingUnits = 0

    init(rate: Double, unitExponent: Double) {
        self.rate = rate
        self.unitExponent = unitExponent
    }

    /// Pays the coupon of a period of year fraction `fraction`, `units` long,
    /// at the current `time`; a zero coupon writes nothing.
    @inline(__always)
    mutating func pay(fraction: Double, units: Int) {
        pendingUnits += units
        let amount = 100 * (rate * fraction)
        guard amount != 0 else { return }
        write(amount)
    }

    /// Moves the time on by a whole period of year fraction `fraction`,
    /// `units` long, and pays its coupon there.
    @inline(__always)
    mutating func pay(afterAdding fraction: Double, units: Int) {
        time += fraction
        pay(fraction: fraction, units: units)
    }

    /// Starts a run of whole periods, each of year fraction `units / basis`;
    /// ``finish(_:)`` ends it.
    func startPeriods(basis: Double) -> PeriodRun {
        PeriodRun(
            time: time, count: count, alone: pendingUnits == 0, basis: basis, amounts: amounts, times: times,
            classes: classes, slots: periods)
    }

    /// Takes back the state a run of periods changed.
    mutating func finish(_ run: PeriodRun) {
        time = run.time
        count = run.count
    }

    /// Pays a whole period `units` long whose length is not known yet, as
    /// ``pay(afterAdding:units:)`` does, and keeps its figures when it was
    /// paid alone after another payment, so that its step is its own length.
    @inline(never)
    mutating func payNewPeriod(units: Int, run: PeriodRun) -> PeriodRun {
        finish(run)
        let fraction = Double(units) / run.basis
        let alone = pendingUnits == 0 && count > 0
        let countBefore = count
        pay(afterAdding: fraction, units: units)
        if alone, count > countBefore {
            periods[units & (PeriodSlot.count - 1)] = PeriodSlot(
                units: units, fraction: fraction, amount: amounts[count - 1], stepClass: classes[count - 1])
        }
        return startPeriods(basis: run.basis)
    }

    /// Adds the redemption of 100 at the current time, to the last coupon when
    /// that is due then.
    mutating func redeem() {
        if count > 0 && times[count - 1] == time {
            amounts[count - 1] += 100
        } else {
            write(100)
        }
    }

    /// Writes a payment of `amount` at `time`, `units` after the one before.
    @inline(__always)
    mutating func write(_ amount: Double, at time: Double, units: Int) {
        self.time = time
        pendingUnits += units
        write(amount)
    }

    @inline(__always)
    private mutating func write(_ amount: Double) {
        amounts[count] = amount
        times[count] = time
        if count > 0 { classes[count] = stepClass(pendingUnits) }
        pendingUnits = 0
        count += 1
    }

    /// The class of a step of `units`, new if unseen.
    @inline(__always)
    private mutating func stepClass(_ units: Int) -> UInt8 {
        withUnsafeMutableBytes(of: &classUnits) { raw in
            let known = raw.bindMemory(to: Int.self)
            for index in 0..<min(classCount, known.count) where known[index] == units { return UInt8(index) }
            if classCount < known.count {
                known[classCount] = units
                steps[classCount] = unitExponent * Double(units)
            }
            classCount += 1
            return UInt8(truncatingIfNeeded: min(classCount - 1, known.count - 1))
        }
    }
}

/// Whole periods paid one after another through a ``FlowWriter``: its
/// state that they change, held apart so that a loop keeps it in registers.
///
/// A period of a length met before reuses the fraction, coupon and step
/// class computed then (the same values, without a division, two products
/// and a class search a period).
struct PeriodRun {
    var time: Double
    var count: Int
    /// Whether nothing is pending since the last payment, so that the next
    /// period's step is its own length.
    var alone: Bool
    let basis: Double
    let amounts: UnsafeMutablePointer<Double>
    let times: UnsafeMutablePointer<Double>
    let classes: UnsafeMutablePointer<UInt8>
    let slots: UnsafeMutablePointer<PeriodSlot>

    /// Moves the time on by a whole period `units` long and pays its coupon
    /// there, as ``FlowWriter/pay(afterAdding:units:)`` does.
    @inline(__always)
    mutating func pay(units: Int, writer: inout FlowWriter) {
        let slot = slots + (units & (PeriodSlot.count - 1))
        guard slot.pointee.units == units && alone else {
            self = writer.payNewPeriod(units: units, run: self)
            return
        }
        time += slot.pointee.fraction
        amounts[count] = slot.pointee.amount
        times[count] = time
        classes[count] = slot.pointee.stepClass
        count &+= 1
    }
}

/// How a day count that counts days numbers a walk's dates.
protocol DayNumbering {
    static func dayNumber(of walk: CouponDateWalk) -> Int
}

/// Actual days: ACT/365F and ACT/360.
enum ActualDays: DayNumbering {
    @inline(__always)
    static func dayNumber(of walk: CouponDateWalk) -> Int { walk.dayNumber }
}

/// Days without 29 February: NL/365.
enum NoLeapDays: DayNumbering {
    @inline(__always)
    static func dayNumber(of walk: CouponDateWalk) -> Int { walk.noLeapDayNumber }
}

/// A period length met by a ``FlowWriter``, with what it pays.
struct PeriodSlot {
    /// Slots in a writer, a power of two; a length `u` has slot `u % count`,
    /// so that the lengths of one bond's periods (a few consecutive values)
    /// do not share one.
    static let count = 16
    /// The length in units, or -1 for an empty slot.
    var units = -1
    /// Its year fraction.
    var fraction = 0.0
    /// Its coupon per 100 face.
    var amount = 0.0
    /// The step class of a payment one such period after another.
    var stepClass: UInt8 = 0
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
