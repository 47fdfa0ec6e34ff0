import Foundation
import HTTPTypes
import Hummingbird
import InnobondStore
import Synchronization

/// Finds the role of a request's token (`Authorization: Bearer ...`, or the
/// `innobond_token` cookie a browser gets from the sign-in page), and refuses
/// requests that need one: every write, and every read of a private server.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let state: RegistryState
    let isPrivate: Bool
    /// Recently seen tokens, so that a private server does not ask the store on every read.
    var tokens: TokenCache { state.tokens }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let (secret, fromCookie) = Self.secret(of: request) {
            let hash = TokenSecret.hash(secret)
            let token: APIToken?
            // Reads may use a token seen in the last minute, until the store's
            // next poll sees a revocation; writes ask the store, so a revoked
            // token stops at once.
            if request.method == .get, let known = tokens.token(hash) {
                token = known
            } else {
                let generation = tokens.generation
                token = try await Timed.store("token") { try await state.store.token(secretHash: hash) }
                if let token { tokens.remember(token, hash: hash, from: generation) }
            }
            if let token {
                context.role = token.role
            } else if !fromCookie {
                throw APIError(.unauthorized, "the token is not valid (revoked or unknown)")
            }
            // A browser's stale cookie counts as no token: the visitor can still
            // read a public server and sign in again.
        }
        let path = request.uri.path
        let open = ["/health", "/sign-in", "/sign-out"].contains(path)
        // A private server tells those without a token nothing, not even
        // which paths exist.
        if isPrivate && !open && context.role == nil {
            throw APIError(.unauthorized, "this server is private: reads need a token")
        }
        let allowed = APIRoutes.methods(of: path)
        guard !allowed.isEmpty else { throw APIError.notFound("page or operation at \(path)") }
        guard allowed.contains(request.method.rawValue) else {
            throw APIError(.methodNotAllowed, "\(request.method) is not a method of \(path)")
        }
        if request.method != .get && request.method != .head && path != "/sign-in" && path != "/sign-out" {
            guard context.role != nil else {
                throw APIError(.unauthorized, "writes need a token: Authorization: Bearer ...")
            }
        }
        return try await next(request, context)
    }

    /// The token's secret, and whether it came from the sign-in cookie.
    static func secret(of request: Request) -> (secret: String, fromCookie: Bool)? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return (String(parts[1]).trimmingCharacters(in: .whitespaces), false)
            }
            return nil
        }
        if let cookie = request.cookies["innobond_token"]?.value, !cookie.isEmpty { return (cookie, true) }
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
