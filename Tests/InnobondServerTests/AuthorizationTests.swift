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
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "innobond_token=\(registry.viewer)"]) {
                #expect($0.status == .ok)
            }
            // Signing in sets the cookie.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: NIOCore.ByteBuffer(string: "token=\(registry.viewer)")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("HttpOnly") == true)
            }
            // Signing out forgets it.
            try await client.execute(
                uri: "/sign-out", method: .post, headers: [.cookie: "innobond_token=\(registry.viewer)"]
            ) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/sign-in")
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            // A revoked or unknown cookie counts as no token: the page asks to
            // sign in, and signing in again works. A bad bearer token is refused.
            let stale: HTTPFields = [.cookie: "innobond_token=not-a-token"]
            try await client.execute(uri: "/", method: .get, headers: stale) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/sign-in", method: .get, headers: stale) { #expect($0.status == .ok) }
            var both = stale
            both[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(
                uri: "/sign-in", method: .post, headers: both,
                body: NIOCore.ByteBuffer(string: "token=\(registry.viewer)")
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/sign-in", method: .get, headers: .bearer("not-a-token")) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func aStaleCookieStillReadsAPublicServer() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            // A sign-in form is small; a larger body is refused as such.
            try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: NIOCore.ByteBuffer(string: "token=" + String(repeating: "x", count: 70_000))
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(uri: "/bonds", method: .get, headers: [.cookie: "innobond_token=not-a-token"]) {
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
