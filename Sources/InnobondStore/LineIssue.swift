/// One reason a row of an import file was rejected.
public struct LineIssue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How rows are numbered: by line (CSV, whose rows each start a line) or
    /// by record (JSON, where many may share a line).
    public enum Unit: String, Sendable, Hashable {
        case line, record
    }

    /// The 1-based line of the file where the row starts, or for records the
    /// 1-based position of the record in the file.
    public var line: Int
    /// The column (CSV) or member (JSON) at fault.
    public var column: String
    /// Why.
    public var reason: String

    public var unit: Unit

    /// Column and reason are cut as ``FieldIssue``'s are.
    public init(line: Int, column: String, reason: String, unit: Unit = .line) {
        self.line = line
        self.column = column.clipped(to: 100)
        self.reason = reason.clipped(to: 500)
        self.unit = unit
    }

    /// `line N, column NAME: reason`, or `record N, member NAME: reason`.
    public var description: String {
        unit == .line ? "line \(line), column \(column): \(reason)" : "record \(line), member \(column): \(reason)"
    }

    public static func < (lhs: LineIssue, rhs: LineIssue) -> Bool {
        (lhs.line, lhs.column, lhs.reason) < (rhs.line, rhs.column, rhs.reason)
    }
}
