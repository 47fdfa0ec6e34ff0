import Testing

@testable import InnobondInsights

/// The radix sort behind the samples' medians returns what `sorted()` does.
@Suite struct DoubleSortingTests {
    /// Random samples with repeats, both zeros, infinities, subnormals and
    /// numbers of every scale: the same bits in the same places.
    @Test func itIsTheStandardSortBitForBit() {
        var generator = SplitMix(seed: 20_261_207)
        let special: [Double] = [
            0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, 1, -1,
        ]
        for count in [0, 1, 7, DoubleSorting.radixThreshold - 1, DoubleSorting.radixThreshold, 5_000, 60_000] {
            let values = (0..<count).map { _ -> Double in
                switch generator.next() % 4 {
                case 0: return special[Int(generator.next() % UInt64(special.count))]
                case 1: return Double(Int(generator.next() % 41) - 20) / 4
                case 2: return Double(bitPattern: generator.next() & ~(0x7FF << 52) | (0x3FF << 52)) - 1.5
                default:
                    let bits = generator.next()
                    let value = Double(bitPattern: bits)
                    return value.isNaN ? Double(bits >> 11) : value
                }
            }
            let expected = values.sorted()
            let found = DoubleSorting.ascending(values)
            #expect(found.map(\.bitPattern) == expected.map(\.bitPattern), "\(count) values")
        }
    }

    /// Negative and positive zeros keep their given order, as in a stable sort.
    @Test func zerosKeepTheirOrder() {
        let zeros = (0..<3_000).map { $0 % 3 == 0 ? -0.0 : 0.0 }
        let values = zeros + [-1, 1]
        #expect(
            DoubleSorting.ascending(values).map(\.bitPattern) == ([-1] + zeros + [1]).map(\.bitPattern))
    }

    /// A sample holding a NaN is sorted by the standard library itself.
    @Test func aNaNGoesToTheStandardSort() {
        let values = (0..<2_000).map { $0 == 1_000 ? Double.nan : Double(2_000 - $0) }
        #expect(
            DoubleSorting.ascending(values).map(\.bitPattern) == values.sorted().map(\.bitPattern))
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): reproducible test numbers.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
