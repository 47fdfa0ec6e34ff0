/// An amount of renminbi in integer fen (1 yuan = 100 fen), never a floating
/// point number.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in fen.
    public let fen: Int64

    public init(fen: Int64) {
        self.fen = fen
    }

    /// Parses yuan with at most two decimals (`1660000000`, `12.5`, `-3.25`);
    /// `nil` for anything else, exponents and thousands separators included.
    public init?(yuan text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == 45 || bytes[index] == 43 {
            negative = bytes[index] == 45
            index += 1
        }
        var whole: Int64 = 0
        var wholeDigits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            whole = whole * 10 + Int64(bytes[index] - 48)
            wholeDigits += 1
            index += 1
            guard wholeDigits <= 16 else { return nil }
        }
        var cents: Int64 = 0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var fractionDigits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                cents = cents * 10 + Int64(bytes[index] - 48)
                fractionDigits += 1
                index += 1
            }
            guard (1...2).contains(fractionDigits) else { return nil }
            if fractionDigits == 1 { cents *= 10 }
        }
        guard index == bytes.count, wholeDigits > 0 else { return nil }
        fen = (negative ? -1 : 1) * (whole * 100 + cents)
    }

    /// Yuan with two decimals when there are fen, none otherwise: `1660000000`, `12.50`.
    public var yuanText: String {
        let magnitude = fen.magnitude
        let sign = fen < 0 ? "-" : ""
        let cents = magnitude % 100
        guard cents != 0 else { return sign + String(magnitude / 100) }
        return sign + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// The amount in yuan, for arithmetic where a floating-point result is wanted.
    public var yuan: Double { Double(fen) / 100 }

    /// `yuanText`.
    public var description: String { yuanText }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen.addingClamped(rhs.fen)) }
    public static let zero = Money(fen: 0)

    /// The most a bond may raise, and a use of its proceeds plan: RMB 1
    /// trillion, beyond any bond issued; a registry's amounts then add up
    /// exactly in 64-bit fen for 92,000 such bonds.
    public static let largestIssue = Money(fen: 100_000_000_000_000)
}

extension Int64 {
    /// `self + other`, or the bound the sum passes: totals of fen stay
    /// defined (if capped) however large a registry grows.
    public func addingClamped(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// Adds `other`, stopping at the bound the sum passes.
    public mutating func addClamped(_ other: Int64) {
        self = addingClamped(other)
    }
}
