/// Reads the objects of a JSON array one at a time from a stream, each as
/// its own bytes, without reading the whole document: memory stays flat
/// whatever the number of objects. The array is the document itself, or the
/// member `member` of a top-level object (`{"results": [...], ...}`, as the
/// US Consolidated Screening List publishes it); other members are skipped.
/// The objects' bytes are left to a JSON parser; this reader only finds
/// where each begins and ends, minding strings and nesting.
public final class JSONObjectStream {
    /// One object of the array: the line of its opening brace and its bytes.
    public struct Object: Sendable {
        public var line: Int
        public var bytes: [UInt8]
    }

    private let input: any ByteInput
    private let member: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var count = 0
    private var position = 0
    private var started = false
    private var finished = false
    /// The line of the next byte.
    public private(set) var line = 1

    /// - Parameter member: the member of a top-level object that holds the array.
    public init(input: any ByteInput, member: String = "results") {
        self.input = input
        self.member = member
    }

    /// The next object, or `nil` after the array's closing bracket.
    public func next() throws(JSONRecordReader.SyntaxError) -> Object? {
        if finished { return nil }
        if !started {
            started = true
            try openArray()
        }
        skipWhitespace()
        if peek() == UInt8(ascii: ",") {
            position += 1
            skipWhitespace()
        }
        switch peek() {
        case UInt8(ascii: "]"):
            position += 1
            finished = true
            return nil
        case UInt8(ascii: "{"):
            let start = line
            var bytes: [UInt8] = []
            try value(into: &bytes)
            return Object(line: start, bytes: bytes)
        case nil: throw error("the array ends before its closing ']'")
        default: throw error("expected an object or ']' in the array")
        }
    }

    /// Moves to the first element of the array: the document's, or its member's.
    private func openArray() throws(JSONRecordReader.SyntaxError) {
        if peek() == 0xEF {
            for _ in 0..<3 { _ = take() }
        }
        skipWhitespace()
        if take() == UInt8(ascii: "[") { return }
        guard position > 0, buffer[position - 1] == UInt8(ascii: "{") else {
            throw error("expected '[' or an object with a '\(member)' array")
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name") }
            var name: [UInt8] = []
            try value(into: &name)
            skipWhitespace()
            guard take() == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            skipWhitespace()
            if name == Array("\"\(member)\"".utf8) {
                guard take() == UInt8(ascii: "[") else { throw error("'\(member)' is not an array") }
                return
            }
            var skipped: [UInt8] = []
            try value(into: &skipped, keep: false)
            skipWhitespace()
            switch take() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): throw error("the object has no '\(member)' array")
            default: throw error("expected ',' or '}' after a member")
            }
        }
    }

    /// Reads one JSON value (a string, an object or array with everything in
    /// it, or a scalar) into `bytes` when `keep`.
    private func value(into bytes: inout [UInt8], keep: Bool = true) throws(JSONRecordReader.SyntaxError) {
        var depth = 0
        var inString = false
        var escaped = false
        while let byte = take() {
            if keep { bytes.append(byte) }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return }
                if depth < 0 { throw error("unbalanced '\(Character(Unicode.Scalar(byte)))'") }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 {
                    // A scalar ends before the byte that follows it.
                    position -= 1
                    if byte == 0x0A { line -= 1 }
                    if keep { bytes.removeLast() }
                    return
                }
            default: break
            }
        }
        if inString || depth > 0 { throw error("the document ends inside a value") }
    }

    private func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { _ = take() }
    }

    private func peek() -> UInt8? {
        if position == count { fill() }
        return position < count ? buffer[position] : nil
    }

    private func take() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    /// Reads the next chunk, keeping the last byte so that one step back stays possible.
    private func fill() {
        let kept = count > 0 ? 1 : 0
        if kept == 1 { buffer[0] = buffer[count - 1] }
        let read = buffer.withUnsafeMutableBytes { raw in
            (try? input.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[kept...]))) ?? 0
        }
        count = kept + read
        position = kept
    }

    private func error(_ message: String) -> JSONRecordReader.SyntaxError {
        JSONRecordReader.SyntaxError(line: line, byte: 0, message: message)
    }
}
