import Foundation

/// A search typed in pinyin: `wentai` or `Wen Tai` finds 闻泰, `changsha`
/// finds 长沙 (any of a character's readings counts), `lvliang` or
/// `luliang` finds 吕梁. The query spells whole syllables of consecutive Han
/// characters, without tones: `tech` finds nothing, since no reading is `ch`.
/// Readings are those of ``pinyinTable``.
public struct PinyinQuery: Sendable, Hashable {
    /// The query's letters, lowercase, ü as v.
    let letters: [UInt8]

    /// The pinyin query a search text makes: `nil` unless it is at least two
    /// Latin letters (fullwidth too), with tone marks or not, and spaces,
    /// apostrophes or hyphens between syllables.
    public init?(_ text: String) {
        // Only Latin text can be pinyin: Han and other scripts are not decomposed to find out.
        guard text.unicodeScalars.allSatisfy(Self.mayBeLatin) else { return nil }
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var letters: [UInt8] = []
        for scalar in (ascii ? text : text.decomposedStringWithCompatibilityMapping).unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: letters.append(UInt8(scalar.value) | 0x20)
            case 0x20, 0x27, 0x2D, 0x2019: continue
            // A diaeresis makes the u before it ü.
            case 0x308 where letters.last == UInt8(ascii: "u"): letters[letters.count - 1] = UInt8(ascii: "v")
            // Tone marks.
            case 0x300...0x36F: continue
            default: return nil
            }
        }
        guard letters.count >= 2 else { return nil }
        self.letters = letters
    }

    /// Whether a character may be, or decompose to, a letter or separator of pinyin.
    private static func mayBeLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x370, 0x1E00...0x1EFF, 0x2019, 0x3000, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// Whether consecutive Han characters of `text` read as the query,
    /// syllable by syllable. One pass over the text, keeping the offsets of
    /// the query that runs of characters ending at each one spell: at most
    /// one more than the query's letters, however readings overlap.
    public func isSpelled(in text: String) -> Bool {
        let table = PinyinReadings.shared
        return letters.withUnsafeBufferPointer { query in
            var (reached, next) = ([Int](), [Int]())
            for scalar in text.unicodeScalars {
                next.removeAll(keepingCapacity: true)
                if let readings = table.readings(of: scalar) {
                    // A run may start at any character: from the query's start as well.
                    for index in 0...reached.count {
                        let offset = index < reached.count ? reached[index] : 0
                        var found = false
                        table.forEachReading(in: readings) { reading in
                            guard !found, table.reads(reading, as: query, at: offset) else { return }
                            let end = offset + reading.count
                            if end == query.count { found = true } else if !next.contains(end) { next.append(end) }
                        }
                        if found { return true }
                    }
                }
                swap(&reached, &next)
            }
            return false
        }
    }
}

/// The readings of ``pinyinTable``, parsed once: each character's readings
/// as a range of one byte buffer, separated by commas.
final class PinyinReadings: Sendable {
    static let shared = PinyinReadings(pinyinTable)

    /// The first code point of the table.
    private static let first: UInt32 = 0x3400
    private let bytes: [UInt8]
    /// Each code point's readings in ``bytes`` from ``first`` on; empty for none.
    private let ranges: [Range<Int>]

    init(_ table: String) {
        var bytes: [UInt8] = []
        var ranges = [Range<Int>](repeating: 0..<0, count: 0xA000 - Int(Self.first))
        for line in table.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let code = Int(UInt32(parts[0], radix: 16)! - Self.first)
            let start = bytes.count
            bytes += parts[1].utf8
            ranges[code] = start..<bytes.count
        }
        self.bytes = bytes
        self.ranges = ranges
    }

    /// Where a character's readings are, `nil` for one that has none (not Han).
    func readings(of scalar: Unicode.Scalar) -> Range<Int>? {
        let code = Int(scalar.value) - Int(Self.first)
        guard code >= 0, code < ranges.count, !ranges[code].isEmpty else { return nil }
        return ranges[code]
    }

    /// Calls `body` with the range of each reading in `readings`.
    func forEachReading(in readings: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = readings.lowerBound
        for index in readings where bytes[index] == UInt8(ascii: ",") {
            body(start..<index)
            start = index + 1
        }
        body(start..<readings.upperBound)
    }

    /// Whether `query` holds the reading at `offset`; a v (ü) of the reading is also read as u.
    func reads(_ reading: Range<Int>, as query: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset + reading.count <= query.count else { return false }
        for (step, index) in reading.enumerated() {
            let (wanted, typed) = (bytes[index], query[offset + step])
            guard typed == wanted || (wanted == UInt8(ascii: "v") && typed == UInt8(ascii: "u")) else { return false }
        }
        return true
    }
}
