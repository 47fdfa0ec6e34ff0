import InnobondModel

/// What a holder of an API token may do. Reads need at least `viewer` (on a
/// private server); market data (quotes, curves, macro statistics, sector
/// investments) may be imported by an `analyst`; the registry's master data
/// (issuers, their financials, bonds, uses of proceeds) by an `admin` alone.
public enum APIRole: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer
    case analyst
    case admin

    /// Whether the role may import rows of `kind`.
    public func mayImport(_ kind: RecordKind) -> Bool {
        switch kind {
        case .quotes, .curves, .macro, .investments: return self >= .analyst
        case .issuers, .issuerFinancials, .bonds, .useOfProceeds: return self == .admin
        }
    }

    public static func < (lhs: APIRole, rhs: APIRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An API token as the store keeps it: its secret only as a SHA-256 hash.
public struct APIToken: Sendable, Codable, Equatable {
    public var id: Int64
    /// Who or what it is for.
    public var name: String
    public var role: APIRole
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var created: String
    /// When it was revoked, UTC; `nil` while it is valid.
    public var revoked: String?

    public init(id: Int64, name: String, role: APIRole, created: String, revoked: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.created = created
        self.revoked = revoked
    }
}
