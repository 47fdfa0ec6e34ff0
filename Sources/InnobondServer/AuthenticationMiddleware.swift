import Foundation
import HTTPTypes
import Hummingbird
import InnobondStore
import Synchronization

/// Finds who the caller is: the token of `Authorization: Bearer ...`, or of
/// the browser session whose secret the `innobond_session` cookie holds;
/// refuses requests that need one (every write, and every read of a private
/// server), and cookie-authenticated writes that do not come from the
/// server's own pages with the session's CSRF token.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let state: RegistryState
    let isPrivate: Bool
    /// Recently seen tokens and sessions, so that a private server does not
    /// ask the store on every read.
    var tokens: TokenCache { state.tokens }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let isRead = request.method == .get || request.method == .head
        // While the store does not answer the server's polls, a write would
        // only wait for it (its token is looked up there): say so at once.
        if !isRead, let error = state.storeError { throw StoreError.unavailable(error) }
        switch Self.credential(of: request) {
        case .bearer(let secret)?:
            guard let token = try await lookUp(TokenSecret.hash(secret), isRead: isRead, session: false) else {
                throw APIError(.unauthorized, "the token is not valid (revoked or unknown)")
            }
            context.token = token
        case .session(let secret)?:
            // A browser's ended or unknown session counts as none: the
            // visitor can still read a public server and sign in again.
            if let token = try await lookUp(TokenSecret.hash(secret), isRead: isRead, session: true) {
                context.token = token
                context.sessionSecret = secret
            }
        case nil:
            break
        }
        let path = request.uri.path
        let open = ["/health", "/health/live", "/health/ready", "/sign-in", "/sign-out"].contains(path)
        // A private server tells those without a token nothing, not even
        // which paths exist.
        if isPrivate && !open && context.token == nil {
            throw APIError(.unauthorized, "this server is private: reads need a token")
        }
        let allowed = APIRoutes.methods(of: path)
        guard !allowed.isEmpty else { throw APIError.notFound("page or operation at \(path)") }
        guard allowed.contains(request.method.rawValue) else {
            throw APIError(.methodNotAllowed, "\(request.method) is not a method of \(path)")
        }
        if !isRead && path != "/sign-in" && path != "/sign-out" {
            guard context.token != nil else {
                throw APIError(.unauthorized, "writes need a token: Authorization: Bearer ...")
            }
            // A browser sends its cookie with whatever page posts: the write
            // must come from this server's pages, with the session's token
            // (a page whose forms write checks it in the form's csrf field).
            if let secret = context.sessionSecret, !BrowserSession.formPaths.contains(path) {
                guard BrowserSession.isSameOrigin(request) else {
                    throw APIError(.forbidden, "a write from another site's page is refused (Origin)")
                }
                guard request.headers[BrowserSession.csrfHeader] == BrowserSession.csrfToken(secret: secret) else {
                    throw APIError(.forbidden, "a write with the sign-in cookie needs the page's X-CSRF-Token")
                }
            }
        }
        return try await next(request, context)
    }

    /// A token by the hash of its secret (a session's secret when `session`).
    /// Reads may use one seen in the last minute, until the store's next poll
    /// sees a revocation; writes ask the store, so a revoked token stops at once.
    private func lookUp(_ hash: String, isRead: Bool, session: Bool) async throws -> APIToken? {
        let key = (session ? "session:" : "token:") + hash
        if isRead, let known = tokens.token(key) { return known }
        let generation = tokens.generation
        let token = try await Timed.store(session ? "session" : "token") {
            session
                ? try await state.store.sessionToken(secretHash: hash) : try await state.store.token(secretHash: hash)
        }
        if let token { tokens.remember(token, hash: key, from: generation) }
        return token
    }

    /// How a request says who sends it.
    enum Credential {
        case bearer(String)
        case session(String)
    }

    /// The request's bearer token, else its session cookie.
    static func credential(of request: Request) -> Credential? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return .bearer(String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
            return nil
        }
        if let cookie = request.cookies[BrowserSession.cookieName]?.value, !cookie.isEmpty { return .session(cookie) }
        return nil
    }
}

/// Valid tokens seen in the last minute, by hash.
///
/// Clearing starts a new generation: a token looked up in the store before a
/// clear is not remembered after it, so a lookup that raced a revocation
/// cannot bring the revoked token back.
final class TokenCache: Sendable {
    private struct State {
        var entries: [String: (token: APIToken, seen: ContinuousClock.Instant)] = [:]
        var generation = 0
    }
    private let state = Mutex(State())

    func token(_ hash: String) -> APIToken? {
        state.withLock { state in
            guard let entry = state.entries[hash], ContinuousClock.now - entry.seen < .seconds(60) else { return nil }
            return entry.token
        }
    }

    /// The generation to give ``remember(_:hash:from:)`` for a lookup starting now.
    var generation: Int { state.withLock { $0.generation } }

    /// Forgets one entry (a session that ended).
    func remove(_ hash: String) {
        state.withLock { state in
            state.entries[hash] = nil
            state.generation += 1
        }
    }

    func removeAll() {
        state.withLock { state in
            state.entries.removeAll()
            state.generation += 1
        }
    }

    /// Remembers `token`, unless the cache was cleared since `generation`.
    func remember(_ token: APIToken, hash: String, from generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count > 1000 { state.entries.removeAll() }
            state.entries[hash] = (token, ContinuousClock.now)
        }
    }
}
