import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Browser sign-in: the cookie holds a session's secret, never an API token;
/// the store keeps the session by its hash, ends it at sign-out and after
/// ``lifetime``, and with its token when that is revoked. Forms and
/// cookie-authenticated writes carry a CSRF token derived from the secret
/// and must come from the server's own origin.
enum BrowserSession {
    static let cookieName = "innobond_session"
    /// The cookie of earlier releases, which held the token itself: cleared
    /// at sign-in and sign-out, never read.
    static let oldCookieName = "innobond_token"
    /// How long a session lasts (seconds): 12 hours.
    static let lifetime = 12 * 3600
    /// The pages whose forms write: a session's write to them carries the
    /// CSRF token as the form's `csrf` field, which the page checks.
    static let formPaths = [ReviewPage.path]

    /// The CSRF form field and header.
    static let csrfField = "csrf"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    /// The CSRF token of a session: HMAC-SHA256 of a fixed label under the
    /// session's secret, 64 hex digits; it names the session to no one who
    /// lacks the secret.
    static func csrfToken(secret: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data("innobond csrf".utf8), using: SymmetricKey(data: Data(secret.utf8)))
            .map { String(format: "%02x", $0) }.joined()
    }

    /// Whether the request was sent over HTTPS (by itself, or as a proxy in
    /// front says): the cookie is then `Secure`.
    static func isSecure(_ request: Request) -> Bool {
        request.head.scheme == "https" || request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
    }

    /// The `Set-Cookie` value starting a session.
    static func cookie(secret: String, secure: Bool) -> String {
        "\(cookieName)=\(secret); Path=/; HttpOnly; SameSite=Strict; Max-Age=\(lifetime)\(secure ? "; Secure" : "")"
    }

    /// The `Set-Cookie` values clearing the session cookie and the old token cookie.
    static func clearingCookies(secure: Bool) -> [String] {
        [cookieName, oldCookieName].map {
            "\($0)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0\(secure ? "; Secure" : "")"
        }
    }

    /// Whether a browser sent the request from one of the server's own
    /// pages: its `Origin` (or, without one, its `Referer`) is the origin the
    /// request was sent to. A request with neither is not taken as same-origin.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        let scheme = isSecure(request) ? "https" : "http"
        let origin = "\(scheme)://\(host)".lowercased()
        if let sent = request.headers[.origin] { return sent.lowercased() == origin }
        if let referer = request.headers[.referer]?.lowercased() {
            return referer == origin || referer.hasPrefix(origin + "/")
        }
        return false
    }
}

/// Failed sign-ins by client address: after ``limit`` in ``window``, an
/// address must wait for the window to pass.
final class SignInThrottle: Sendable {
    static let limit = 5
    static let window = Duration.seconds(60)

    private struct Record {
        var failures: Int
        var since: ContinuousClock.Instant
    }
    private let records = Mutex([String: Record]())

    /// The seconds `address` must still wait, or `nil` when it may try.
    func wait(for address: String) -> Int? {
        records.withLock { records in
            guard let record = records[address] else { return nil }
            let elapsed = ContinuousClock.now - record.since
            if elapsed >= Self.window {
                records[address] = nil
                return nil
            }
            guard record.failures >= Self.limit else { return nil }
            return max(1, Int((Self.window - elapsed).components.seconds))
        }
    }

    /// Counts a failed sign-in from `address`.
    func failed(_ address: String) {
        records.withLock { records in
            if records.count > 10_000 { records.removeAll() }
            if var record = records[address], ContinuousClock.now - record.since < Self.window {
                record.failures += 1
                records[address] = record
            } else {
                records[address] = Record(failures: 1, since: .now)
            }
        }
    }
}
