import InnobondModel

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
