import Foundation

/// The texts of many records, lowercased and canonically decomposed, in one
/// buffer: a search for a substring runs over it once rather than
/// comparing each record's strings. It finds every record whose text holds
/// the needle as ``folded(_:)`` gives it (and may find a few more, such as a
/// match that ends inside a character): callers confirm each with the
/// comparison they mean.
struct TextIndex: Sendable {
    private let bytes: [UInt8]
    /// Where each record's text starts in ``bytes``; one more at the end.
    private let starts: [Int32]

    /// - Parameter texts: each record's texts, searched apart.
    init(_ texts: some Sequence<[String]>) {
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        for record in texts {
            starts.append(Int32(bytes.count))
            for (index, text) in record.enumerated() {
                // A zero byte between texts: no needle holds one, so no match spans two.
                if index > 0 { bytes.append(0) }
                bytes += Self.folded(text)
            }
        }
        starts.append(Int32(bytes.count))
        self.bytes = bytes
        self.starts = starts
    }

    /// The records whose text holds `needle`, in order, or `nil` when the
    /// needle cannot be searched this way (it holds a zero byte).
    func records(containing needle: String) -> [Int]? {
        let wanted = Self.folded(needle)
        guard !wanted.isEmpty, !wanted.contains(0) else { return nil }
        var found: [Int] = []
        bytes.withUnsafeBytes { haystack in
            wanted.withUnsafeBytes { needle in
                var offset = 0
                while offset < haystack.count,
                    let hit = Self.find(needle, in: haystack, from: offset)
                {
                    let record = self.record(at: hit)
                    found.append(record)
                    // One hit a record: go on from the next one.
                    offset = Int(starts[record + 1])
                }
            }
        }
        return found
    }

    /// Where `needle` first occurs in `haystack` at or after `start`: the
    /// needle's first byte found by `memchr`, the rest compared by `memcmp`.
    /// (glibc's `memmem` is not exported to Swift.)
    private static func find(_ needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int)
        -> Int?
    {
        guard let base = haystack.baseAddress, let wanted = needle.baseAddress else { return nil }
        let first = Int32(needle[0])
        var offset = start
        while haystack.count - offset >= needle.count {
            guard let hit = memchr(base + offset, first, haystack.count - offset - needle.count + 1) else {
                return nil
            }
            let place = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, wanted, needle.count) == 0 { return place }
            offset = place + 1
        }
        return nil
    }

    /// The record whose text holds the byte at `offset`.
    private func record(at offset: Int) -> Int {
        var (low, high) = (0, starts.count - 1)
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= offset { low = middle } else { high = middle }
        }
        return low
    }

    /// `text` lowercased, in UTF-8, canonically decomposed (NFD) unless every
    /// scalar is one that no normalisation changes (ASCII and CJK ideographs,
    /// the common case, kept as they are): two texts that compare equal
    /// as Swift strings give the same bytes.
    static func folded(_ text: String) -> [UInt8] {
        let lower = text.lowercased()
        if lower.unicodeScalars.allSatisfy(isStable) { return Array(lower.utf8) }
        return Array(lower.decomposedStringWithCanonicalMapping.utf8)
    }

    /// Scalars with no canonical decomposition and no combining class:
    /// ASCII, CJK punctuation, CJK ideographs, fullwidth ASCII forms.
    private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
            return true
        default:
            return false
        }
    }
}
