import InnobondModel

/// Bounds on what one file may ask of an import, so that a hostile or
/// broken file costs at most a little memory and a short error report
/// (a header of a million unknown columns once made a 252 MB answer).
public enum ImportLimits {
    /// Columns of a CSV header, or members of a JSON object: far more than
    /// any kind has.
    public static let columns = 256
    /// Issues listed for one row, or for a file's header; the rest are counted.
    public static let issuesPerRow = 20
}

extension Array where Element == FieldIssue {
    /// At most ``ImportLimits/issuesPerRow`` issues, the last saying how
    /// many more there were.
    func capped() -> [FieldIssue] {
        guard count > ImportLimits.issuesPerRow else { return self }
        let kept = ImportLimits.issuesPerRow - 1
        return Array(prefix(kept)) + [
            FieldIssue(column: "-", reason: "and \(count - kept) more issues in this row, not listed")
        ]
    }
}
