/// A column of a registry file: its stable name, whether it must hold a value,
/// and how JSON carries it.
public struct Column: Sendable, Hashable {
    /// How a value is written in JSON (CSV writes them all as text).
    public enum JSONType: Sendable, Hashable {
        /// A JSON string.
        case string
        /// A JSON number, written from its exact decimal text.
        case number
        /// `true` or `false`.
        case boolean
    }

    /// The column name in CSV headers and JSON objects.
    public let name: String
    /// Whether an empty value is an error.
    public let required: Bool
    /// The JSON representation.
    public let jsonType: JSONType

    public init(_ name: String, required: Bool, _ jsonType: JSONType = .string) {
        self.name = name
        self.required = required
        self.jsonType = jsonType
    }
}
