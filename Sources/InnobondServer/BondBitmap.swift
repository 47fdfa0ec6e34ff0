/// A set of bonds by their position in the registry, one bit a bond: what a
/// filter value holds, and what a list query's conditions leave, found by
/// intersecting them a word (64 bonds) at a time.
struct BondBitmap: Sendable, Equatable {
    private(set) var words: [UInt64]
    /// Positions the set ranges over: `0..<count`.
    let count: Int

    /// No bond, or every bond.
    init(count: Int, full: Bool = false) {
        self.count = count
        words = [UInt64](repeating: full ? ~0 : 0, count: (count + 63) / 64)
        if full, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    /// The positions where `included` holds.
    init(count: Int, where included: (Int) -> Bool) {
        self.init(count: count)
        for position in 0..<count where included(position) { insert(position) }
    }

    subscript(position: Int) -> Bool {
        words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    mutating func insert(_ position: Int) {
        words[position >> 6] |= 1 << UInt64(position & 63)
    }

    mutating func formIntersection(_ other: BondBitmap) {
        other.words.withUnsafeBufferPointer { theirs in
            words.withUnsafeMutableBufferPointer { ours in
                for index in ours.indices { ours[index] &= theirs[index] }
            }
        }
    }

    mutating func formUnion(_ other: BondBitmap) {
        other.words.withUnsafeBufferPointer { theirs in
            words.withUnsafeMutableBufferPointer { ours in
                for index in ours.indices { ours[index] |= theirs[index] }
            }
        }
    }

    func intersection(_ other: BondBitmap) -> BondBitmap {
        var copy = self
        copy.formIntersection(other)
        return copy
    }

    /// Every bond the set does not hold.
    var inverted: BondBitmap {
        var other = BondBitmap(count: count, full: true)
        for index in words.indices { other.words[index] &= ~words[index] }
        return other
    }

    /// How many bonds the set holds.
    var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// How many bonds this set and `other` both hold.
    func intersectionCount(_ other: BondBitmap) -> Int {
        words.withUnsafeBufferPointer { ours in
            other.words.withUnsafeBufferPointer { theirs in
                var total = 0
                for index in ours.indices { total &+= (ours[index] & theirs[index]).nonzeroBitCount }
                return total
            }
        }
    }

    /// The union of the sets (of none: no bond).
    static func union(_ sets: some Sequence<BondBitmap>, count: Int) -> BondBitmap {
        var result = BondBitmap(count: count)
        for set in sets { result.formUnion(set) }
        return result
    }
}
