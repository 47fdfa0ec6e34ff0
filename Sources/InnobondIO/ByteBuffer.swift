/// A growable run of output bytes that numbers and CSV fields are written into.
public struct ByteBuffer: TextOutputStream, Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written.
    public var count: Int { bytes.count }

    /// Forgets the contents, keeping the storage.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    public mutating func write(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Writes ASCII handed over by the standard library's text streaming.
    public mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends one byte.
    @inlinable
    public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Appends bytes as they are.
    @inlinable
    public mutating func append(_ other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }

    /// Appends the UTF-8 of a string.
    public mutating func append(_ string: String) { bytes.append(contentsOf: string.utf8) }

    /// Appends a CSV field, quoted as RFC 4180 requires when it holds a comma,
    /// a double quote, a carriage return or a line feed.
    public mutating func append(csvField field: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = false
        for byte in field where byte == .comma || byte == .quote || byte == .lineFeed || byte == .carriageReturn {
            needsQuotes = true
            break
        }
        guard needsQuotes else {
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
    public mutating func append(csvField field: String) {
        var field = field
        field.withUTF8 { append(csvField: $0) }
    }
}

extension UInt8 {
    /// `,`
    public static let comma = UInt8(ascii: ",")
    /// `"`
    public static let quote = UInt8(ascii: "\"")
    /// LF
    public static let lineFeed = UInt8(ascii: "\n")
    /// CR
    public static let carriageReturn = UInt8(ascii: "\r")
}
