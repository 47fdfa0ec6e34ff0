import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InnobondSQLite
import InnobondServer
import InnobondStore
import Logging
import NIOCore
import Testing

/// Writes need a token whose role allows them; a private server needs one for reads.
@Suite(.serialized) struct AuthorizationTests {
    static let curves = "curve,date,tenor,yield\nCGB,2026-11-21,10Y,1.85\nCGB,2026-11-21,1Y,1.40\n"
    static let issuer = "uscc,name,name_en,sector,province,ownership,listed_code\n"

    func post(
        _ client: some TestClientProtocol, _ uri: String, _ body: String, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        fields[.contentType] = "text/csv"
        return try await client.execute(
            uri: uri, method: .post, headers: fields, body: NIOCore.ByteBuffer(string: body))
    }

    @Test func writesNeedATokenWhoseRoleAllowsThem() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            var response = try await post(client, "/api/v1/import/curves", Self.curves)
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(response.error?["message"] as? String == "writes need a token: Authorization: Bearer ...")
            response = try await post(
                client, "/api/v1/import/curves", Self.curves,
                headers: .bearer("ib_" + String(repeating: "0", count: 64)))
            #expect(response.status == .unauthorized)
            response = try await post(client, "/api/v1/import/curves", Self.curves, headers: .bearer(registry.viewer))
            #expect(response.status == .forbidden)
            // An analyst imports market data, not the registry's master data.
            response = try await post(client, "/api/v1/import/issuers", Self.issuer, headers: .bearer(registry.analyst))
            #expect(response.status == .forbidden)
            let before = try await client.execute(uri: "/health", method: .get) { $0.json as! [String: Any] }
            response = try await post(client, "/api/v1/import/curves", Self.curves, headers: .bearer(registry.analyst))
            #expect(response.status == .ok, "\(response.text)")
            #expect((response.json as? [String: Any])?["rows_written"] as? Int == 2)
            // The server reloads its snapshot after its own write.
            let after = try await client.execute(uri: "/health", method: .get) { $0.json as! [String: Any] }
            #expect((after["version"] as! Int) == (before["version"] as! Int) + 1)
            try await client.execute(uri: "/api/v1/curves/CGB", method: .get) { response in
                #expect((response.json as? [String: Any])?["date"] as? String == "2026-11-21")
            }
        }
    }

    @Test func badRowsWriteNothingAndAreListed() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let body =
                "curve,date,tenor,yield\nCGB,2026-11-22,10Y,1.85\nCGB,2026-11-31,1Y,1.40\nCGB,2026-11-22,soon,1\n"
            var response = try await post(client, "/api/v1/import/curves", body, headers: .bearer(registry.admin))
            #expect(response.status == .unprocessableContent)
            let result = try #require(response.json as? [String: Any])
            #expect(result["committed"] as? Bool == false && result["bad_rows"] as? Int == 2)
            let issues = try #require(result["issues"] as? [[String: Any]])
            #expect(issues.map { "\($0["line"]!) \($0["column"]!)" } == ["3 date", "4 tenor"])
            // A flag without a value is no silent false.
            response = try await post(
                client, "/api/v1/import/curves?skip_invalid", body, headers: .bearer(registry.admin))
            #expect(response.status == .badRequest)
            // Skipping them, the good row is written: a success.
            response = try await post(
                client, "/api/v1/import/curves?skip_invalid=true", body, headers: .bearer(registry.admin))
            #expect(response.status == .ok)
            #expect((response.json as? [String: Any])?["rows_written"] as? Int == 1)
            // JSON on one line: rows are told apart by their position.
            var json: HTTPFields = .bearer(registry.admin)
            json[.contentType] = "application/json"
            let records =
                #"[{"curve":"CGB","date":"2026-11-23","tenor":"2Y","yield":1.5},"#
                + #"{"curve":"CGB","date":"2026-02-30","tenor":"2Y","yield":1.5},"#
                + #"{"curve":"CGB","date":"2026-11-23","tenor":"1Q","yield":1.5}]"#
            response = try await client.execute(
                uri: "/api/v1/import/curves", method: .post, headers: json, body: NIOCore.ByteBuffer(string: records))
            #expect(response.status == .unprocessableContent)
            let jsonResult = try #require(response.json as? [String: Any])
            #expect(jsonResult["bad_rows"] as? Int == 2 && jsonResult["rows_read"] as? Int == 3)
            let jsonIssues = try #require(jsonResult["issues"] as? [[String: Any]])
            #expect(jsonIssues.map { "\($0["record"]!) \($0["column"]!)" } == ["2 date", "3 tenor"])
            response = try await client.execute(
                uri: "/api/v1/import/curves?skip_invalid=true", method: .post, headers: json,
                body: NIOCore.ByteBuffer(string: records))
            #expect(response.status == .ok && (response.json as? [String: Any])?["rows_written"] as? Int == 1)
            // An unusable header, an unknown kind and a bad format are 400s.
            response = try await post(
                client, "/api/v1/import/curves", "colour\nred\n", headers: .bearer(registry.admin))
            #expect(response.status == .badRequest && response.error?["field"] as? String == "body")
            response = try await post(client, "/api/v1/import/recipes", Self.curves, headers: .bearer(registry.admin))
            #expect(response.status == .badRequest && response.error?["field"] as? String == "kind")
            response = try await post(
                client, "/api/v1/import/curves?format=xml", Self.curves, headers: .bearer(registry.admin))
            #expect(response.status == .badRequest && response.error?["field"] as? String == "format")
        }
    }

    /// A header of 1,000,000 unknown columns (7 MB) is answered in under 1 MB.
    @Test func aMillionColumnHeaderGetsAShortAnswer() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let header = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n"
            let response = try await post(client, "/api/v1/import/curves", header, headers: .bearer(registry.admin))
            #expect(response.status == .badRequest)
            #expect(response.body.readableBytes < 1_000_000)
            #expect(response.text.contains("the header names 1000000 columns"))
        }
    }

    @Test func aPrivateServerNeedsATokenToRead() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application(isPrivate: true)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/bonds", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("private") && response.text.contains("href=\"/sign-in\""))
                #expect(!response.text.contains("Registry version"))
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                // What the store is and holds, only for those with a token.
                let health = response.json as? [String: Any]
                #expect(health?["status"] as? String == "ok")
                #expect(health?["store"] == nil && health?["version"] == nil && health?["bonds"] == nil)
            }
            // Nothing of the registry, nor which paths exist, for visitors without a token.
            for (uri, method) in [("/nowhere", HTTPRequest.Method.get), ("/", .delete), ("/bonds/nothing", .get)] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .unauthorized, "\(method) \(uri)")
                    #expect(response.headers[HTTPField.Name("Innobond-Demo")!] == nil)
                    #expect(!response.text.contains("Registry version") && !response.text.contains("class=\"demo\""))
                }
            }
            try await client.execute(uri: "/sign-in", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("Innobond-Demo")!] == nil)
                #expect(!response.text.contains("Registry version") && !response.text.contains("class=\"demo\""))
            }
            try await client.execute(uri: "/health", method: .get, headers: .bearer(registry.viewer)) { response in
                #expect((response.json as? [String: Any])?["store"] as? String == registry.path)
            }
            try await client.execute(uri: "/api/v1/bonds", method: .get, headers: .bearer(registry.viewer)) {
                #expect($0.status == .ok)
            }
            // Signing in starts a session; its cookie reads the private server.
            let cookie = try await Self.signIn(client, registry.viewer)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            // An old cookie holding the token itself counts as no token: the
            // page asks to sign in, and signing in again works. A bad bearer
            // token is refused.
            let stale: HTTPFields = [.cookie: "innobond_token=\(registry.viewer)"]
            try await client.execute(uri: "/", method: .get, headers: stale) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/sign-in", method: .get, headers: stale) { #expect($0.status == .ok) }
            _ = try await Self.signIn(client, registry.viewer, headers: stale)
            try await client.execute(uri: "/sign-in", method: .get, headers: .bearer("not-a-token")) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    /// The headers a browser sends with a form posted from the server's own
    /// page (the test client sends every request to http://localhost).
    static let sameOrigin: HTTPFields = [
        .origin: "http://localhost", .contentType: "application/x-www-form-urlencoded",
    ]

    /// Signs in with a token from the sign-in page: the session cookie, as `NAME=VALUE`.
    static func signIn(
        _ client: some TestClientProtocol, _ token: String, headers: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        var fields = sameOrigin
        for field in headers { fields[field.name] = field.value }
        return try await client.execute(
            uri: "/sign-in", method: .post, headers: fields, body: NIOCore.ByteBuffer(string: "token=\(token)")
        ) { response in
            #expect(response.status == .seeOther, sourceLocation: sourceLocation)
            let cookies = response.headers[values: .setCookie]
            let session = try #require(
                cookies.first { $0.hasPrefix("innobond_session=") }, sourceLocation: sourceLocation)
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"), sourceLocation: sourceLocation)
            // The cookie holds a session's secret, never the token.
            #expect(!cookies.joined().contains(token), sourceLocation: sourceLocation)
            return String(session.prefix { $0 != ";" })
        }
    }

    /// The CSRF token on the sign-in page of a session.
    static func csrf(_ client: some TestClientProtocol, _ cookie: String) async throws -> String {
        try await client.execute(uri: "/sign-in", method: .get, headers: [.cookie: cookie]) { response in
            let text = response.text
            let marker = try #require(text.range(of: "name=\"csrf\" value=\""))
            return String(text[marker.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// A page of another site (another port of the same host is another
    /// origin, though the same site) cannot write with the browser's cookie,
    /// nor sign it in; the server's own page writes with the CSRF token.
    @Test func cookieWritesComeFromTheServersOwnPagesOnly() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client, registry.admin)
            let csrf = try await Self.csrf(client, cookie)
            // A form on another port posting text/plain: refused, nothing written.
            var foreign: HTTPFields = [
                .cookie: cookie, .origin: "http://localhost:9999", .contentType: "text/plain",
            ]
            var response = try await post(client, "/api/v1/import/curves", Self.curves, headers: foreign)
            #expect(response.status == .forbidden, "\(response.text)")
            // With the CSRF token but from elsewhere: refused all the same.
            foreign[BrowserSessionHeader.csrf] = csrf
            response = try await post(client, "/api/v1/import/curves", Self.curves, headers: foreign)
            #expect(response.status == .forbidden)
            // From the server's own origin but without the token: refused.
            var own: HTTPFields = [.cookie: cookie, .origin: "http://localhost"]
            response = try await post(client, "/api/v1/import/curves", Self.curves, headers: own)
            #expect(response.status == .forbidden)
            // No Origin and no Referer: not taken as the server's own page.
            response = try await post(
                client, "/api/v1/import/curves", Self.curves,
                headers: [.cookie: cookie, BrowserSessionHeader.csrf: csrf])
            #expect(response.status == .forbidden)
            own[BrowserSessionHeader.csrf] = csrf
            response = try await post(client, "/api/v1/import/curves", Self.curves, headers: own)
            #expect(response.status == .ok, "\(response.text)")
            // Signing in from another site's form (login CSRF) is refused.
            var login = Self.sameOrigin
            login[.origin] = "http://localhost:9999"
            try await client.execute(
                uri: "/sign-in", method: .post, headers: login,
                body: NIOCore.ByteBuffer(string: "token=\(registry.viewer)")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[values: .setCookie].isEmpty)
            }
        }
    }

    /// Signing out ends the session in the store: the cookie, replayed, is
    /// no one's; the token itself stays valid.
    @Test func signingOutEndsTheSession() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application(isPrivate: true)
        try await app.test(.router) { client in
            let cookie = try await Self.signIn(client, registry.viewer)
            try await client.execute(uri: "/bonds", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .ok)
            }
            let csrf = try await Self.csrf(client, cookie)
            var headers = Self.sameOrigin
            headers[.cookie] = cookie
            // Without the form's token, signing out is refused.
            try await client.execute(
                uri: "/sign-out", method: .post, headers: headers, body: NIOCore.ByteBuffer(string: "")
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/sign-out", method: .post, headers: headers, body: NIOCore.ByteBuffer(string: "csrf=\(csrf)")
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
                #expect(response.headers[values: .setCookie].allSatisfy { $0.contains("Max-Age=0") })
            }
            try await client.execute(uri: "/bonds", method: .get, headers: [.cookie: cookie]) {
                #expect($0.status == .unauthorized)
            }
            #expect(
                try await registry.store.sessionToken(secretHash: TokenSecret.hash(String(cookie.dropFirst(17)))) == nil
            )
            try await client.execute(uri: "/bonds", method: .get, headers: .bearer(registry.viewer)) {
                #expect($0.status == .ok)
            }
        }
    }

    /// Behind a proxy that speaks HTTPS, the cookie is `Secure`.
    @Test func theCookieIsSecureOverHTTPS() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            var headers = Self.sameOrigin
            headers[.origin] = "https://localhost"
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: NIOCore.ByteBuffer(string: "token=\(registry.viewer)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[values: .setCookie].allSatisfy { $0.contains("; Secure") })
            }
        }
    }

    /// Five failed sign-ins from one address in a minute, and the next waits.
    @Test func failedSignInsAreThrottled() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for _ in 0..<5 {
                try await client.execute(
                    uri: "/sign-in", method: .post, headers: Self.sameOrigin,
                    body: NIOCore.ByteBuffer(string: "token=ib_guess")
                ) { #expect($0.status == .unauthorized) }
            }
            try await client.execute(
                uri: "/sign-in", method: .post, headers: Self.sameOrigin,
                body: NIOCore.ByteBuffer(string: "token=ib_guess")
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
            }
        }
    }

    @Test func aStaleCookieStillReadsAPublicServer() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            // A sign-in form is small; a larger body is refused as such.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: Self.sameOrigin,
                body: NIOCore.ByteBuffer(string: "token=" + String(repeating: "x", count: 70_000))
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/bonds", method: .get, headers: [.cookie: "innobond_session=ses_unknown"]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func aServerReloadsWhenAnotherWrites() async throws {
        let registry = try await ServerFixture.shared.value
        var logger = Logging.Logger(label: "test")
        logger.logLevel = .warning
        let state = try await RegistryState(store: registry.store, logger: logger)
        let other = try SQLiteRegistryStore(path: registry.path)
        let version = state.now.version
        try await ServerFixture.importText(other, .curves, "curve,date,tenor,yield\nCDB,2026-11-21,5Y,1.9\n")
        try await state.refresh()
        #expect(state.now.version == version + 1)
        #expect(state.now.curves.days["CDB"] != nil)
        try await other.close()
    }
}

/// The CSRF header's name, as tests spell it.
enum BrowserSessionHeader {
    static let csrf = HTTPField.Name("X-CSRF-Token")!
}
