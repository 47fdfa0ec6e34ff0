#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits RFC 4180 CSV text into records and fields, without copying unless a
/// field holds escaped quotes.
///
/// Rules: fields are separated by commas and records by LF or CRLF. A field
/// that starts with a double quote is quoted: it may hold commas, line breaks
/// and doubled quotes (`""` for `"`), and must be followed by a separator or
/// the end of the record. A quote inside an unquoted field is an ordinary
/// character. One parser serves one thread; reuse it record after record.
public final class CSVRecordParser {
    /// What was wrong with the last record, if anything.
    public enum Problem: Sendable, Equatable {
        /// A quoted field runs to the end of the input.
        case unterminatedQuote(field: Int)
        /// Something other than a separator follows a closing quote.
        case textAfterClosingQuote(field: Int)
    }

    /// Where the last parsed record ends, and how many line feeds it spans.
    public struct Extent: Sendable, Equatable {
        /// Offset just past the record and its line break.
        public var end: Int
        /// Line feeds consumed, inside quoted fields and the terminating one.
        public var lineFeeds: Int
    }

    /// Where a field's bytes are: in the parsed bytes, or in the scratch
    /// buffer when its quotes were undoubled.
    @usableFromInline struct Span {
        @usableFromInline var start: Int
        @usableFromInline var count: Int
        @usableFromInline var unescaped: Bool
    }

    // A parser belongs to one thread at a time, so the dynamic exclusivity
    // checks of class properties (a fifth of the parsing time) buy nothing.
    // The fields' spans are in memory of the parser's own, without the
    // uniqueness and capacity checks of an array at each field; the readers
    // of fields are inlinable into the modules that call them per row.
    @usableFromInline @exclusivity(unchecked) var spans: UnsafeMutablePointer<Span>
    @usableFromInline @exclusivity(unchecked) var spanCount = 0
    @exclusivity(unchecked) private var spanCapacity = 16
    @usableFromInline @exclusivity(unchecked) var base: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(
        start: nil, count: 0)
    @usableFromInline @exclusivity(unchecked) var scratch: UnsafeMutableBufferPointer<UInt8>
    @exclusivity(unchecked) private var scratchCount = 0

    /// The problem found in the last record, `nil` when it was well formed.
    // A getter of this module: another module that read it as a stored
    // property checked its exclusivity at run time (two calls into the
    // runtime a row); the inlinable readers of fields, whose properties are
    // declared usable from inline, did not.
    public var problem: Problem? { recordProblem }
    @exclusivity(unchecked) private var recordProblem: Problem?

    public init() {
        scratch = .allocate(capacity: 256)
        spans = .allocate(capacity: spanCapacity)
    }

    deinit {
        scratch.deallocate()
        spans.deallocate()
    }

    /// Records the span of the next field.
    @inline(__always)
    private func addSpan(_ span: Span) {
        if spanCount == spanCapacity {
            let grown = UnsafeMutablePointer<Span>.allocate(capacity: 2 * spanCapacity)
            grown.moveInitialize(from: spans, count: spanCount)
            spans.deallocate()
            spans = grown
            spanCapacity *= 2
        }
        (spans + spanCount).initialize(to: span)
        spanCount += 1
    }

    /// The number of fields in the last record.
    @inlinable public var fieldCount: Int { spanCount }

    /// Whether the last record was an empty line (no bytes before its line break).
    public var isBlank: Bool { spanCount == 1 && spans[0].count == 0 && !spans[0].unescaped && recordProblem == nil }

    /// The bytes of field `index` of the last record, empty when the record has
    /// fewer fields. Valid until the next ``parse(_:from:isFinal:)`` and while
    /// the parsed bytes live.
    @inlinable @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        // Unsigned, so that a negative index is out of range too.
        guard UInt(bitPattern: index) < UInt(bitPattern: spanCount) else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        let span = spans[index]
        // A span lies within the bytes it indexes, as the parser made it.
        let bytes = span.unescaped ? UnsafePointer(scratch.baseAddress) : base.baseAddress
        return UnsafeBufferPointer(start: bytes.map { $0 + span.start }, count: span.count)
    }

    /// ``field(_:)`` without its leading and trailing spaces and tabs.
    @inlinable @inline(__always)
    public func trimmedField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = self.field(index)
        var start = 0
        var end = field.count
        while start < end && (field[start] == 0x20 || field[start] == 0x09) { start += 1 }
        while end > start && (field[end - 1] == 0x20 || field[end - 1] == 0x09) { end -= 1 }
        return start == 0 && end == field.count
            ? field : UnsafeBufferPointer(start: field.baseAddress! + start, count: end - start)
    }

    /// The text of field `index` of the last record.
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// Parses the record that starts at `offset`.
    ///
    /// - Parameter isFinal: whether `bytes` run to the end of the input. When
    ///   they do not and the record is not terminated within them, the result
    ///   is `nil`: more bytes are needed.
    /// - Returns: where the record ends, or `nil` as above.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, isFinal: Bool) -> Extent? {
        base = bytes
        spanCount = 0
        scratchCount = 0
        recordProblem = nil
        let count = bytes.count
        var index = offset
        if let end = parseUnquotedRecord(bytes, from: &index) { return Extent(end: end, lineFeeds: 1) }
        var lineFeeds = 0
        while true {
            if index < count && bytes[index] == .quote {
                // Quoted field.
                index += 1
                let contentStart = index
                var escaped = false
                while true {
                    while index < count && bytes[index] != .quote {
                        if bytes[index] == .lineFeed { lineFeeds += 1 }
                        index += 1
                    }
                    if index == count {
                        guard isFinal else { return nil }
                        recordProblem = .unterminatedQuote(field: spanCount)
                        addField(contentStart, count, escaped: escaped)
                        return Extent(end: count, lineFeeds: lineFeeds)
                    }
                    if index + 1 < count && bytes[index + 1] == .quote {
                        escaped = true
                        index += 2
                        continue
                    }
                    if index + 1 == count && !isFinal { return nil }
                    break
                }
                addField(contentStart, index, escaped: escaped)
                index += 1  // the closing quote
                if index == count {
                    guard isFinal else { return nil }
                    return Extent(end: count, lineFeeds: lineFeeds)
                }
                switch bytes[index] {
                case .comma:
                    index += 1
                    continue
                case .lineFeed:
                    return Extent(end: index + 1, lineFeeds: lineFeeds + 1)
                case .carriageReturn where index + 1 < count && bytes[index + 1] == .lineFeed:
                    return Extent(end: index + 2, lineFeeds: lineFeeds + 1)
                case .carriageReturn where index + 1 == count:
                    guard isFinal else { return nil }
                    return Extent(end: count, lineFeeds: lineFeeds)
                default:
                    recordProblem = .textAfterClosingQuote(field: spanCount - 1)
                    // Skip to the end of the line, as an unquoted field would.
                    while index < count && bytes[index] != .lineFeed { index += 1 }
                    if index == count {
                        guard isFinal else { return nil }
                        return Extent(end: count, lineFeeds: lineFeeds)
                    }
                    return Extent(end: index + 1, lineFeeds: lineFeeds + 1)
                }
            }
            // Unquoted field: eight bytes at a time to its comma or line feed.
            let start = index
            if let base = bytes.baseAddress {
                while index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let ends = zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    if ends != 0 {
                        index += ends.littleEndian.trailingZeroBitCount &>> 3
                        break
                    }
                    index += 8
                }
            }
            while index < count {
                let byte = bytes[index]
                if byte == .comma || byte == .lineFeed { break }
                index += 1
            }
            if index == count {
                guard isFinal else { return nil }
                let end = Self.fieldEnd(before: index, from: start, in: bytes)
                addSpan(Span(start: start, count: end - start, unescaped: false))
                return Extent(end: count, lineFeeds: lineFeeds)
            }
            if bytes[index] == .comma {
                addSpan(Span(start: start, count: index - start, unescaped: false))
                index += 1
                continue
            }
            let end = Self.fieldEnd(before: index, from: start, in: bytes)
            addSpan(Span(start: start, count: end - start, unescaped: false))
            return Extent(end: index + 1, lineFeeds: lineFeeds + 1)
        }
    }

    /// Splits a record without quotes, eight bytes at a time: the commas and
    /// the line feed of each word are found at once, and walked as the bits
    /// of a mask, without a branch per byte.
    ///
    /// - Returns: the offset past the record's line feed, or `nil` at a word
    ///   holding a quote, or at the last bytes when fewer than eight are
    ///   left, with `index` at the start of the field where it stopped and
    ///   the fields before it recorded.
    @inline(__always)
    private func parseUnquotedRecord(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var fieldStart = index
        var word = index
        defer { index = fieldStart }
        while word &+ 8 <= bytes.count {
            let bits = UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self).littleEndian
            if zeroBytes(bits ^ 0x2222_2222_2222_2222) != 0 { return nil }
            let lineFeeds = zeroBytes(bits ^ 0x0A0A_0A0A_0A0A_0A0A)
            var commas = zeroBytes(bits ^ 0x2C2C_2C2C_2C2C_2C2C)
            if lineFeeds != 0 {
                // Only the commas before the first line feed are this record's.
                commas &= lineFeeds &- 1
            }
            while commas != 0 {
                let comma = word &+ commas.trailingZeroBitCount &>> 3
                addSpan(Span(start: fieldStart, count: comma &- fieldStart, unescaped: false))
                fieldStart = comma &+ 1
                commas &= commas &- 1
            }
            if lineFeeds != 0 {
                let lineFeed = word &+ lineFeeds.trailingZeroBitCount &>> 3
                let end = Self.fieldEnd(before: lineFeed, from: fieldStart, in: bytes)
                addSpan(Span(start: fieldStart, count: end &- fieldStart, unescaped: false))
                fieldStart = lineFeed &+ 1
                return lineFeed &+ 1
            }
            word &+= 8
        }
        return nil
    }

    /// The end of the last field of a record whose line break is at `lineEnd`
    /// (a line feed, or the end of the input): before a carriage return
    /// that ends the field begun at `start`, if there is one.
    @inline(__always)
    private static func fieldEnd(before lineEnd: Int, from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        lineEnd > start && bytes[lineEnd &- 1] == .carriageReturn ? lineEnd &- 1 : lineEnd
    }

    /// Records the quoted content `start..<end` of `base`, undoubling quotes
    /// into the scratch buffer when there are any.
    private func addField(_ start: Int, _ end: Int, escaped: Bool) {
        guard escaped else {
            addSpan(Span(start: start, count: end - start, unescaped: false))
            return
        }
        if scratchCount + (end - start) > scratch.count {
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(
                capacity: max(scratch.count * 2, scratchCount + end - start))
            _ = grown.initialize(fromContentsOf: scratch[0..<scratchCount])
            scratch.deallocate()
            scratch = grown
        }
        let fieldStart = scratchCount
        var index = start
        while index < end {
            let byte = base[index]
            scratch[scratchCount] = byte
            scratchCount += 1
            index += byte == .quote ? 2 : 1
        }
        addSpan(Span(start: fieldStart, count: scratchCount - fieldStart, unescaped: true))
    }

    /// The offset just past the last complete record in `bytes`, which start at
    /// a record boundary and do not run to the end of the input; `nil` when no
    /// record is complete.
    public func lastRecordBoundary(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
        if memchr(start, Int32(UInt8.quote), bytes.count) == nil {
            // Without quotes every line feed ends a record.
            var index = bytes.count - 1
            while index >= 0 && bytes[index] != .lineFeed { index -= 1 }
            return index >= 0 ? index + 1 : nil
        }
        var offset = 0
        var boundary: Int?
        while let extent = parse(bytes, from: offset, isFinal: false) {
            offset = extent.end
            boundary = offset
        }
        return boundary
    }
}

/// The high bit of each zero byte of `x`, and no other bit: `(x & 0x7F..7F) +
/// 0x7F..7F` sets the high bit of every byte whose low bits are not all zero,
/// without a carry across bytes.
@inline(__always)
func zeroBytes(_ x: UInt64) -> UInt64 {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((x & low) &+ low) | x) & ~low
}

/// The number of line feeds in `bytes`.
///
/// Method: sixteen bytes at a time, compared with a line feed in one vector
/// operation; the comparison's lanes (all ones for a line feed, -1 as a
/// byte) are subtracted from byte counters, which are added up every 255
/// blocks, before they can wrap.
public func countLineFeeds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let lineFeeds = SIMD16<UInt8>(repeating: .lineFeed)
    var total = 0
    var index = 0
    while index + 16 <= bytes.count {
        var counters = SIMD16<UInt8>()
        let end = min(bytes.count &- 15, index &+ 255 &* 16)
        while index < end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            counters &-= unsafeBitCast(block .== lineFeeds, to: SIMD16<UInt8>.self)
            index &+= 16
        }
        total &+= Int(SIMD16<UInt16>(truncatingIfNeeded: counters).wrappedSum())
    }
    while index < bytes.count {
        if bytes[index] == .lineFeed { total += 1 }
        index += 1
    }
    return total
}
