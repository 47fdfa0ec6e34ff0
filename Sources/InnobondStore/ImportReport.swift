import InnobondModel

/// How an import is run.
public struct ImportOptions: Sendable {
    /// Write the good rows and report the bad ones, instead of writing nothing.
    public var skipInvalid: Bool
    /// The most issues a report lists; the rest are counted.
    public var issueLimit: Int

    /// Who writes, for the audit log.
    public var actor: WriteActor

    public init(skipInvalid: Bool = false, issueLimit: Int = 100, actor: WriteActor = .system) {
        self.skipInvalid = skipInvalid
        self.issueLimit = issueLimit
        self.actor = actor
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    public var kind: RecordKind
    /// Rows read from the file.
    public var rowsRead = 0
    /// Rows written (inserted or replaced).
    public var rowsWritten = 0
    /// Of the good rows, those whose key was new.
    public var inserted = 0
    /// Of the good rows, those that replaced a different stored row.
    public var replaced = 0
    /// Of the good rows, those equal to the stored row of their key.
    public var unchanged = 0
    /// Rows rejected.
    public var badRows = 0
    /// The first issues by line, at most the options' limit.
    public var issues: [LineIssue] = []
    /// Whether anything was written.
    public var committed = false

    public init(kind: RecordKind) {
        self.kind = kind
    }

    /// Counts the good rows as inserted, replaced or unchanged, from how
    /// many had a stored key and how many of those equalled the stored row.
    public mutating func count(existing: Int, unchanged: Int) {
        let good = rowsRead - badRows
        inserted = max(0, good - existing)
        replaced = max(0, existing - unchanged)
        self.unchanged = unchanged
    }

    /// Issues beyond those listed.
    public var unlistedIssues: Int { max(0, badRows - Set(issues.map(\.line)).count) }

    /// One line on the outcome.
    public var summary: String {
        func rows(_ count: Int, _ adjective: String = "") -> String {
            "\(count) \(adjective)\(count == 1 ? "row" : "rows")"
        }
        if badRows == 0 {
            return "\(kind.rawValue): \(rows(rowsRead)) read, \(rowsWritten) written"
        }
        if committed {
            return "\(kind.rawValue): \(rows(rowsRead)) read, \(rowsWritten) written, \(rows(badRows, "bad ")) skipped"
        }
        let good = rowsRead - badRows
        return "\(kind.rawValue): \(rows(rowsRead)) read, \(badRows) bad; nothing written "
            + (good == 0
                ? "(fix \(badRows == 1 ? "it" : "them"))"
                : "(fix \(badRows == 1 ? "it" : "them"), or import with --skip-invalid to write the \(rows(good, "good ")))")
    }
}

/// Gathers the issues of an import: counts every bad row, keeps the first
/// issues by line up to a limit.
public struct IssueCollector: Sendable {
    private let limit: Int
    private let unit: LineIssue.Unit
    private(set) var issues: [LineIssue] = []
    private(set) var badRows = 0

    /// - Parameter unit: how the file's rows are numbered.
    public init(limit: Int, unit: LineIssue.Unit = .line) {
        self.limit = limit
        self.unit = unit
    }

    /// Adds the issues of rows rejected while reading (several may share a line).
    public mutating func addRowIssues(_ rowIssues: [LineIssue]) {
        badRows += Set(rowIssues.map(\.line)).count
        keep(rowIssues)
    }

    /// Adds the rows a check listed (at most the limit) and the count it marked.
    public mutating func addCheck(_ check: ImportStatements.Check, listed: [[SQLValue]], marked: Int) {
        badRows += marked
        keep(
            listed.map { values in
                LineIssue(
                    line: Int(values.first?.integerValue ?? 0), column: check.column,
                    reason: check.describe(Array(values.dropFirst())), unit: unit)
            })
    }

    private mutating func keep(_ new: [LineIssue]) {
        issues += new
        if issues.count > 4 * limit + 100 { trim() }
    }

    private mutating func trim() {
        issues.sort()
        // Keep every issue of the first `limit` lines.
        var lines = Set<Int>()
        issues = issues.filter { issue in
            if lines.contains(issue.line) { return true }
            guard lines.count < limit else { return false }
            lines.insert(issue.line)
            return true
        }
    }

    /// Completes a report with the issues gathered.
    public func complete(_ report: inout ImportReport) {
        var copy = self
        copy.trim()
        report.issues = copy.issues
        report.badRows = badRows
    }
}
