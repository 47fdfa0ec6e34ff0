/// What a holder of an API token may do. Reads need at least `viewer` (on a
/// private server); each kind's declaration names the least role that may
/// write it (market data: `analyst`; master data: `admin`).
public enum APIRole: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer
    case analyst
    case admin

    /// Whether the role may write rows of `kind`: its declaration names the
    /// least role that may.
    public func mayWrite(_ kind: RecordKind) -> Bool {
        self >= kind.declaration.writer
    }

    public static func < (lhs: APIRole, rhs: APIRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
