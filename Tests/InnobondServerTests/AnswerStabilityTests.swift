import Crypto
import FixedIncome
import Foundation
import HummingbirdTesting
import InnobondTestSupport
import Testing

@testable import InnobondServer

/// The answers of a fixed set of URLs on the demo registry, as of a fixed
/// day, against the answers kept in `Tests/Fixtures/answers/demo.txt`
/// (status, SHA-256 of the body, URI): how the server finds an answer may
/// change, the answer may not. Every read's samples, every page, and bond
/// lists over every sort, both directions, several filters and screens,
/// pages and cursors.
///
/// After a change that is meant to change answers, write the file again with
/// `INNOBOND_RECORD_ANSWERS=1 swift test --filter AnswerStabilityTests`, and
/// say why in the commit.
@Suite struct AnswerStabilityTests {
    static let file = Fixtures.url("answers/demo.txt")
    static let day = CivilDate(year: 2026, month: 12, day: 1)!

    /// The URIs asked, reads of the API first.
    static func uris(_ client: some TestClientProtocol) async throws -> [String] {
        var uris = try await ResponseSchemaTests.samples(client).map(\.uri).filter { !$0.hasPrefix("/api/v1/audit") }
        let filters = [
            "", "market=SH", "sci_tech=true&rating=AAA,AA%2B", "sector=semiconductors&yield_min=2",
            "status=matured", "tenor=3-5Y&sci_tech=false", "q=tech", "quote_age_max=5&ownership=private",
            "from=2025-01-01&to=2025-12-31&province=Jiangsu,Guangdong", "regime=tech_board_2025&g_spread_max=80",
            "duration_min=1&duration_max=4&clean_price_min=99",
        ]
        for filter in filters {
            for sort in BondQuery.Sort.allCases {
                for order in ["asc", "desc"] {
                    let query = (filter.isEmpty ? "" : filter + "&") + "sort=\(sort.rawValue)&order=\(order)"
                    uris.append("/bonds?\(query)&per_page=7&page=3")
                    uris.append("/api/v1/bonds?\(query)&limit=7")
                }
            }
            uris.append("/bonds?\(filter)")
            uris.append("/bonds?\(filter)&page=999")
            uris.append("/bonds.csv?\(filter)")
            uris.append("/bonds.csv?\(filter)&form=registry")
            // Three pages through the cursor.
            var uri = "/api/v1/bonds?\(filter)&sort=yield&limit=9"
            for _ in 0..<3 {
                uris.append(uri)
                let next = try await client.execute(uri: uri, method: .get) {
                    ($0.json as? [String: Any])?["next_cursor"] as? String
                }
                guard let next else { break }
                uri = "/api/v1/bonds?\(filter)&sort=yield&limit=9&cursor=\(next)"
            }
        }
        let pages =
            (PageRoutes.paths + [
                "/issuers?q=tech&sector=semiconductors", "/integrity?sector=semiconductors", "/shield?as_of=2025-10-15",
            ])
            .filter { !["/audit", "/sign-in", "/metrics", "/reports/:file", "/reports/flags/:id"].contains($0) }
            .filter { !$0.hasPrefix("/health") && !$0.hasPrefix("/api") }
        uris += pages.map {
            APITests.sampleURI($0.replacing(":code", with: "{code}").replacing(":uscc", with: "{uscc}"))
        }
        return uris
    }

    @Test func answersAreTheOnesKept() async throws {
        let registry = try await ServerFixture.make()
        let app = try await ServerFixture.application(store: registry.store, today: Self.day)
        let lines = try await app.test(.router) { client in
            var lines: [String] = []
            for uri in try await Self.uris(client) {
                let line = try await client.execute(uri: uri, method: .get) { response in
                    let digest = SHA256.hash(data: Data(buffer: response.body)).map { String(format: "%02x", $0) }
                    return "\(response.status.code) \(digest.joined()) \(uri)"
                }
                lines.append(line)
            }
            return lines
        }
        if ProcessInfo.processInfo.environment["INNOBOND_RECORD_ANSWERS"] == "1" {
            try (lines.joined(separator: "\n") + "\n").write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let kept = try String(contentsOf: Self.file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == kept.count, "\(lines.count) URIs asked, \(kept.count) kept")
        let changed = zip(lines, kept).filter { $0 != $1 }.map { "now  \($0)\nkept \($1)" }
        #expect(changed.isEmpty, "\(changed.count) answers changed:\n\(changed.prefix(20).joined(separator: "\n"))")
    }
}
