/// The SQL of browser sessions, the same on both databases but for the
/// expression of the current time (UTC, `YYYY-MM-DDTHH:MM:SSZ` text, which
/// orders as time does) and of parameters.
public enum SessionStatements {
    /// The token columns, as the stores read them.
    public static let tokenColumns = "t.id, t.name, t.role, t.created_at, t.revoked_at"

    /// The valid token of a live session whose hash is `parameter`.
    public static func token(now: String, parameter: String) -> String {
        "SELECT \(tokenColumns) FROM sessions AS s JOIN api_tokens AS t ON t.id = s.token_id "
            + "WHERE s.secret_hash = \(parameter) AND s.ended_at IS NULL AND s.expires_at > \(now) "
            + "AND t.revoked_at IS NULL"
    }

    /// Ends the live session whose hash is `parameter`.
    public static func end(now: String, parameter: String) -> String {
        "UPDATE sessions SET ended_at = \(now) WHERE secret_hash = \(parameter) AND ended_at IS NULL"
    }
}
