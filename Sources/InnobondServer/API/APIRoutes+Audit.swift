import Hummingbird
import InnobondModel
import InnobondStore

extension APIRoutes {
    /// Entries a page.
    static let auditLimit = APIRoute.Parameter(
        name: "limit", kind: .integer, description: "Entries a page (default 100)", range: 1...1000)

    /// The token whose writes are asked for.
    static let auditToken = APIRoute.Parameter(
        name: "token", kind: .integer, description: "Entries of this token's writes", range: 1...9e15)
    /// Where a page starts.
    static let auditAfter = APIRoute.Parameter(
        name: "after", kind: .integer, description: "Entries after this id (the next_after of a page)", range: 0...9e15)

    /// Where a newest-first page starts (the audit page's).
    static let auditBefore = APIRoute.Parameter(
        name: "before", kind: .integer, description: "Entries before this id", range: 1...9e15)

    static let audit: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/audit",
            summary:
                "The audit log, oldest first: every write, who made it, when, with what outcome (admin tokens only)",
            tag: "operations",
            parameters: [
                .init(name: "since", kind: .date, description: "Entries on or after this day"),
                .init(
                    name: "kind", kind: .string, description: "Entries of this kind",
                    values: RecordKind.allCases.map(\.rawValue)),
                auditToken, auditAfter, auditLimit,
            ], errors: [400: "A parameter is not valid", 401: "No valid token", 403: "The token is not an admin's"],
            schema: "AuditPage"
        ) { request, context, state in
            try requireAdmin(context)
            let filter = try auditFilter(Query(request))
            let entries = try await Timed.store("audit") { try await state.store.auditEntries(filter) }
            return Rendering.response(
                try Rendering.entry(
                    json: APIModels.AuditPage(
                        items: entries, nextAfter: entries.count == filter.limit ? entries.last?.id : nil)))
        }
    ]

    /// Refuses callers other than admins: the log names every token's holder.
    static func requireAdmin(_ context: ServerRequestContext) throws {
        guard let role = context.role else { throw APIError(.unauthorized, "the audit log needs an admin token") }
        guard role == .admin else {
            throw APIError(.forbidden, "the audit log is for admin tokens, not \(role.rawValue)")
        }
    }

    /// The filter of an audit request.
    static func auditFilter(_ query: Query) throws -> AuditFilter {
        var kind: RecordKind?
        if let text = query.text("kind") {
            guard let value = RecordKind(rawValue: text) else {
                throw APIError.badParameter("kind", "'\(text)' is not a kind")
            }
            kind = value
        }
        return AuditFilter(
            since: try query.date("since")?.iso8601, kind: kind,
            tokenID: try query.integer(auditToken).map(Int64.init),
            after: try query.integer(auditAfter).map(Int64.init),
            limit: try query.integer(auditLimit) ?? 100)
    }
}
