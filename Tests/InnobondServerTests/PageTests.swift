import FixedIncome
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InnobondDemo
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondStore
import Testing

@testable import InnobondServer

/// Every page of the dashboard, on the real application over a real SQLite
/// registry of demo data.
@Suite struct PageTests {
    @Test func everyPageAnswersWithRealData() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let pages: [(String, [String])] = [
                ("/", ["Sci-tech innovation bonds", "Issuers of sci-tech bonds", "Financing conditions", "<svg"]),
                ("/bonds", ["bonds</strong>", "Download CSV", "page 1 of"]),
                ("/bonds?q=旗舰", [ServerFixture.flagshipBond, "1,500.0"]),
                ("/bonds?sci_tech=true&market=IB&sort=amount&order=desc&page=2", ["page 2 of"]),
                ("/bonds/\(ServerFixture.flagshipBond)", ["演示旗舰半导体", "半导体研发项目", "Cash flows", "RMB 1,500.0 m"]),
                ("/issuers?q=Flagship", ["演示旗舰半导体股份有限公司", ServerFixture.flagship]),
                ("/issuers/\(ServerFixture.flagship)", ["R&amp;D intensity", ServerFixture.flagshipBond, "<svg"]),
                (
                    "/monitor",
                    [
                        "M2–M1 gap", "M1_2025", "Revisions", "TSF_stock", "M1 (narrow money) growth",
                        "M2–M1 gap (M1, definition from 2025)", "adds individuals&#39; demand deposits",
                        "definition changes", "no gap",
                    ]
                ),
                ("/monitor?as_of=2025-02-01", ["M1_2001"]),
                ("/reports?to=2024-03-31", ["narrow and stable", "4.8", "gradual decline", "Download Markdown"]),
                ("/reports/briefing.md?to=2024-03-31", ["| M2–M1 gap (pp) | 4.8 | 4.6 | narrow and stable |"]),
                ("/reports/briefing.html", ["<!DOCTYPE html>", "Risks and open questions"]),
                ("/sign-in", ["API token"]),
                ("/integrity", ["Use-of-proceeds integrity", "Findings by check", "allocated_below_floor", "#ledger"]),
                ("/integrity?sector=semiconductors&as_of=2026-06-30&known=now", ["as of 2026-06-30 (rows known now)"]),
                (
                    "/integrity?rating=AAA&from=2025-01-01&to=2025-12-31",
                    ["bonds issued 2025 scored", "<option value=\"AAA\" selected>", "value=\"2025-12-31\""]
                ),
                // The flagship's bond: its issuer filed no report, and the page says so.
                (
                    "/bonds/\(ServerFixture.flagshipBond)",
                    ["Where the money went", "No eligibility evidence on record.", "No balance reported."]
                ),
            ]
            for (uri, expected) in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    for text in expected { #expect(response.text.contains(text), "\(uri) lacks \(text)") }
                    if !uri.contains(".md") && !uri.hasPrefix("/sign-in") {
                        #expect(response.text.contains("DEMO DATA"), "\(uri) lacks the demo notice")
                    }
                }
            }
        }
    }

    /// A bond repaid before today shows its last quote as history, with no
    /// yield, duration or spread; an outstanding one prices its latest
    /// quote, marked stale after five working days of its market; the API
    /// says which is which.
    @Test func aBondKnowsItsLife() async throws {
        let data = DemoDataSet.build()
        let today = CivilDate.today
        let lastQuote = Dictionary(data.quotes.map { ($0.bondCode, $0.date) }, uniquingKeysWith: max)
        let matured = try #require(data.bonds.first { $0.maturityDate <= today && lastQuote[$0.code] != nil })
        let outstanding = try #require(
            data.bonds.first { $0.maturityDate > today && $0.frequency.periodic != nil && lastQuote[$0.code] != nil })
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/bonds/\(matured.code.value)", method: .get) { response in
                let page = response.text
                #expect(page.contains("matured on \(matured.maturityDate)"))
                #expect(page.contains("Last quote (historical)"))
                #expect(page.contains("Last quote \(lastQuote[matured.code]!) (demo), before the bond matured on"))
                for live in ["Yield to maturity", "G-spread", "Price and yield on"] {
                    #expect(!page.contains(live), "a matured bond shows \(live)")
                }
            }
            try await client.execute(uri: "/bonds/\(outstanding.code.value)", method: .get) { response in
                let page = response.text
                #expect(page.contains("<dd>outstanding</dd>") && page.contains("Yield to maturity"))
                // Every price of the history answers a hover.
                let prices = data.quotes.filter { $0.bondCode == outstanding.code && $0.cleanPrice != nil }.count
                #expect(page.components(separatedBy: "<title>Clean price, ").count - 1 == prices)
                let market: WorkingDayCalendar.Market = outstanding.market == .interbank ? .interbank : .exchange
                let age = try? WorkingDayCalendar(market: market).workingDays(
                    from: lastQuote[outstanding.code]!, to: today)
                if let age, age > 5 {
                    #expect(page.contains("(demo), stale: \(age) working days old: "))
                } else {
                    #expect(!page.contains("stale:"))
                }
            }
            for (bond, status) in [(matured, "matured"), (outstanding, "outstanding")] {
                try await client.execute(uri: "/api/v1/bonds/\(bond.code.value)", method: .get) { response in
                    let json = response.json as? [String: Any]
                    #expect(json?["status"] as? String == status)
                    #expect(json?["status_on"] as? String == today.iso8601)
                }
            }
        }
    }

    /// The bond page prices the bond at a date from a price or a yield, with
    /// the registry's latest date as the default settlement; a date it
    /// cannot price at is said on the page, a price and a yield both is a 400.
    @Test func theBondPagePricesAtADate() async throws {
        let app = try await ServerFixture.application()
        let page = "/bonds/\(ServerFixture.flagshipBond)"
        try await app.test(.router) { client in
            try await client.execute(uri: page, method: .get) { response in
                #expect(response.text.contains("name=\"settlement\" value=\"\(DemoDataSet.asOf)\""))
                #expect(!response.text.contains("Cash flow after settlement"))
            }
            try await client.execute(uri: page + "?settlement=2025-06-03&yield=2.1", method: .get) { response in
                let text = response.text
                #expect(text.contains("At 2025-06-03, yield 2.1000 %"))
                #expect(text.contains("Cash flow after settlement") && text.contains("<dt>Modified duration</dt>"))
            }
            let figures = try await client.execute(
                uri: "/api/v1/bonds/\(ServerFixture.flagshipBond)/analytics?settlement=2025-06-03&yield=2.1",
                method: .get
            ) { try #require($0.json as? [String: Any]) }
            let price = try #require(figures["clean_price"] as? Double)
            try await client.execute(uri: page + "?settlement=2025-06-03&yield=2.1", method: .get) { response in
                #expect(response.text.contains("<dt>Clean price</dt><dd>\(NumberText.fixed(price, 4))</dd>"))
            }
            try await client.execute(uri: page + "?settlement=2031-01-01&yield=2", method: .get) { response in
                #expect(response.status == .ok && response.text.contains("Cannot price 102500166.IB at 2031-01-01"))
            }
            try await client.execute(uri: page + "?clean_price=100&yield=2", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("yield"))
            }
        }
    }

    /// The curves page fits a day's points three ways: the bootstrap and the
    /// Hermite curve reprice every fitted par yield (to the 4 decimals
    /// shown); another date's par yields come beside them; an unknown curve
    /// is a 400 naming the parameter.
    @Test func theCurvesPageFitsADayThreeWays() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/curves?curve=CGB&date=2025-06-03", method: .get) { $0.text }
            #expect(page.contains("CGB on 2025-06-0") && page.contains("Zero % (nss)") && page.contains("<svg"))
            let rows = page.matches(
                of: /<tr><td>([0-9]+[MY])<\/td><td class="codes">[0-9-]+<\/td>((?:<td class="num">[^<]*<\/td>)+)<\/tr>/)
            #expect(rows.count >= 8)
            for row in rows {
                let cells = row.2.matches(of: /<td class="num">([^<]*)<\/td>/).map { String($0.1) }
                // Fitted, then zero, forward and par for bootstrap, hermite and nss.
                #expect(cells.count == 10, "\(row.1)")
                #expect(cells[3] == cells[0] && cells[6] == cells[0], "\(row.1): \(cells)")
            }
            let compared = try await client.execute(
                uri: "/curves?curve=CGB&date=2025-06-03&compare=2024-06-03", method: .get
            ) { $0.text }
            #expect(compared.contains("CGB par yields, 2025-06-0"))
            try await client.execute(uri: "/curves?curve=NOPE", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("no curve NOPE"))
            }
        }
    }

    /// A briefing's flagged codes link to their pages, and "and N more" to
    /// the page of every code the flag names.
    @Test func briefingFlagsLinkToEveryBond() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let report = try await client.execute(uri: "/reports", method: .get) { $0.text }
            #expect(report.contains("<p class=\"codes\"><a href=\"/bonds/"))
            let more = try #require(
                report.firstMatch(of: /and <a href="(\/reports\/flags\/[a-z_]+\?[^"]*)">([0-9]+) more<\/a>/))
            let href = String(more.1).replacingOccurrences(of: "&amp;", with: "&")
            let total = try #require(Int(more.2)) + 12
            try await client.execute(uri: href, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.components(separatedBy: "<tr><td class=\"codes\"><a href=\"/").count - 1 == total)
                #expect(response.text.contains("\(NumberText.group(Int64(total))) codes flagged"))
            }
            try await client.execute(uri: "/reports/flags/no_such_flag", method: .get) { response in
                #expect(response.status == .notFound && response.text.contains("no_such_flag"))
            }
        }
    }

    /// The worst-scored demo bond's page explains its score with the rows
    /// behind it, and its ledger downloads as CSV.
    @Test func aDriftingBondShowsItsLedgerAndFindings() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let worst = try await client.execute(uri: "/api/v1/integrity?limit=1", method: .get) { response in
                try #require(((response.json as? [String: Any])?["bond_scores"] as? [[String: Any]])?.first)
            }
            let code = try #require(worst["code"] as? String)
            let findings = try #require(worst["findings"] as? [[String: Any]])
            try await client.execute(uri: "/bonds/\(code)", method: .get) { response in
                #expect(response.text.contains("Integrity score \(worst["score"]!) of 100"))
                for finding in findings {
                    let explanation = (finding["explanation"] as! String).replacingOccurrences(of: "'", with: "&#39;")
                    #expect(response.text.contains(explanation), "\(finding["check"]!)")
                }
                #expect(
                    response.text.contains("Rows: allocations \(code)") || response.text.contains("Rows: bonds \(code)")
                )
                #expect(response.text.contains("<svg"))
            }
            try await client.execute(uri: "/bonds/\(code)/ledger.csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = response.text.split(separator: "\n")
                #expect(
                    lines.first
                        == "report_date,category,sci_tech,cumulative_allocated_cny,committed_cny,unallocated_cny")
                #expect(lines.count > 1)
            }
        }
    }

    /// The download holds every bond the filters pass (whatever the page),
    /// in key order, each line as `innobond export bonds` writes it, so that
    /// it imports back unchanged; "as shown" has the list's columns and order.
    @Test func theCSVDownloadHoldsTheWholeFilteredSet() async throws {
        let app = try await ServerFixture.application()
        let exported = MemoryOutput()
        try await ServerFixture.shared.value.store.export(
            kind: .bonds, to: RecordWriter(kind: .bonds, format: .csv, output: exported))
        let exportText = exported.text
        let exportLines = exportText.split(separator: "\n").map(String.init)
        let byCode = Dictionary(exportLines.dropFirst().map { (String($0.prefix { $0 != "," }), $0) }) { a, _ in a }
        try await app.test(.router) { client in
            let filters = "market=SH&sci_tech=true&sort=coupon&order=asc"
            var codes: [String] = []
            var cursor: String?
            repeat {
                let uri = "/api/v1/bonds?\(filters)&limit=500" + (cursor.map { "&cursor=\($0)" } ?? "")
                let json = try await client.execute(uri: uri, method: .get) { try #require($0.json as? [String: Any]) }
                codes += (json["items"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                cursor = json["next_cursor"] as? String
            } while cursor != nil
            #expect(codes.count > 20)
            try await client.execute(uri: "/bonds.csv?\(filters)&page=2&per_page=20", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(response.headers[.contentDisposition]?.contains("bonds.csv") == true)
                let lines = response.text.split(separator: "\n").map(String.init)
                #expect(lines.first == exportLines.first)
                // In the registry's key order, as export writes it.
                #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == codes.sorted())
                #expect(lines.dropFirst().allSatisfy { byCode[String($0.prefix { $0 != "," })] == $0 })
            }
            // Byte for byte the export: it imports back and exports the same.
            let all = try await client.execute(uri: "/bonds.csv", method: .get) { $0.text }
            #expect(all == exportText)
            try await client.execute(uri: "/bonds.csv?\(filters)&form=shown", method: .get) { response in
                let lines = response.text.split(separator: "\n")
                #expect(lines.first?.hasPrefix("code,name,issuer,uscc,") == true)
                #expect(lines.dropFirst().map { String($0.split(separator: ",")[0]) } == codes)
            }
            try await client.execute(uri: "/bonds.csv?form=xlsx", method: .get) { response in
                #expect(response.status == .badRequest && response.text.contains("form"))
            }
        }
    }

    /// A bond's quotes and the monitor's figures download in the registry's
    /// format, each line as `innobond export` writes it; the monitor's file
    /// holds every vintage published by its date, "as shown" the figures
    /// known then.
    @Test func quotesAndMonitorDownloadAsTheRegistryExportsThem() async throws {
        let app = try await ServerFixture.application()
        func exported(_ kind: RecordKind) async throws -> [String] {
            let output = MemoryOutput()
            try await ServerFixture.shared.value.store.export(
                kind: kind, to: RecordWriter(kind: kind, format: .csv, output: output))
            return output.text.split(separator: "\n").map(String.init)
        }
        let quotes = try await exported(.quotes)
        let macro = try await exported(.macro)
        try await app.test(.router) { client in
            let bond = try #require(quotes.dropFirst().first.map { String($0.prefix { $0 != "," }) })
            try await client.execute(uri: "/bonds/\(bond)/quotes.csv", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.contains("quotes.csv") == true)
                let lines = response.text.split(separator: "\n").map(String.init)
                #expect(lines.first == quotes.first)
                #expect(
                    lines.dropFirst().count > 1
                        && Array(lines.dropFirst()) == quotes.filter { $0.hasPrefix(bond + ",") })
            }
            let page = try await client.execute(uri: "/bonds/\(bond)", method: .get) { $0.text }
            #expect(page.contains("/bonds/\(bond)/quotes.csv"))
            try await client.execute(uri: "/monitor.csv", method: .get) { response in
                let lines = response.text.split(separator: "\n").map(String.init)
                #expect(lines.first == macro.first && Set(lines.dropFirst()) == Set(macro.dropFirst()))
            }
            let header = macro.first!.split(separator: ",").map(String.init)
            let published = try #require(header.firstIndex(of: "published"))
            let dates = macro.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[published] }
            let asOf = try #require(dates.sorted()[dates.count / 2])
            try await client.execute(uri: "/monitor.csv?as_of=\(asOf)", method: .get) { response in
                let lines = response.text.split(separator: "\n").dropFirst()
                #expect(!lines.isEmpty && lines.count < macro.count - 1)
                #expect(
                    lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[published] <= asOf })
            }
            try await client.execute(uri: "/monitor.csv?form=shown", method: .get) { response in
                #expect(response.text.hasPrefix(MonitorPage.shownHeader + "\n"))
                #expect(response.text.contains("M2 money supply") || response.text.contains("M2"))
            }
            try await client.execute(uri: "/monitor.csv?as_of=soon", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// The issuers' download holds every issuer the filters pass (the page
    /// shows at most 500), in the page's order, each line as
    /// `innobond export issuers` writes it.
    @Test func theIssuersDownloadHoldsTheWholeFilteredSet() async throws {
        let app = try await ServerFixture.application()
        let exported = MemoryOutput()
        try await ServerFixture.shared.value.store.export(
            kind: .issuers, to: RecordWriter(kind: .issuers, format: .csv, output: exported))
        let exportText = exported.text
        let exportLines = exportText.split(separator: "\n").map(String.init)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/issuers?sector=semiconductors", method: .get) { $0.text }
            let shown = page.matches(of: /<td class="codes">([0-9A-Z]{18})<\/td>/).map { String($0.output.1) }
            #expect(page.contains("href=\"/issuers.csv?sector=semiconductors\""))
            try await client.execute(uri: "/issuers.csv?sector=semiconductors", method: .get) { response in
                #expect(response.headers[.contentDisposition]?.contains("issuers.csv") == true)
                let lines = response.text.split(separator: "\n").map(String.init)
                #expect(lines.first == exportLines.first)
                // In the registry's key order, as export writes it.
                #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == shown.sorted())
                #expect(lines.dropFirst().allSatisfy { exportLines.contains($0) })
            }
            // Byte for byte the export: it imports back and exports the same.
            let all = try await client.execute(uri: "/issuers.csv", method: .get) { $0.text }
            #expect(all == exportText)
            try await client.execute(uri: "/issuers.csv?sector=semiconductors&form=shown", method: .get) { response in
                let lines = response.text.split(separator: "\n")
                #expect(lines.first == "name,uscc,sector,province,bonds,sci_tech_bonds,sci_tech_amount_cny")
                #expect(lines.count == shown.count + 1)
            }
        }
    }

    /// The page's form keeps every filter, the order and the page size; its
    /// JSON link gives the same page from the API.
    @Test func theFormAndTheJSONLinkKeepTheQuery() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let query = "province=beijing&ownership=private&sort=coupon&order=asc&page=2&per_page=10"
            let page = try await client.execute(uri: "/bonds?" + query, method: .get) { $0.text }
            #expect(page.contains(#"name="province" value="Beijing""#))
            #expect(page.contains(#"<option value="private" selected>"#))
            #expect(page.contains(#"<input type="hidden" name="order" value="asc">"#))
            #expect(page.contains(#"<input type="hidden" name="per_page" value="10">"#))
            #expect(page.contains("Coupon (%) ↑") && !page.contains(#"<a href="">"#))
            let shown = page.matches(of: /<td class="codes"><a href="\/bonds\/([^"]+)">/).map { String($0.output.1) }
            let api = try #require(
                page.firstMatch(of: /<a id="api-json" href="(\/api\/v1\/bonds\?[^"]+)">JSON<\/a>/)?.output.1)
            let items = try await client.execute(uri: String(api).replacing("&amp;", with: "&"), method: .get) {
                try #require(($0.json as? [String: Any])?["items"] as? [[String: Any]])
            }
            #expect(!shown.isEmpty && items.map { $0["code"] as? String } == shown)
            // Several values of one filter are one option, chosen, that the form sends back.
            let several = try await client.execute(uri: "/bonds?market=SZ,IB", method: .get) { $0.text }
            #expect(several.contains(#"<option value="IB,SZ" selected>Interbank, Shenzhen</option>"#))
        }
    }

    /// `/api` and `/api/v1` lead to the reference, which the server renders
    /// from its OpenAPI document: every operation and every schema member.
    @Test func theAPIReferenceShowsTheWholeDocument() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json())) as? [String: Any])
            for path in ["/api", "/api/v1"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .found && response.headers[.location] == "/api/reference")
                }
            }
            let page = try await client.execute(uri: "/api/reference", method: .get) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(!page.contains("<script"))
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, operations) in paths {
                for method in operations.keys {
                    #expect(page.contains("<code>\(method.uppercased()) \(path)</code>"), "\(method) \(path)")
                }
            }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for name in schemas.keys { #expect(page.contains(#"id="schema-\#(name)""#), "\(name)") }
            #expect(
                page.contains("yield_min") && page.contains("Lowest yield to maturity of the latest quote, percent"))
            #expect(page.contains(">amount_fen") && page.contains("integer fen"))
        }
    }

    @Test func aHostileIssuerNameIsEscapedOnEveryPage() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let pages = [
                "/", "/bonds?q=alert", "/bonds/\(ServerFixture.hostileBond)", "/issuers",
                "/issuers/\(ServerFixture.hostileUSCC)", "/reports", "/reports/briefing.html",
            ]
            for uri in pages {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let text = response.text
                    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri) does not show the name")
                    #expect(!text.contains("<script>alert(1)"), "\(uri) shows the name unescaped")
                    #expect(!text.contains("<img src=x"), "\(uri) shows the bond name unescaped")
                    #expect(!text.contains("<script"), "\(uri) has a script element")
                }
            }
            try await client.execute(uri: "/reports/briefing.md", method: .get) { response in
                #expect(!response.text.contains("<script>") && response.text.contains("&lt;script&gt;"))
            }
        }
    }

    @Test func badParametersGiveAnErrorPageNamingThem() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for (uri, field) in [
                ("/bonds?page=0", "page"), ("/monitor?to=0001-02-01", "to"), ("/?to=0001-06-01", "to"),
                ("/bonds?from=2025-02-30", "from"), ("/bonds?sort=colour", "sort"),
                ("/monitor?as_of=yesterday", "as_of"), ("/bonds/NOT-A-CODE", "code"),
                ("/issuers?sector=bakery", "sector"),
                ("/reports?from=2025-01-01&to=2024-01-01", "to"), ("/bonds?markets=IB", "markets"),
                // Every page refuses a parameter it does not take.
                ("/?foo=1", "foo"), ("/monitor?from=2025-01-01", "from"), ("/reports?q=x", "q"),
                ("/issuers?page=2", "page"), ("/bonds/102500166.IB?foo=1", "foo"),
                ("/issuers/91350100M000100Y43?x=1", "x"), ("/reports/briefing.md?sector=ai_software", "sector"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect(
                        response.headers[.contentType]?.hasPrefix("text/html") == true || uri.contains("briefing.md"))
                    #expect(response.text.contains("<code>\(field)</code>"), "\(uri)")
                }
            }
            // The CSV download's errors are text.
            try await client.execute(uri: "/bonds.csv?per_page=0", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(response.text.hasPrefix("parameter per_page: "), "\(response.text)")
            }
            try await client.execute(uri: "/bonds/102588888.IB", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/no/such/page", method: .get) { #expect($0.status == .notFound) }
        }
    }
}

/// Every answer carries the headers that keep pages from running scripts,
/// being framed or sniffed, and personal answers out of shared caches.
@Suite struct SecurityHeaderTests {
    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let registry = try await ServerFixture.shared.value
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for (uri, method, headers) in [
                ("/", HTTPRequest.Method.get, HTTPFields()), ("/sign-in", .get, [:]), ("/bonds?rating=ZZZ", .get, [:]),
                ("/api/v1/bonds", .get, [:]), ("/nowhere", .get, [:]), ("/health", .get, [:]),
                ("/api/v1/import/curves", .post, [:]), ("/bonds", .get, .bearer(registry.viewer)),
            ] {
                try await client.execute(uri: uri, method: method, headers: headers) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("default-src 'none'") && !policy.contains("script-src"), "\(uri)")
                    #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                    let personal = headers[.authorization] != nil || uri == "/sign-in"
                    #expect(
                        response.headers[.cacheControl] == (personal ? "private, no-store" : "no-cache")
                            || (uri == "/sign-in" && response.headers[.cacheControl] == "no-store"), "\(uri)")
                }
            }
        }
        let privateApp = try await ServerFixture.application(isPrivate: true)
        try await privateApp.test(.router) { client in
            try await client.execute(uri: "/bonds", method: .get, headers: .bearer(registry.viewer)) { response in
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
        }
    }
}
