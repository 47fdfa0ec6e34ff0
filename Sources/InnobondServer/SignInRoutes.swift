import Foundation
import HTTPTypes
import Hummingbird
import InnobondPages
import InnobondStore

/// Signing a browser in and out: a session started from a token pasted in
/// the form, kept in the store, ended at sign-out.
enum SignInRoutes {
    static func register(
        on router: Router<ServerRequestContext>, state: RegistryState, pages: Pages,
        layout: @escaping @Sendable (ServerRequestContext) -> Layout
    ) {
        let throttle = SignInThrottle()
        @Sendable func page(
            _ context: ServerRequestContext, message: String? = nil, status: HTTPResponse.Status = .ok
        ) throws -> Response {
            let page = SignInPage(
                layout: layout(context), message: message,
                signedInAs: context.sessionSecret != nil
                    ? context.token.map { "\($0.name) (\($0.role.rawValue))" } : nil,
                csrf: context.sessionSecret.map(BrowserSession.csrfToken))
            var response = Rendering.response(
                Rendering.entry(html: try pages.renderUTF8(page, template: "sign-in"), status: status))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("/sign-in") { _, context in try page(context) }
        router.post("/sign-in") { request, context in
            // A form another site posts would sign the browser in as someone else.
            guard BrowserSession.isSameOrigin(request) else {
                return try page(context, message: "Sign in from this server's own page.", status: .forbidden)
            }
            if let seconds = throttle.wait(for: context.clientAddress) {
                var response = try page(
                    context, message: "Too many failed sign-ins: try again in \(seconds) s.", status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
            var request = request
            let body = try await request.collectBody(upTo: 64 * 1024, tooLarge: "a sign-in form is under 64 KB")
            let secret =
                QueryParameters(query: String(buffer: body)).get("token")?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !secret.isEmpty, let token = try await state.store.token(secretHash: TokenSecret.hash(secret)) else {
                throttle.failed(context.clientAddress)
                return try page(context, message: "That token is not valid.", status: .unauthorized)
            }
            let session = TokenSecret.generate(prefix: "ses_")
            try await state.store.createSession(
                tokenID: token.id, secretHash: session.hash, lifetime: BrowserSession.lifetime, actor: .token(token))
            let secure = BrowserSession.isSecure(request)
            var headers: HTTPFields = [.location: "/", .cacheControl: "no-store"]
            headers.append(
                HTTPField(name: .setCookie, value: BrowserSession.cookie(secret: session.secret, secure: secure)))
            headers.append(HTTPField(name: .setCookie, value: BrowserSession.clearingCookies(secure: secure)[1]))
            return Response(status: .seeOther, headers: headers)
        }
        router.post("/sign-out") { request, context in
            if let secret = context.sessionSecret {
                var request = request
                let body = try await request.collectBody(upTo: 64 * 1024, tooLarge: "a sign-out form is under 64 KB")
                let csrf = QueryParameters(query: String(buffer: body)).get(BrowserSession.csrfField)
                guard BrowserSession.isSameOrigin(request), csrf == BrowserSession.csrfToken(secret: secret) else {
                    return try page(context, message: "Sign out from this server's own page.", status: .forbidden)
                }
                let hash = TokenSecret.hash(secret)
                _ = try await state.store.endSession(
                    secretHash: hash, actor: context.token.map(WriteActor.token) ?? .system)
                state.tokens.remove("session:" + hash)
            }
            var headers: HTTPFields = [.location: "/sign-in", .cacheControl: "no-store"]
            for cookie in BrowserSession.clearingCookies(secure: BrowserSession.isSecure(request)) {
                headers.append(HTTPField(name: .setCookie, value: cookie))
            }
            return Response(status: .seeOther, headers: headers)
        }
    }
}
