// The in-process side of Benchmarks/curves/run.sh: the same measures as
// Benchmarks/curves/quantlib_curves.py, on the same inputs.
//
//   swift run -c release innobond-benchmarks FOLDER [MEASURE]     (with INNOBOND_BENCHMARKS=1)
//
// Prints one line per measure: `name seconds count per_second`.
import FixedIncome
import Foundation
import InnobondAnalytics
import InnobondIO

/// The one measure to run, when a second argument names it.
let only = CommandLine.arguments.dropFirst(2).first

func measure(_ name: String, count: Int, _ body: () throws -> Void) rethrows {
    if let only, !name.hasPrefix(only) { return }
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(String(format: "%@ %.6f %d %.3f", name, seconds, count, Double(count) / seconds))
}

/// The sum of `body(index, &scratch)` over `0..<count`, the indices dealt out
/// to every core, each core with scratch storage of its own.
func onEveryCore(count: Int, _ body: (Int, inout RemainingCashFlows) -> Double) -> Double {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: cores)
    defer { partial.deallocate() }
    nonisolated(unsafe) let sums = partial
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: cores) { part in
            var sum = 0.0
            var scratch = RemainingCashFlows()
            for index in stride(from: part, to: count, by: cores) { sum += body(index, &scratch) }
            sums[part] = sum
        }
    }
    return partial.reduce(0, +)
}

func onEveryCore(count: Int, _ body: (Int) -> Double) -> Double {
    onEveryCore(count: count) { index, _ in body(index) }
}

let folder = CommandLine.arguments.dropFirst().first ?? "Benchmarks/.work/curves"
let file = try CurveFile(input: FileInput(path: folder + "/curve50.csv"))
let reference = file.points[0].date
let parYields = file.points.map { ParYield(maturity: $0.tenor.advance($0.date)!, yield: $0.yieldPercent / 100) }

var sink = 0.0
let fits = only == nil ? 20000 : 50000
try measure("bootstrap_fit", count: fits) {
    for _ in 0..<fits {
        sink += try DiscountCurve.bootstrap(referenceDate: reference, parYields: parYields).discountFactor(time: 50)
    }
}
// Independent fits on every core, as the curves of many dates are fitted.
try measure("bootstrap_fit_all_cores", count: fits) {
    sink += onEveryCore(count: fits) { index in
        (try? DiscountCurve.bootstrap(referenceDate: reference, parYields: parYields))?.discountFactor(time: 50) ?? 0
    }
}
try measure("hermite_fit", count: 200) {
    for _ in 0..<200 {
        sink += try HermiteCurve(referenceDate: reference, parYields: parYields).discountFactor(time: 50)
    }
}
try measure("nss_fit", count: 5) {
    for _ in 0..<5 { sink += try NelsonSiegelSvensson.fit(referenceDate: reference, parYields: parYields).cost }
}

let curve = try DiscountCurve.bootstrap(referenceDate: reference, parYields: parYields)
/// A bond's terms, parsed into numbers and dates.
struct Terms: Sendable {
    var issue: CivilDate
    var maturity: CivilDate
    var couponRate: Double
    var frequency: Frequency
    var dayCount: DayCount
    var price: Double

    func bond() throws -> FixedRateBond {
        try FixedRateBond(
            issueDate: issue, maturityDate: maturity, couponRate: couponRate, frequency: frequency, dayCount: dayCount)
    }
}
struct Row: Sendable {
    var bond: FixedRateBond
    var price: Double
}
let text = try String(contentsOfFile: folder + "/bonds.csv", encoding: .utf8)
let terms: [Terms] = text.split(separator: "\n").dropFirst().map { line in
    let fields = line.split(separator: ",").map(String.init)
    return Terms(
        issue: try! CivilDate(iso8601: fields[0]), maturity: try! CivilDate(iso8601: fields[1]),
        couponRate: Double(fields[2])! / 100, frequency: Frequency(rawValue: Int(fields[3])!)!,
        dayCount: DayCount(rawValue: fields[4])!, price: Double(fields[5])!)
}
let rows = terms.map { Row(bond: try! $0.bond(), price: $0.price) }
var total = 0.0
try measure("z_spreads", count: rows.count) {
    var scratch = RemainingCashFlows()
    for row in rows {
        total += try row.bond.zSpread(cleanPrice: row.price, settlement: reference, curve: curve, scratch: &scratch)
    }
}
print(String(format: "checksum %.12f", total))
// From the terms: each bond built in the clock, as QuantLib's side builds
// its schedule and cash flows.
total = 0
try measure("z_spreads_from_terms", count: terms.count) {
    var scratch = RemainingCashFlows()
    for row in terms {
        total += try row.bond().zSpread(cleanPrice: row.price, settlement: reference, curve: curve, scratch: &scratch)
    }
}
print(String(format: "checksum %.12f", total))
// The same on every core, as `innobond analytics --curve` runs.
func allCores(_ rows: [Row], _ reference: CivilDate, _ curve: DiscountCurve) -> Double {
    onEveryCore(count: rows.count) { index, scratch in
        let row = rows[index]
        return (try? row.bond.zSpread(cleanPrice: row.price, settlement: reference, curve: curve, scratch: &scratch))
            ?? 0
    }
}
var everywhere = 0.0
measure("z_spreads_all_cores", count: rows.count) { everywhere = allCores(rows, reference, curve) }
print(String(format: "checksum %.12f", everywhere))
func allCores(_ terms: [Terms], _ reference: CivilDate, _ curve: DiscountCurve) -> Double {
    onEveryCore(count: terms.count) { index, scratch in
        let row = terms[index]
        return (try? row.bond().zSpread(cleanPrice: row.price, settlement: reference, curve: curve, scratch: &scratch))
            ?? 0
    }
}
measure("z_spreads_from_terms_all_cores", count: terms.count) { everywhere = allCores(terms, reference, curve) }
print(String(format: "checksum %.12f", everywhere))
