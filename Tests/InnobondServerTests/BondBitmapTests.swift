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

    /// A set's count, and its intersection's with another, are the bonds a
    /// plain walk over both finds, for counts off a word's edge.
    @Test func countsAreTheBondsHeld() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 63, 64, 65, 130, 4097] {
            let first = (0..<count).map { _ in Bool.random(using: &random) }
            let second = (0..<count).map { _ in Int.random(in: 0..<3, using: &random) == 0 }
            let a = BondBitmap(count: count) { first[$0] }
            let b = BondBitmap(count: count) { second[$0] }
            #expect(a.cardinality == first.filter { $0 }.count, "count \(count)")
            #expect(a.intersectionCount(b) == (0..<count).filter { first[$0] && second[$0] }.count, "count \(count)")
            #expect(BondBitmap(count: count) { _ in true }.cardinality == count, "count \(count)")
        }
    }

    /// Counts by tallying places agree with counts by intersecting sets,
    /// for sets from empty to full (both ways of counting are taken), with
    /// bonds in no set, for one facet and for several counted together.
    @Test func tallyingPlacesCountsAsIntersectingSets() {
        var random = SystemRandomNumberGenerator()
        for count in [0, 1, 64, 65, 5000] {
            let facets = [7, 3, 20].map { values in
                let places = (0..<count).map { _ in
                    Int.random(in: 0..<10, using: &random) == 0
                        ? BondBitmap.noPlace : UInt8.random(in: 0..<UInt8(values), using: &random)
                }
                let sets = (0..<values).map { value in BondBitmap(count: count) { places[$0] == UInt8(value) } }
                return BondBitmap.Facet(sets: sets, places: places)
            }
            for density in [0.0, 0.001, 0.01, 0.1, 0.5, 1.0] {
                let within = BondBitmap(count: count) { _ in Double.random(in: 0..<1, using: &random) < density }
                let expected = facets.map { $0.sets.map(within.intersectionCount) }
                #expect(within.intersectionCounts(facets) == expected, "count \(count), density \(density)")
                #expect(within.intersectionCounts([facets[2]]) == [expected[2]], "count \(count), density \(density)")
            }
        }
    }
}
