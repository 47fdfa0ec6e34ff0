/// A growable run of output bytes that numbers and CSV fields are written into.
///
/// A reference type that writes straight into its storage: building a
/// million output rows this way costs a few instructions a byte, where
/// appending to an array costs a hundred a call. One owner at a time.
public final class ByteBuffer: TextOutputStream {
    // One owner writes at a time, so exclusivity checks buy nothing here.
    // The storage is usable from inline code, so that the writers of a row
    // in another module append without a call.
    @usableFromInline @exclusivity(unchecked) var start: UnsafeMutablePointer<UInt8>
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @usableFromInline @exclusivity(unchecked) var used = 0

    /// The number of bytes written.
    @inlinable public var count: Int { used }

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    /// Forgets the contents, keeping the storage.
    public func removeAll() { used = 0 }

    /// Makes room for `extra` more bytes and returns where they go.
    @inlinable @inline(__always)
    public func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if used &+ extra > capacity { grow(to: used &+ extra) }
        return start + used
    }

    @usableFromInline @inline(never)
    func grow(to needed: Int) {
        let newCapacity = max(needed, 2 * capacity)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.update(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }

    /// Counts `written` bytes, written at the pointer ``reserve(_:)`` returned, as part of the buffer.
    @inline(__always)
    public func commit(_ written: Int) { used += written }

    public func write(_ string: String) { append(string) }

    /// Writes ASCII handed over by the standard library's text streaming.
    public func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { append(buffer) }

    /// Appends one byte.
    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        used &+= 1
    }

    /// Appends bytes as they are.
    @inline(__always)
    public func append(_ other: UnsafeBufferPointer<UInt8>) {
        let length = other.count
        guard let source = other.baseAddress, length > 0 else { return }
        let target = reserve(length)
        if length <= 16 {
            Self.copy(UnsafeRawPointer(source), to: UnsafeMutableRawPointer(target), length: length)
        } else {
            target.update(from: source, count: length)
        }
        used += length
    }

    /// Copies 1 to 16 bytes as two words that may overlap, the first from the
    /// start and the second ending at the end: a few instructions where a call
    /// to `memmove` for the ids and numbers of a row took about forty.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, length: Int) {
        func copyTwo<Word: FixedWidthInteger>(_: Word.Type) {
            let size = MemoryLayout<Word>.size
            let head = source.loadUnaligned(as: Word.self)
            let tail = source.loadUnaligned(fromByteOffset: length &- size, as: Word.self)
            target.storeBytes(of: head, as: Word.self)
            target.storeBytes(of: tail, toByteOffset: length &- size, as: Word.self)
        }
        if length >= 8 {
            copyTwo(UInt64.self)
        } else if length >= 4 {
            copyTwo(UInt32.self)
        } else if length >= 2 {
            copyTwo(UInt16.self)
        } else {
            target.storeBytes(of: source.load(as: UInt8.self), as: UInt8.self)
        }
    }

    /// Appends the UTF-8 of a string.
    public func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Appends a comma and the shortest decimal of `value`, as a CSV field.
    @inlinable @inline(__always)
    public func append(commaAndShortest value: Double) {
        let out = reserve(49)
        out.pointee = .comma
        used &+= 1 &+ Self.format(value, into: out + 1)
    }

    /// Appends the shortest decimal that reads back as exactly `value`, in the
    /// form of the standard library's `description`: `0.1`, `100.0`,
    /// `72.99360620200311`, `1e-05`, `1.8014398509481984e+16`, `-0.0`, `inf`.
    @inline(__always)
    public func append(shortest value: Double) {
        used += Self.format(value, into: reserve(48))
    }

    /// Appends a CSV field, quoted as RFC 4180 requires when it holds a comma,
    /// a double quote, a carriage return or a line feed.
    public func append(csvField field: UnsafeBufferPointer<UInt8>) {
        guard ByteScan.needsCSVQuotes(field) else {
            append(field)
            return
        }
        append(.quote)
        for byte in field {
            if byte == .quote { append(.quote) }
            append(byte)
        }
        append(.quote)
    }

    /// Appends a CSV field given as a string.
    public func append(csvField field: String) {
        var field = field
        field.withUTF8 { append(csvField: $0) }
    }
}

extension UInt8 {
    // Computed and inlinable: constants in other modules, not globals read
    // through an accessor.
    /// `,`
    @inlinable public static var comma: UInt8 { UInt8(ascii: ",") }
    /// `"`
    @inlinable public static var quote: UInt8 { UInt8(ascii: "\"") }
    /// LF
    @inlinable public static var lineFeed: UInt8 { UInt8(ascii: "\n") }
    /// CR
    @inlinable public static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
}
