import FixedIncome

/// Where a bond trades, from the suffix of its code.
public enum Market: String, Sendable, Hashable, CaseIterable, Codable {
    /// China interbank bond market (CIBM), `.IB`.
    case interbank = "IB"
    /// Shanghai Stock Exchange, `.SH`.
    case shanghai = "SH"
    /// Shenzhen Stock Exchange, `.SZ`.
    case shenzhen = "SZ"

    /// A short English label.
    public var label: String {
        switch self {
        case .interbank: return "Interbank"
        case .shanghai: return "Shanghai"
        case .shenzhen: return "Shenzhen"
        }
    }

    /// The pricing rules of the market: CIBM for the interbank market, SSE
    /// and SZSE for the exchanges.
    public var convention: MarketConvention {
        switch self {
        case .interbank: return .cibm
        case .shanghai: return .sse
        case .shenzhen: return .szse
        }
    }
}

/// A bond code with its market suffix: `102580123.IB`, `240001.SH`.
public struct BondCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The whole code, suffix included.
    public let value: String
    /// The market of the suffix.
    public let market: Market

    /// Validates a code: 1 to 20 ASCII letters or digits, a dot, and `IB`,
    /// `SH` or `SZ`, in any case (kept in capitals: `251453.sh` is
    /// `251453.SH`).
    public init?(_ text: String) {
        guard let code = capitalizedMarketCode(text, stem: 1...20, suffix: 2...2) else { return nil }
        var suffix = code.utf8.reversed().makeIterator()
        switch (suffix.next().map { UnicodeScalar($0) }, suffix.next().map { UnicodeScalar($0) }) {
        case ("B", "I"): market = .interbank
        case ("H", "S"): market = .shanghai
        case ("Z", "S"): market = .shenzhen
        default: return nil
        }
        value = code
    }

    public var description: String { value }

    public static func < (lhs: BondCode, rhs: BondCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = BondCode(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a bond code: '\(text)'")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A market code in capitals: `stem` ASCII letters or digits, a dot and
/// `suffix` ASCII letters, in any case; `nil` for anything else. Letters are
/// checked before capitals are made, so no other script's letter (`ı`, `ﬁ`)
/// becomes an ASCII one.
func capitalizedMarketCode(_ text: String, stem: ClosedRange<Int>, suffix: ClosedRange<Int>) -> String? {
    func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, lowercase: Bool) {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), stem.contains(dot),
            suffix.contains(bytes.count - dot - 1)
        else { return (false, false) }
        var lowercase = false
        for index in bytes.indices where index != dot {
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): lowercase = true
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index < dot: break
            default: return (false, false)
            }
        }
        return (true, lowercase)
    }
    let (valid, lowercase) =
        text.utf8.withContiguousStorageIfAvailable(check) ?? Array(text.utf8).withUnsafeBufferPointer(check)
    guard valid else { return nil }
    // Most codes come in capitals already, and are kept as they are.
    guard lowercase else { return text }
    return String(
        decoding: text.utf8.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }, as: UTF8.self)
}

extension FieldReader {
    /// A required bond code.
    public mutating func bondCode(_ column: String) -> BondCode? {
        parsed(column, required: true, expected: "not a bond code (1 to 20 letters or digits, then .IB, .SH or .SZ)") {
            BondCode($0)
        }
    }
}
