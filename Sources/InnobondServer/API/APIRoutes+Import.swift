import Foundation
import HTTPTypes
import Hummingbird
import InnobondIO
import InnobondModel
import InnobondStore
import NIOCore

extension APIRoutes {
    static let imports: [APIRoute] = [
        APIRoute(
            method: .post, path: "/api/v1/import/:kind",
            summary: "Import a registry file: all or nothing unless skip_invalid, every bad row named", tag: "import",
            parameters: [
                .init(
                    name: "format", kind: .string, description: "Body format (default: from Content-Type)",
                    values: ["csv", "json"]),
                .init(name: "skip_invalid", kind: .boolean, description: "Write the good rows, report the bad ones"),
            ], bodyTypes: ["text/csv", "application/json"],
            errors: [
                400: "A parameter is not valid", 401: "No valid token",
                403: "The token's role may not import this kind",
                413: "The body is larger than the server accepts",
                503: "The database is unavailable or another writer held it too long: nothing was written; try again",
                422:
                    "Bad rows: nothing was written (with skip_invalid, the good rows are written and the answer is 200)",
            ], schema: "ImportReport"
        ) { request, context, state in
            let text = context.parameters.get("kind") ?? ""
            guard let kind = RecordKind(rawValue: text) else {
                throw APIError.badParameter(
                    "kind", "'\(text)' is not one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let role = context.role else { throw APIError(.unauthorized, "imports need a token") }
            guard role.mayWrite(kind) else {
                let article = "aeiou".contains(role.rawValue.first ?? "x") ? "an" : "a"
                throw APIError(.forbidden, "\(article) \(role.rawValue) token may not import \(kind.rawValue)")
            }
            let query = Query(request)
            let format = try bodyFormat(query, request, fallback: .csv)
            let skipInvalid = try query.boolean("skip_invalid") ?? false
            // While the store does not answer the server's polls, a write
            // would only wait for it: say so at once.
            if let error = state.storeError { throw APIError.unavailable(.unavailable(error)) }
            var request = request
            let body = try await request.collectBody(
                upTo: context.maxUploadSize,
                tooLarge:
                    "the body is larger than \(context.maxUploadSize / 1_048_576) MB: import the file with the CLI, or in parts"
            )
            let report: ImportReport
            do {
                let source = try ImportSource(
                    kind: kind, format: format, input: MemoryInput(Array(buffer: body), name: "body"))
                report = try await Timed.store("import") {
                    try await state.store.importRows(
                        from: source,
                        options: ImportOptions(
                            skipInvalid: skipInvalid, actor: context.token.map(WriteActor.token) ?? .system))
                }
            } catch let error as StoreError {
                throw APIError.writing(error, what: "\(kind.rawValue) file")
            }
            if report.committed { try await state.refresh(force: true) }
            context.logger.info(
                "import",
                metadata: [
                    "kind": "\(kind.rawValue)", "rows": "\(report.rowsRead)", "written": "\(report.rowsWritten)",
                    "bad": "\(report.badRows)", "role": "\(role.rawValue)",
                ])
            var entry = try Rendering.entry(json: ImportResult(report))
            entry.status = report.committed ? 200 : HTTPResponse.Status.unprocessableContent.code
            return Rendering.response(entry)
        },
        APIRoute(
            method: .post, path: "/api/v1/import-csl",
            summary:
                "Import a release of the US Consolidated Screening List (consolidated.json or .csv, as trade.gov "
                + "publishes it): parties that vanished are removed on the release's day, never deleted "
                + "(docs/formats/screening-lists.md)",
            tag: "import",
            parameters: [
                .init(
                    name: "format", kind: .string, description: "Body format (default: from Content-Type)",
                    values: ["csv", "json"]),
                .init(
                    name: "published", kind: .date, description: "The day the release was published (default: today)"),
            ], bodyTypes: ["application/json", "text/csv"],
            errors: [
                400: "A parameter is not valid, or an entry is bad (each named; nothing written)",
                401: "No valid token", 403: "Only an admin may import measures",
                409: "A party changed meanwhile: nothing was written; import again",
                413: "The body is larger than the server accepts",
                503: "The database is unavailable or another writer held it too long: nothing was written; try again",
            ], schema: "ScreeningListReport"
        ) { request, context, state in
            guard let token = context.token else { throw APIError(.unauthorized, "imports need a token") }
            guard token.role.mayWrite(.measures) && token.role.mayWrite(.measureTargets) else {
                throw APIError(.forbidden, "a \(token.role.rawValue) token may not import measures")
            }
            let query = Query(request)
            let format = try bodyFormat(query, request, fallback: .json)
            let published = try query.date("published") ?? state.today
            if let error = state.storeError { throw APIError.unavailable(.unavailable(error)) }
            var request = request
            let body = try await request.collectBody(
                upTo: context.maxUploadSize,
                tooLarge: "the body is larger than \(context.maxUploadSize / 1_048_576) MB: import it with the CLI")
            let report: ScreeningListImport.Report
            do {
                let entries = try ScreeningListEntry.read(
                    MemoryInput(Array(buffer: body), name: "body"), format: format)
                report = try await Timed.store("import") {
                    try await ScreeningListImport.run(
                        entries, published: published, store: state.store, actor: .token(token))
                }
            } catch let error as StoreError {
                throw APIError.writing(error, what: "screening list")
            }
            guard report.imports.allSatisfy(\.committed) else {
                let issues = report.imports.flatMap(\.issues)
                throw APIError(
                    .conflict, "nothing was written: " + issues.map(\.description).prefix(5).joined(separator: "; "),
                    field: "body")
            }
            try await state.refresh(force: true)
            return Rendering.response(
                try Rendering.entry(
                    json: ScreeningListResult(
                        entries: report.entries, lists: report.lists, removed: report.removed,
                        imports: report.imports.map(ImportResult.init))))
        },
    ]

    /// A body's format: the `format` parameter, else the Content-Type's,
    /// else `fallback`.
    static func bodyFormat(_ query: Query, _ request: Request, fallback: ImportSource.Format) throws(APIError)
        -> ImportSource.Format
    {
        if let name = query.text("format") {
            guard let value = ImportSource.Format(rawValue: name) else {
                throw .badParameter("format", "'\(name)' is not csv or json")
            }
            return value
        }
        let type = request.headers[.contentType] ?? ""
        return type.contains("json") ? .json : type.contains("csv") ? .csv : fallback
    }

    /// What a screening list's import did, for JSON.
    struct ScreeningListResult: Encodable, Sendable {
        var entries: Int
        var lists: Int
        var removed: Int
        var imports: [ImportResult]
    }

    /// What an import did, for JSON.
    struct ImportResult: Encodable, Sendable {
        /// A bad row: its line in a CSV body, its position among the records of a JSON body.
        struct Issue: Encodable, Sendable {
            var line: Int?
            var record: Int?
            var column: String
            var message: String
        }

        var kind: String
        var rowsRead: Int
        var rowsWritten: Int
        var badRows: Int
        var committed: Bool
        var issues: [Issue]
        var summary: String

        init(_ report: ImportReport) {
            kind = report.kind.rawValue
            rowsRead = report.rowsRead
            rowsWritten = report.rowsWritten
            badRows = report.badRows
            committed = report.committed
            issues = report.issues.map { issue in
                Issue(
                    line: issue.unit == .line ? issue.line : nil, record: issue.unit == .record ? issue.line : nil,
                    column: issue.column, message: issue.reason)
            }
            summary = report.summary.replacing("import with --skip-invalid", with: "send skip_invalid=true")
        }
    }
}
