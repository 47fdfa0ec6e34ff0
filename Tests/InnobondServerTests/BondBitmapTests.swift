import Testing

@testable import InnobondServer

@Suite struct BondBitmapTests {
    /// A set built from a range of days holds the days a plain comparison
    /// keeps: counts off a word's edge, ranges at the ends of `Int32`, a
    /// range of one day, and days equal to a bound.
    @Test func aRangeOfDaysHoldsWhatAComparisonKeeps() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 63, 64, 65, 130, 1000] {
            let days = (0..<count).map { _ in
                Int32.random(in: 0..<20, using: &random) == 0 ? .max : Int32.random(in: 19_000...19_100, using: &random)
            }
            let ranges: [ClosedRange<Int32>] = [
                .min...(.max), .min...19_050, 19_050...(.max), 19_020...19_020, 19_000...19_100, 19_101...19_200,
                (.max)...(.max),
            ]
            for range in ranges {
                let set = BondBitmap(count: count, days: days, in: range)
                let expected = BondBitmap(count: count) { range.contains(days[$0]) }
                #expect(set == expected, "count \(count), range \(range)")
            }
        }
    }
}
