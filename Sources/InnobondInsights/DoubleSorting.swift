/// Sorting numbers in ascending order by their bits: the same array as
/// `Array.sorted()`, element for element, in time linear in the count.
///
/// Samples of a million figures (a registry's tenors and coupons) are sorted
/// for their medians; a comparison sort was most of their statistics' time.
enum DoubleSorting {
    /// Below this many values the comparison sort is as fast.
    static let radixThreshold = 1024
    /// Bits sorted a pass: six passes whose counters stay in the cache.
    private static let digitBits = 11
    private static let digitMask = 1 << digitBits - 1

    /// `values` in ascending order, equal values in their given order: what
    /// the standard library's stable `sorted()` returns, zeros' signs
    /// included. Arrays holding a NaN go to `sorted()` itself.
    static func ascending(_ values: [Double]) -> [Double] {
        guard values.count >= radixThreshold, !values.contains(where: \.isNaN) else { return values.sorted() }
        var keys = values.map(key)
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        for shift in stride(from: 0, to: 64, by: digitBits) {
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int(truncatingIfNeeded: key >> UInt64(shift)) & digitMask] += 1 }
            // A digit every key shares leaves the order as it is.
            if counts.contains(keys.count) { continue }
            var start = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = start
                start += count
            }
            for key in keys {
                let digit = Int(truncatingIfNeeded: key >> UInt64(shift)) & digitMask
                scratch[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &scratch)
        }
        var sorted = keys.map(value)
        // −0 and +0 share a key and are equal to `<`: a stable sort keeps
        // them in their given order, so they go back in that order.
        if let first = sorted.firstIndex(of: 0) {
            var place = first
            for value in values where value == 0 {
                sorted[place] = value
                place += 1
            }
        }
        return sorted
    }

    /// A key whose unsigned order is the numbers' order (−0 as +0).
    private static func key(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0 : value).bitPattern
        return bits >> 63 == 1 ? ~bits : bits | 1 << 63
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
