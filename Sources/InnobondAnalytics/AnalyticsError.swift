import InnobondIO

/// Why a batch could not run at all (as opposed to a row being rejected).
public enum AnalyticsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input has no header row.
    case emptyInput
    /// Required columns are absent from the header.
    case missingColumns([String])
    /// A required column appears more than once in the header.
    case duplicateColumn(String)
    /// The input or output failed.
    case io(IOError)
    /// A curve file has bad rows or makes no curve.
    case badCurveFile([String])

    public var description: String {
        switch self {
        case .emptyInput:
            return "line 1: the input is empty; expected a header row naming the columns"
        case .missingColumns(let names):
            return "line 1: missing column\(names.count == 1 ? "" : "s") "
                + names.joined(separator: ", ") + " (the header must name "
                + AnalyticsColumns.requiredNames.joined(separator: ", ") + ")"
        case .duplicateColumn(let name):
            return "line 1, column \(name): the column appears more than once in the header"
        case .io(let error):
            return error.description
        case .badCurveFile(let problems):
            return "curve file: " + problems.prefix(20).joined(separator: "; ")
                + (problems.count > 20 ? "; and \(problems.count - 20) more" : "")
        }
    }
}
