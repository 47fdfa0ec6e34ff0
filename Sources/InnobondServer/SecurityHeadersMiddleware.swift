import HTTPTypes
import Hummingbird

/// Headers every answer carries: no script at all and nothing framed
/// (Content-Security-Policy, X-Frame-Options), no type sniffing, referrers
/// kept to the server's own pages, and pages that depend on who asks kept
/// out of shared caches.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    /// Whether every read depends on the caller (a private server).
    let isPrivate: Bool

    /// The pages' policy: their own styles inline, images of their own or
    /// inline (SVG charts), forms posted to the server itself; no scripts,
    /// plugins, or framing by anyone.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    private static let frameOptions = HTTPField.Name("X-Frame-Options")!
    private static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    private static let openerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        response.headers[Self.openerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil {
            let personal =
                isPrivate || request.headers[.authorization] != nil
                || request.headers[.cookie]?.contains(BrowserSession.cookieName) == true
            response.headers[.cacheControl] = personal ? "private, no-store" : "no-cache"
        }
        return response
    }
}
