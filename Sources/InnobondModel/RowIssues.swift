/// One reason a field of a row is not acceptable.
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    /// The column (CSV) or field name (JSON) at fault.
    public var column: String
    /// Why, in words a user can act on.
    public var reason: String

    /// A column name past 100 characters, or a reason past 500 (which may
    /// quote a value), is cut there: a report never echoes a huge field.
    public init(column: String, reason: String) {
        self.column = column.clipped(to: 100)
        self.reason = reason.clipped(to: 500)
    }

    public var description: String { "column \(column): \(reason)" }
}

extension String {
    /// The text cut to at most `limit` characters, an ellipsis marking a cut.
    public func clipped(to limit: Int) -> String {
        guard utf8.count > limit, count > limit else { return self }
        return prefix(limit - 1) + "…"
    }
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
