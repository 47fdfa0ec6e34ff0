import HTTPTypes
import Hummingbird

/// Answers `HEAD` as the `GET` of the same URL would, without the body
/// (RFC 9110 §9.3.2): the same status and headers, the body's length kept
/// in `Content-Length`. It wraps the router, since routes are found by method.
struct HeadResponder<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        let response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        var headers = response.headers
        if let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: ResponseBody())
    }
}
