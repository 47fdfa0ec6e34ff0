/// A column of a registry file: its stable name, whether it must hold a
/// value, and how it is stored (and so written in JSON).
public struct Column: Sendable, Hashable {
    /// How a value is stored in the database.
    public enum Storage: Sendable, Hashable {
        /// Text as it is.
        case text
        /// A whole number.
        case integer
        /// A floating-point number, written back in its shortest form.
        case real
        /// Yuan in the file (`_cny`), integer fen in the database (`_fen`).
        case money
        /// `YYYY-MM-DD`.
        case date
        /// `true`/`false` in the file, 1/0 (or a boolean) in the database.
        case boolean
    }

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
    public let storage: Storage

    public init(_ name: String, required: Bool, _ storage: Storage = .text) {
        precondition(storage != .money || name.hasSuffix("_cny"), "a money column's name ends in _cny: \(name)")
        self.name = name
        self.required = required
        self.storage = storage
    }

    /// The JSON representation.
    public var jsonType: JSONType {
        switch storage {
        case .text, .date: return .string
        case .integer, .real, .money: return .number
        case .boolean: return .boolean
        }
    }

    /// The database column: a money column keeps fen, `amount_cny` as `amount_fen`.
    public var databaseName: String {
        storage == .money ? String(name.dropLast(4)) + "_fen" : name
    }
}
