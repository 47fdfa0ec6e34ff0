import InnobondModel
import InnobondStore
import PostgresNIO

extension PostgresRegistryStore {
    private static let tokenColumns = "id, name, role, created_at, revoked_at"

    private static func token(_ row: [SQLValue]) -> APIToken {
        APIToken(
            id: row[0].integerValue ?? 0, name: row[1].textValue ?? "",
            role: APIRole(rawValue: row[2].textValue ?? "") ?? .viewer, created: row[3].textValue ?? "",
            revoked: row[4].textValue)
    }

    private static let now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

    public func revokedTokenCount() async throws -> Int {
        try await call("reading tokens", connectionWait: Self.pollConnectionWait) { connection, progress in
            try await self.count("SELECT count(revoked_at) FROM api_tokens", on: connection, progress: progress)
        }
    }

    public func createToken(name: String, role: APIRole, secretHash: String, actor: WriteActor) async throws
        -> APIToken
    {
        try await call("creating a token", writes: true) { connection, progress in
            try await self.transaction(on: connection, progress: progress) {
                let rows = try await self.rows(
                    "INSERT INTO api_tokens (name, role, secret_hash, created_at) VALUES ($1, $2, $3, \(Self.now)) "
                        + "RETURNING \(Self.tokenColumns)",
                    [.text(name), .text(role.rawValue), .text(secretHash)], on: connection, progress: progress)
                guard let row = rows.first else { throw StoreError.database("the new token was not stored") }
                let token = Self.token(row)
                try await self.audit(
                    AuditDraft(
                        action: .tokenCreate, actor: actor, detail: "token \(token.id) (\(name), \(role.rawValue))"),
                    on: connection, progress: progress)
                return token
            }
        }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await call("reading tokens") { connection, progress in
            try await self.rows(
                "SELECT \(Self.tokenColumns) FROM api_tokens WHERE secret_hash = $1 AND revoked_at IS NULL",
                [.text(secretHash)], on: connection, progress: progress
            ).first.map(Self.token)
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await call("reading tokens") { connection, progress in
            try await self.rows(
                "SELECT \(Self.tokenColumns) FROM api_tokens ORDER BY id", on: connection, progress: progress
            ).map(Self.token)
        }
    }

    public func revokeToken(id: Int64, actor: WriteActor) async throws -> Bool {
        try await call("revoking a token", writes: true) { connection, progress in
            try await self.transaction(on: connection, progress: progress) {
                let revoked = try await self.rows(
                    "UPDATE api_tokens SET revoked_at = \(Self.now) WHERE id = $1 AND revoked_at IS NULL RETURNING id",
                    [.integer(id)], on: connection, progress: progress)
                guard !revoked.isEmpty else { return false }
                try await self.audit(
                    AuditDraft(action: .tokenRevoke, actor: actor, detail: "token \(id)"), on: connection,
                    progress: progress)
                return true
            }
        }
    }

    public func createSession(tokenID: Int64, secretHash: String, lifetime: Int, actor: WriteActor) async throws {
        try await call("starting a session", writes: true) { connection, progress in
            try await self.transaction(on: connection, progress: progress) {
                _ = try await self.rows(
                    "INSERT INTO sessions (secret_hash, token_id, created_at, expires_at) VALUES ($1, $2, \(Self.now), "
                        + "to_char((now() + make_interval(secs => $3::double precision)) AT TIME ZONE 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
                    [.text(secretHash), .integer(tokenID), .integer(Int64(lifetime))], on: connection,
                    progress: progress)
                try await self.audit(
                    AuditDraft(action: .sessionStart, actor: actor, detail: "for \(lifetime) s"), on: connection,
                    progress: progress)
            }
        }
    }

    public func sessionToken(secretHash: String) async throws -> APIToken? {
        try await call("reading sessions") { connection, progress in
            try await self.rows(
                SessionStatements.token(now: Self.now, parameter: "$1"), [.text(secretHash)], on: connection,
                progress: progress
            ).first.map(Self.token)
        }
    }

    public func endSession(secretHash: String, actor: WriteActor) async throws -> Bool {
        try await call("ending a session", writes: true) { connection, progress in
            try await self.transaction(on: connection, progress: progress) {
                let ended = try await self.rows(
                    SessionStatements.end(now: Self.now, parameter: "$1") + " RETURNING 1", [.text(secretHash)],
                    on: connection, progress: progress)
                guard !ended.isEmpty else { return false }
                try await self.audit(AuditDraft(action: .sessionEnd, actor: actor), on: connection, progress: progress)
                return true
            }
        }
    }

    public func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry] {
        let (sql, arguments) = AuditStatements.select(filter, .postgres)
        return try await call("reading the audit log") { connection, progress in
            try await self.rows(sql, arguments, on: connection, progress: progress).map(AuditStatements.entry)
        }
    }
}
