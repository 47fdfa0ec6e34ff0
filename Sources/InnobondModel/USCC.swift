/// A unified social credit code (统一社会信用代码): 18 characters from
/// `0123456789ABCDEFGHJKLMNPQRTUWXY`, the last a check character over the
/// first 17 (GB 32100-2015).
public struct USCC: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The values 0...30 of the first twelve characters, five bits each, the
    /// first character highest; ``tail`` holds the last six. Held inline, a
    /// code costs its record no allocation (18 characters do not fit a small
    /// string: a million bonds held 50 MB of them), and codes hash and
    /// compare as integers, in the order of their text.
    private let head: UInt64
    private let tail: UInt32

    /// The 18 characters.
    public var value: String {
        String(unsafeUninitializedCapacity: 18) { buffer in
            for position in 0..<18 { buffer[position] = Self.alphabetBytes[digit(position)] }
            return 18
        }
    }

    /// The value 0...30 of the character at `position` (0...17).
    private func digit(_ position: Int) -> Int {
        position < 12
            ? Int(truncatingIfNeeded: head >> UInt64(5 * (11 - position)) & 31)
            : Int(truncatingIfNeeded: tail >> UInt32(5 * (17 - position)) & 31)
    }

    /// The 31 characters a code may use, in the order of their values 0...30.
    public static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let alphabetBytes = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Weights of the first 17 characters: 3^i mod 31.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why a text is not a unified social credit code.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(found: Character, expected: Character)

        public var description: String {
            switch self {
            case .length(let count): return "must be 18 characters, not \(count)"
            case .character(let character, let position):
                return "character \(position) '\(character)' is not one of 0-9 and A-Y without I, O, S, V, Z"
            case .checkCharacter(let found, let expected):
                return "check character is '\(found)', expected '\(expected)'"
            }
        }
    }

    /// Validates a code, check character included (letters may be lower case).
    public init(_ text: String) throws(Problem) {
        // One pass over the bytes in place: registries validate a code for
        // every issuer, bond and allocation they read.
        guard text.utf8.count == 18 else {
            // 18 characters in more bytes: one is not ASCII (a full-width digit, say).
            if text.count == 18, let (index, character) = text.enumerated().first(where: { !$0.element.isASCII }) {
                throw .character(character, position: index + 1)
            }
            throw .length(text.count)
        }
        let checked =
            text.utf8.withContiguousStorageIfAvailable(Self.check)
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.check)
        (head, tail) = try checked.get()
    }

    /// Checks 18 bytes: their values packed, or the problem.
    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<(UInt64, UInt32), Problem> {
        var sum = 0
        var head: UInt64 = 0
        var tail: UInt32 = 0
        for position in 0..<18 {
            let letter = upperCased(bytes[position])
            guard let value = value(of: letter) else {
                return .failure(.character(Character(UnicodeScalar(bytes[position])), position: position + 1))
            }
            if position < 12 {
                head = head << 5 | UInt64(value)
            } else {
                tail = tail << 5 | UInt32(value)
            }
            if position < 17 {
                sum += value * weights[position]
            } else {
                let expected = alphabetBytes[(31 - sum % 31) % 31]
                guard letter == expected else {
                    return .failure(
                        .checkCharacter(
                            found: Character(UnicodeScalar(letter)), expected: Character(UnicodeScalar(expected))))
                }
            }
        }
        return .success((head, tail))
    }

    private static func upperCased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
    }

    /// The value 0...30 of an upper-case ASCII character of the alphabet.
    static func value(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "H"): return Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "J")...UInt8(ascii: "N"): return Int(byte - UInt8(ascii: "J")) + 18
        case UInt8(ascii: "P")...UInt8(ascii: "R"): return Int(byte - UInt8(ascii: "P")) + 23
        case UInt8(ascii: "T")...UInt8(ascii: "U"): return Int(byte - UInt8(ascii: "T")) + 26
        case UInt8(ascii: "W")...UInt8(ascii: "Y"): return Int(byte - UInt8(ascii: "W")) + 28
        default: return nil
        }
    }

    /// The code whose first 17 characters are `prefix`, completed with its
    /// check character; `nil` when `prefix` is not 17 characters of the alphabet.
    public static func completing(_ prefix: String) -> USCC? {
        let characters = Array(prefix)
        guard characters.count == 17 else { return nil }
        let values = characters.compactMap { alphabet.firstIndex(of: $0) }
        guard values.count == 17 else { return nil }
        return try? USCC(prefix + String(checkCharacter(for: values[...])))
    }

    /// (31 − Σ value·weight mod 31) mod 31, as a character.
    static func checkCharacter(for values: ArraySlice<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    public var description: String { value }

    public static func < (lhs: USCC, rhs: USCC) -> Bool { (lhs.head, lhs.tail) < (rhs.head, rhs.tail) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
