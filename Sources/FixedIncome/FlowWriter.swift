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
    /// Period lengths met: ``PeriodSlot/count`` slots, empty at the start.
    var periodSlots: UnsafeMutablePointer<PeriodSlot>!
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
            classes: classes, periodSlots: periodSlots)
    }

    /// Takes back the state a run of periods changed.
    mutating func finish(_ run: PeriodRun) {
        time = run.time
        count = run.count
    }

    /// Pays a whole period `units` long whose length is not in its slot, or
    /// which is not paid alone, as ``pay(afterAdding:units:)`` does, and
    /// keeps its figures in its slot when it was paid alone after another
    /// payment, so that its step is its own length.
    @inline(never)
    mutating func payNewPeriod(units: Int, run: PeriodRun) -> PeriodRun {
        finish(run)
        let fraction = Double(units) / run.basis
        let alone = pendingUnits == 0 && count > 0
        let countBefore = count
        pay(afterAdding: fraction, units: units)
        if alone, count > countBefore {
            periodSlots[units & (PeriodSlot.count - 1)] = PeriodSlot(
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

/// What whole periods, one after another, are handed to.
protocol WholePeriods {
    /// Moves the time on by a whole period `units` long, paying its coupon
    /// there if there is one.
    mutating func pay(units: Int, writer: inout FlowWriter)
}

/// The whole periods of a bond that pays no coupon: the time moves on as a
/// ``PeriodRun`` moves it (by each period's `units / basis`, added one after
/// another), and nothing is written.
struct PeriodClock: WholePeriods {
    var time: Double
    let basis: Double

    @inline(__always)
    mutating func pay(units: Int, writer: inout FlowWriter) {
        time += Double(units) / basis
    }
}

/// Whole periods paid one after another through a ``FlowWriter``: its
/// state that they change, held apart so that a loop keeps it in registers.
///
/// A period of a length met before reuses the fraction, coupon and step
/// class computed then (the same values, without a division, two products
/// and a class search a period).
struct PeriodRun: WholePeriods {
    var time: Double
    var count: Int
    /// Whether nothing is pending since the last payment, so that the next
    /// period's step is its own length.
    var alone: Bool
    let basis: Double
    let amounts: UnsafeMutablePointer<Double>
    let times: UnsafeMutablePointer<Double>
    let classes: UnsafeMutablePointer<UInt8>
    let periodSlots: UnsafeMutablePointer<PeriodSlot>

    /// Moves the time on by a whole period `units` long and pays its coupon
    /// there, as ``FlowWriter/pay(afterAdding:units:)`` does.
    @inline(__always)
    mutating func pay(units: Int, writer: inout FlowWriter) {
        let slot = periodSlots + (units & (PeriodSlot.count - 1))
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
