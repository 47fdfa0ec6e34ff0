/// One reason a field of a row is not acceptable.
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    /// The column (CSV) or field name (JSON) at fault.
    public var column: String
    /// Why, in words a user can act on.
    public var reason: String

    public init(column: String, reason: String) {
        self.column = column
        self.reason = reason
    }

    public var description: String { "column \(column): \(reason)" }
}

/// The model's error: a row whose fields break the registry's rules, with
/// every issue found in it.
public struct RowIssues: Error, Sendable, Hashable, CustomStringConvertible {
    /// The issues, in column order.
    public var issues: [FieldIssue]

    public init(_ issues: [FieldIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "; ") }
}
