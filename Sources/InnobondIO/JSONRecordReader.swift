/// Reads a JSON array of flat objects, one object at a time, from a stream:
/// memory stays flat whatever the number of objects.
///
/// Each object's members must be strings, numbers, `true`, `false` or `null`;
/// numbers keep their exact text, so that amounts never pass through a
/// floating-point value. A member holding an array or object is reported on
/// its record and skipped; a syntax error ends the reading.
public final class JSONRecordReader {
    /// A member value.
    public enum Scalar: Sendable, Hashable {
        case string(String)
        /// The number exactly as written (`1660000000.00`, `-2.5e3`).
        case number(String)
        case bool(Bool)
        case null
    }

    /// One object of the array.
    public struct Record: Sendable {
        /// The 1-based line of the opening brace.
        public var line: Int
        /// Members in the order written.
        public var members: [(name: String, value: Scalar)]
        /// Members that held arrays or objects, which are not allowed.
        public var nestedMembers: [String]
    }

    /// A syntax error: where and what was expected.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        /// The 1-based byte of the line where reading stopped.
        public var byte: Int
        public var message: String
        public var description: String { "line \(line), byte \(byte): \(message)" }
    }

    private let input: any ByteInput
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var started = false
    private var finished = false
    /// The line of the byte at `position`.
    public private(set) var line = 1
    /// Bytes consumed so far.
    public private(set) var bytesRead = 0
    /// `bytesRead` when the current line began.
    private var lineStart = 0

    public init(input: any ByteInput) {
        self.input = input
    }

    /// The next object, or `nil` after the closing bracket.
    public func next() throws -> Record? {
        if finished { return nil }
        if !started {
            try skipByteOrderMark()
            try skipWhitespace()
            guard try take(UInt8(ascii: "[")) else { throw error("expected '[' starting an array of objects") }
            started = true
            try skipWhitespace()
            if try take(UInt8(ascii: "]")) { return try finish() }
        } else {
            try skipWhitespace()
            if try take(UInt8(ascii: "]")) { return try finish() }
            guard try take(UInt8(ascii: ",")) else { throw error("expected ',' or ']' after an object") }
            try skipWhitespace()
        }
        return try object()
    }

    private func finish() throws -> Record? {
        finished = true
        try skipWhitespace()
        guard try peek() == nil else { throw error("unexpected text after the closing ']'") }
        return nil
    }

    private func object() throws -> Record {
        let startLine = line
        guard try take(UInt8(ascii: "{")) else { throw error("expected '{' starting an object") }
        var record = Record(line: startLine, members: [], nestedMembers: [])
        try skipWhitespace()
        if try take(UInt8(ascii: "}")) { return record }
        while true {
            try skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let name = try string()
            try skipWhitespace()
            guard try take(UInt8(ascii: ":")) else { throw error("expected ':' after member name \"\(name)\"") }
            try skipWhitespace()
            switch try peek() {
            case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
                try skipNested()
                record.nestedMembers.append(name)
            default:
                record.members.append((name, try scalar()))
            }
            try skipWhitespace()
            if try take(UInt8(ascii: "}")) { return record }
            guard try take(UInt8(ascii: ",")) else { throw error("expected ',' or '}' in an object") }
        }
    }

    private func scalar() throws -> Scalar {
        guard let byte = try peek() else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character '\(Character(UnicodeScalar(byte)))', expected a value")
        }
    }

    private func literal(_ word: String, _ value: Scalar) throws -> Scalar {
        for expected in word.utf8 {
            guard try take(expected) else { throw error("expected '\(word)'") }
        }
        return value
    }

    /// A JSON number, checked against the grammar, as its text.
    private func number() throws -> String {
        var text: [UInt8] = []
        func digits() throws -> Int {
            var count = 0
            while let byte = try peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                text.append(byte)
                advance()
                count += 1
            }
            return count
        }
        if try peek() == UInt8(ascii: "-") {
            text.append(UInt8(ascii: "-"))
            advance()
        }
        let leadingZero = try peek() == UInt8(ascii: "0")
        let whole = try digits()
        guard whole > 0, !(leadingZero && whole > 1) else { throw error("malformed number") }
        if try peek() == UInt8(ascii: ".") {
            text.append(UInt8(ascii: "."))
            advance()
            guard try digits() > 0 else { throw error("malformed number: digits expected after '.'") }
        }
        if let byte = try peek(), byte | 0x20 == UInt8(ascii: "e") {
            text.append(byte)
            advance()
            if let sign = try peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                text.append(sign)
                advance()
            }
            guard try digits() > 0 else { throw error("malformed number: digits expected in the exponent") }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A JSON string, escapes resolved.
    private func string() throws -> String {
        advance()  // the opening quote
        var bytes: [UInt8] = []
        while true {
            guard let byte = try peek() else { throw error("unterminated string") }
            advance()
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = try peek() else { throw error("unterminated string") }
                advance()
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard try take(UInt8(ascii: "\\")), try take(UInt8(ascii: "u")) else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = UnicodeScalar(scalar) else { throw error("invalid \\u escape") }
                    bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("invalid escape '\\\(Character(UnicodeScalar(escape)))'")
                }
            case 0..<0x20:
                throw error("control character in a string (escape it)")
            default:
                bytes.append(byte)
            }
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek(), let digit = Self.hexValue(byte) else { throw error("invalid \\u escape") }
            advance()
            value = value * 16 + digit
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Skips an array or object, strings included.
    private func skipNested() throws {
        var depth = 0
        repeat {
            guard let byte = try peek() else { throw error("unterminated array or object") }
            switch byte {
            case UInt8(ascii: "\""):
                _ = try string()
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
            advance()
        } while depth > 0
    }

    // MARK: Bytes

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(line: line, byte: bytesRead - lineStart + 1, message: message)
    }

    private func skipByteOrderMark() throws {
        switch try peek() {
        case 0xFF?, 0xFE?:
            throw error("the file starts with a UTF-16 or UTF-32 byte-order mark, not UTF-8: save it as UTF-8")
        case 0x00?: throw error("the file starts with a NUL byte (UTF-16 or UTF-32?), not UTF-8: save it as UTF-8")
        default:
            // UTF-16 without a mark: a NUL after the first character.
            if position + 1 < buffer.count && buffer[position + 1] == 0 {
                throw error(
                    "the file has NUL bytes between its first characters (UTF-16?), not UTF-8: save it as UTF-8")
            }
        }
        if try peek() == 0xEF {
            for byte: UInt8 in [0xEF, 0xBB, 0xBF] {
                guard try take(byte) else { throw error("malformed byte-order mark") }
            }
        }
    }

    private func skipWhitespace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    @inline(__always)
    private func peek() throws -> UInt8? {
        if position == buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[position]
    }

    @inline(__always)
    private func advance() {
        if buffer[position] == 0x0A {
            line += 1
            lineStart = bytesRead + 1
        }
        position += 1
        bytesRead += 1
    }

    private func take(_ byte: UInt8) throws -> Bool {
        guard try peek() == byte else { return false }
        advance()
        return true
    }

    private func refill() throws -> Bool {
        guard !atEnd else { return false }
        buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
        buffer.removeLast(buffer.count - count)
        position = 0
        if count == 0 { atEnd = true }
        return count > 0
    }
}
