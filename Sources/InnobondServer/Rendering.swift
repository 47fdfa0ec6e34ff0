import FixedIncome
import Foundation
import HTTPTypes
import Hummingbird
import InnobondModel
import NIOCore

/// Responses of the server: HTML, JSON and CSV bodies, and the cache in
/// front of every read.
enum Rendering {
    static func entry(html: String, status: HTTPResponse.Status = .ok) -> ResponseCache.Entry {
        entry(html: Array(html.utf8), status: status)
    }

    /// A page rendered as UTF-8 (``Pages/renderUTF8(_:template:)``).
    static func entry(html: [UInt8], status: HTTPResponse.Status = .ok) -> ResponseCache.Entry {
        ResponseCache.Entry(contentType: "text/html; charset=utf-8", body: html, status: status.code)
    }

    static func entry(json value: some Encodable) throws -> ResponseCache.Entry {
        try entry(json: value, convertingKeys: true)
    }

    /// A value whose keys are snake case as written: encoded without
    /// converting them, to the same bytes.
    static func entry(json value: some SnakeCaseKeyed) throws -> ResponseCache.Entry {
        try entry(json: value, convertingKeys: false)
    }

    private static func entry(json value: some Encodable, convertingKeys: Bool) throws -> ResponseCache.Entry {
        ResponseCache.Entry(
            contentType: "application/json; charset=utf-8",
            body: try APIJSON.encode(value, convertingKeys: convertingKeys), status: 200)
    }

    static func entry(text: String, contentType: String) -> ResponseCache.Entry {
        ResponseCache.Entry(contentType: contentType, body: Array(text.utf8), status: 200)
    }

    static func response(_ entry: ResponseCache.Entry, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: entry.contentType]
        headers.append(contentsOf: extra)
        return Response(
            status: HTTPResponse.Status(code: entry.status), headers: headers,
            body: ResponseBody(byteBuffer: entry.body))
    }

    /// A read answered from the responses kept, or rendered from the current
    /// registry version and kept (once, however many ask at the same time):
    /// a page depends on the registry and its URI alone.
    /// `day` is the date an answer measures clocks against when its URI
    /// does not say (today): the same URI tomorrow is another answer.
    /// `reads` are the kinds of record the answer is computed from (`nil`:
    /// all): a write of other kinds keeps it.
    /// A `heavy` answer renders on the server's ``RenderLane``. `current`
    /// is the version the handler already read from (the latest when `nil`):
    /// the answer is rendered from it and kept as its.
    static func cached(
        _ request: Request, _ state: RegistryState, current: RegistryState.Current? = nil, day: CivilDate? = nil,
        reads: Set<RecordKind>? = nil, heavy: Bool = false,
        render: (RegistryState.Current) async throws -> ResponseCache.Entry
    ) async throws -> Response {
        let current = current ?? state.now
        let key = "\(current.staleSince == nil ? "" : "stale ")\(day.map { "\($0) " } ?? "")\(request.uri)"
        return response(
            try await state.responses.entry(key, from: ResponseCache.Source(version: current.version, reads: reads)) {
                heavy ? try await state.heavy.run { try await render(current) } : try await render(current)
            })
    }
}
