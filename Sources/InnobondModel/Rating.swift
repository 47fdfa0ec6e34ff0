/// A domestic credit rating (`AAA`, `AA+`, ..., `C`, and the short-term
/// `A-1`, `A-2`, `A-3`), ordered from best to worst.
public struct Rating: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The long-term scale, best first, then the short-term one.
    public static let scale = [
        "AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-", "BB+", "BB", "BB-", "B+", "B", "B-",
        "CCC", "CC", "C", "A-1", "A-2", "A-3",
    ]

    /// The rating as written.
    public let value: String
    /// The position on ``scale``: 0 is best.
    public let rank: Int

    public init?(_ text: String) {
        guard let rank = Self.scale.firstIndex(of: text.uppercased()) else { return nil }
        value = Self.scale[rank]
        self.rank = rank
    }

    public var description: String { value }

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rank < rhs.rank }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let rating = Rating(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a rating: '\(text)'")
        }
        self = rating
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
