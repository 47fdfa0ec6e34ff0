/// One reason a row of an import file was rejected.
public struct LineIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line of the file where the row starts.
    public var line: Int
    /// The column (CSV) or member (JSON) at fault.
    public var column: String
    /// Why.
    public var reason: String

    public init(line: Int, column: String, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line N, column NAME: reason`.
    public var description: String { "line \(line), column \(column): \(reason)" }

    public static func < (lhs: LineIssue, rhs: LineIssue) -> Bool {
        (lhs.line, lhs.column, lhs.reason) < (rhs.line, rhs.column, rhs.reason)
    }
}
