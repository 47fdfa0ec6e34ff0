import Foundation
import Hummingbird
import InnobondModel
import InnobondStore

extension APIRoutes {
    static let changes: [APIRoute] = [
        APIRoute(
            method: .post, path: "/api/v1/changes/:kind",
            summary:
                "Change one record of a versioned kind (a state change): the body names its key, the revision it was "
                + "read at and the new values; a stale revision is refused with the current one",
            tag: "import", bodyTypes: ["application/json"],
            errors: [
                400: "The body is not a change, or names no column of the kind",
                401: "No valid token", 403: "The token's role may not write this kind",
                404: "No record has the key", 409: "The revision is stale: error.current_revision is the current one",
                422: "The record's rules refuse the change (a state it may not go to, a date before another)",
                503: "The database is unavailable or busy: nothing was written; try again",
            ], schema: "ChangeResult"
        ) { request, context, state in
            let text = context.parameters.get("kind") ?? ""
            guard let kind = RecordKind(rawValue: text), kind.declaration.merge == .versioned else {
                let versioned = RecordKind.allCases.filter { $0.declaration.merge == .versioned }.map(\.rawValue)
                throw APIError.badParameter(
                    "kind",
                    "'\(text)' is not a kind changed one record at a time (\(versioned.joined(separator: ", ")))")
            }
            guard let token = context.token else { throw APIError(.unauthorized, "changes need a token") }
            guard token.role.mayWrite(kind) else {
                throw APIError(.forbidden, "a \(token.role.rawValue) token may not change \(kind.rawValue)")
            }
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024, tooLarge: "a change is under 64 KB")
            let change: ChangeBody
            do {
                change = try JSONDecoder().decode(ChangeBody.self, from: Data(buffer: body))
            } catch {
                throw APIError(
                    .badRequest, "the body is not a change: {\"key\": {...}, \"revision\": N, \"set\": {...}}",
                    field: "body")
            }
            do {
                let outcome = try await Timed.store("change") {
                    try await state.store.change(
                        RecordChange(kind: kind, key: change.key, revision: change.revision, values: change.set),
                        actor: .token(token))
                }
                try await state.refresh(force: true)
                let columns = kind.columns.map(\.name)
                return Rendering.response(
                    try Rendering.entry(
                        json: ChangeResult(
                            kind: kind.rawValue, key: change.key, revision: outcome.revision,
                            record: Dictionary(uniqueKeysWithValues: zip(columns, outcome.texts)),
                            changed: outcome.changed.map {
                                ChangeResult.Changed(column: $0.column, before: $0.before, after: $0.after)
                            })))
            } catch StoreError.conflict(let message, let current) {
                var error = APIError(.conflict, message, field: "revision")
                error.currentRevision = current
                throw error
            } catch StoreError.notFound(let message) {
                throw APIError(.notFound, message, field: "key")
            } catch StoreError.rejected(let message) {
                throw APIError(.unprocessableContent, message, field: "set")
            }
        }
    ]

    /// The body of a change.
    struct ChangeBody: Decodable {
        var key: [String: String]
        var revision: Int
        var set: [String: String?]
    }

    /// What a change did.
    struct ChangeResult: Encodable, Sendable {
        struct Changed: Encodable, Sendable {
            var column: String
            var before: String?
            var after: String?
        }

        var kind: String
        var key: [String: String]
        /// The record's revision now.
        var revision: Int
        /// The record now, by file column, as files write it.
        var record: [String: String?]
        var changed: [Changed]
    }
}
