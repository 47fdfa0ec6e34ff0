import Testing

@testable import InnobondDemo
@testable import InnobondInsights

/// The radix sort behind the samples' medians returns what `sorted()` does.
@Suite struct DoubleSortingTests {
    /// Random samples with repeats, both zeros, infinities, subnormals and
    /// numbers of every scale: the same bits in the same places.
    @Test func itIsTheStandardSortBitForBit() {
        var generator = DemoRandom(seed: 20_261_207)
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
