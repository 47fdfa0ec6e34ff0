import FixedIncome
import Foundation
import HummingbirdTesting
import InnobondInsights
import InnobondModel
import Testing

@testable import InnobondServer

/// The bond list as a screener: market columns from each bond's latest
/// quote, range and status filters, facet counts, the same on the page, the
/// API and the download.
@Suite struct ScreenerTests {
    /// Every bond of a list, through the API's cursor.
    static func all(_ client: some TestClientProtocol, _ filters: String) async throws -> [[String: Any]] {
        var items: [[String: Any]] = []
        var cursor: String?
        repeat {
            let uri = "/api/v1/bonds?\(filters)&limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
            let json = try await client.execute(uri: uri, method: .get) { try #require($0.json as? [String: Any]) }
            items += json["items"] as? [[String: Any]] ?? []
            cursor = json["next_cursor"] as? String
        } while cursor != nil
        return items
    }

    /// Sci-tech AAA bonds yielding 2 % or more, widest G-spread first: every
    /// item passes, the order holds, and each figure is what the analytics
    /// operation gives for the bond's latest quote at its date.
    @Test func rangeFiltersAndAMarketSort() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let items = try await Self.all(client, "sci_tech=true&rating=AAA&yield_min=2&sort=g_spread")
            #expect(items.count > 5)
            for item in items {
                #expect(item["sci_tech"] as? Bool == true && item["rating"] as? String == "AAA")
                #expect((item["yield"] as? Double ?? 0) >= 2)
                #expect(item["status"] as? String != "matured")
            }
            let spreads = items.compactMap { $0["g_spread_bp"] as? Double }
            #expect(spreads == spreads.sorted(by: >))
            let everyYield = try await Self.all(client, "sci_tech=true&rating=AAA")
            let expected = everyYield.filter { ($0["yield"] as? Double).map { $0 >= 2 } ?? false }
            #expect(
                Set(expected.compactMap { $0["code"] as? String }) == Set(items.compactMap { $0["code"] as? String }))
            for item in items.prefix(6) {
                let code = item["code"] as! String
                let date = item["quote_date"] as! String
                let quotes = try await client.execute(uri: "/api/v1/bonds/\(code)/quotes?from=\(date)", method: .get) {
                    try #require(($0.json as? [String: Any])?["items"] as? [[String: Any]])
                }
                let quote = try #require(quotes.last)
                let given =
                    (quote["clean_price"] as? Double).map { "clean_price=\($0)" }
                    ?? "yield=\(quote["yield"] as! Double)"
                let analytics = try await client.execute(
                    uri: "/api/v1/bonds/\(code)/analytics?settlement=\(date)&\(given)", method: .get
                ) { try #require($0.json as? [String: Any]) }
                #expect(analytics["yield"] as? Double == item["yield"] as? Double, "\(code)")
                #expect(analytics["g_spread_bp"] as? Double == item["g_spread_bp"] as? Double, "\(code)")
                #expect(analytics["z_spread_bp"] as? Double == item["z_spread_bp"] as? Double, "\(code)")
                #expect(analytics["modified_duration"] as? Double == item["modified_duration"] as? Double, "\(code)")
            }
        }
    }

    /// The demo's issuers are named 演示… (yanshi); the flagship is 演示旗舰半导体 (yanshi qijian bandaoti).
    @Test func issuersAreFoundByTheirNamesInPinyin() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let byName = try await Self.all(client, "q=%E5%8D%8A%E5%AF%BC%E4%BD%93")
            let byPinyin = try await Self.all(client, "q=Ban%20Dao%20Ti")
            #expect(!byName.isEmpty)
            #expect(byPinyin.compactMap { $0["code"] as? String } == byName.compactMap { $0["code"] as? String })
            let flagship = try await Self.all(client, "q=yanshiqijian")
            #expect(flagship.contains { $0["code"] as? String == ServerFixture.flagshipBond })
            #expect(try await Self.all(client, "q=yanshiqiji").isEmpty)
            let issuers = try await client.execute(uri: "/api/v1/issuers?q=qijian&limit=500", method: .get) {
                try #require(($0.json as? [String: Any])?["items"] as? [[String: Any]])
            }
            #expect(issuers.map { $0["uscc"] as? String } == [ServerFixture.flagship])
            let page = try await client.execute(uri: "/issuers?q=qijian", method: .get) { $0.text }
            #expect(page.contains("演示旗舰半导体股份有限公司"))
        }
    }

    /// Each facet value counts the bonds the list would hold with that
    /// value chosen and every other filter kept.
    @Test func facetCountsAreTheListsOfEachValue() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let filters = "sci_tech=true&market=SH&status=outstanding"
            let json = try await client.execute(uri: "/api/v1/bonds?\(filters)&limit=1", method: .get) {
                try #require($0.json as? [String: Any])
            }
            let facets = try #require(json["facets"] as? [String: [[String: Any]]])
            for (facet, others) in [("market", "sci_tech=true&status=outstanding"), ("rating", filters)] {
                for entry in facets[facet] ?? [] {
                    let value = entry["value"] as! String
                    let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    let total = try await client.execute(
                        uri: "/api/v1/bonds?\(others)&\(facet)=\(encoded)&limit=1", method: .get
                    ) { ($0.json as? [String: Any])?["total"] as? Int }
                    #expect(total == entry["count"] as? Int, "\(facet)=\(value)")
                }
            }
            #expect(
                (facets["market"] ?? []).contains {
                    $0["value"] as? String == "SH" && $0["count"] as? Int == json["total"] as? Int
                })
        }
    }

    /// A matured bond lists no live figures and passes no range; statuses
    /// split the registry.
    @Test func statusesSplitTheRegistryAndMaturedBondsHaveNoAnalytics() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let all = try await Self.all(client, "")
            var seen = 0
            for status in ["outstanding", "matured", "not_yet_issued"] {
                let items = try await Self.all(client, "status=\(status)")
                seen += items.count
                #expect(items.allSatisfy { $0["status"] as? String == status })
                if status == "matured" {
                    #expect(!items.isEmpty)
                    #expect(items.allSatisfy { $0["yield"] == nil && $0["g_spread_bp"] == nil })
                    #expect(
                        items.allSatisfy { $0["outstanding_fen"] as? Int == 0 && $0["remaining_years"] as? Double == 0 }
                    )
                }
            }
            #expect(seen == all.count)
            let ranged = try await Self.all(client, "status=matured&yield_min=-100")
            #expect(ranged.isEmpty)
        }
    }

    /// `quote_age_max` keeps exactly the bonds whose latest quote is that
    /// young, as the list states their ages.
    @Test func quoteAgeFilterMatchesTheAgesShown() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let all = try await Self.all(client, "")
            let ages = all.compactMap { $0["quote_age_days"] as? Int }
            #expect(!ages.isEmpty)
            for limit in Set([0, 5, ages.sorted()[ages.count / 2], ages.max()!]) {
                let kept = try await Self.all(client, "quote_age_max=\(limit)")
                #expect(kept.count == ages.count { $0 <= limit }, "quote_age_max=\(limit)")
            }
        }
    }

    /// Ages and the earliest young-enough date agree on every day: a quote
    /// is at most N working days old exactly when its date is on or after
    /// that date, in both markets' calendars and outside the calendar's years.
    @Test func earliestDateAgreesWithAges() throws {
        for today in ["2025-10-09", "2026-02-23", "2026-12-06", "2031-05-05"] {
            let age = QuoteAge(today: try CivilDate(iso8601: today), calendarData: .china)
            for market in [Market.interbank, .shanghai] {
                for limit in [0, 1, 3, 10] {
                    let earliest = age.earliestDate(ageAtMost: limit, market: market)
                    for back in 0..<40 {
                        let date = CivilDate(dayNumber: age.today.dayNumber - back)!
                        #expect(
                            (age.age(of: date, market: market).days <= limit) == (date >= earliest),
                            "\(today) \(market) \(limit) \(date)")
                    }
                }
            }
        }
    }

    /// A bad bound is a 400 naming it.
    @Test func badBoundsAreNamed() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for (query, field) in [
                ("yield_min=abc", "yield_min"), ("yield_min=3&yield_max=2", "yield_max"), ("status=alive", "status"),
                ("tenor=7Y", "tenor"), ("quote_age_max=-1", "quote_age_max"), ("sort=spread", "sort"),
            ] {
                try await client.execute(uri: "/api/v1/bonds?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest && response.error?["field"] as? String == field, "\(query)")
                }
                try await client.execute(uri: "/bonds?\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
        }
    }

    /// The page shows the market columns, keeps the screen in its form and
    /// its link, and lists the same bonds as the API and the download.
    @Test func thePageTheAPIAndTheDownloadAgree() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let filters = "sci_tech=true&rating=AAA&yield_min=2&sort=g_spread&order=desc"
            let items = try await Self.all(client, filters)
            let page = try await client.execute(uri: "/bonds?\(filters)&per_page=500", method: .get) { $0.text }
            #expect(page.contains(#"name="yield_min" value="2""#))
            #expect(page.contains("G-spread (bp) ↓"))
            #expect(page.contains(#"id="screen-link" href="/bonds?"#) && page.contains("yield_min=2"))
            let shown = page.matches(of: /<tr data-code="([^"]+)">/).map { String($0.output.1) }
            #expect(shown == items.compactMap { $0["code"] as? String })
            let first = try #require(items.first)
            let yield = NumberText.fixed(first["yield"] as! Double, 4)
            #expect(page.contains(#"<td class="num">\#(yield)</td>"#))
            try await client.execute(uri: "/bonds.csv?\(filters)", method: .get) { response in
                let codes = response.text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
                #expect(codes == items.compactMap { $0["code"] as? String }.sorted())
            }
            try await client.execute(uri: "/bonds.csv?\(filters)&form=shown", method: .get) { response in
                let lines = response.text.split(separator: "\n")
                let header = lines.first.map { $0.split(separator: ",").map(String.init) } ?? []
                let yieldColumn = try #require(header.firstIndex(of: "yield"))
                let row = lines.dropFirst().first.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
                #expect(row.map { Double($0[yieldColumn]) } == first["yield"] as? Double)
                #expect(
                    lines.dropFirst().map { String($0.prefix { $0 != "," }) }
                        == items.compactMap { $0["code"] as? String })
            }
        }
    }
}
