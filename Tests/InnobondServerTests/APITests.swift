import FixedIncome
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InnobondDemo
import InnobondModel
import InnobondSQLite
import InnobondStore
import Logging
import NIOCore
import Testing

@testable import InnobondServer

/// The JSON API and its OpenAPI document, on the real application.
@Suite struct APITests {
    /// The bond list's keys are snake case as written: encoded without
    /// converting them, it is the bytes the converting encoders write.
    @Test func theBondListIsTheSameWithoutConvertingKeys() throws {
        let data = DemoDataSet.build()
        let bond = try #require(data.bonds.first)
        var item = APIModels.BondItem(bond, issuer: nil)
        // Every optional present, so that every key is written.
        item.issuerName = "Issuer"
        item.regime = "sse"
        item.rating = "AAA"
        item.putDate = bond.maturityDate
        item.couponResetDate = bond.maturityDate
        item.approvalDays = 20
        item.status = .outstanding
        item.outstandingFen = 1
        item.remainingYears = 2.5
        item.quoteDate = bond.issueDate
        item.quoteSource = "cfets"
        item.quoteAgeDays = 3
        item.quoteStale = false
        item.cleanPrice = 100.5
        item.yield = 2.1
        item.gSpreadBp = 30
        item.zSpreadBp = 31
        item.modifiedDuration = 2.4
        let count = [BondScreener.Facets.Count(value: "SH", count: 1)]
        let list = APIModels.BondList(
            items: [item], nextCursor: "abc", total: 1, asOf: bond.issueDate,
            facets: .init(market: count, regime: count, sector: count, rating: count))
        let written = try JSONEncoder.apiKeysAsWritten.encode(list)
        #expect(written == (try JSONEncoder.api.encode(list)))
        let foundation = JSONEncoder()
        foundation.keyEncodingStrategy = .convertToSnakeCase
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(written == (try foundation.encode(list)))
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?.count == Mirror(reflecting: item).children.count)
        #expect(object.count == Mirror(reflecting: list).children.count)
    }

    /// A request for each documented read, path parameters filled with demo data.
    static func sampleURI(_ path: String) -> String {
        var uri = path.replacingOccurrences(of: "{code}", with: ServerFixture.flagshipBond)
            .replacingOccurrences(of: "{uscc}", with: ServerFixture.flagship)
            .replacingOccurrences(of: "{curve}", with: "CGB").replacingOccurrences(of: "{series}", with: "M1")
        if uri.hasSuffix("/analytics") { uri += "?settlement=2025-06-03&clean_price=100.5" }
        if uri.hasSuffix("/calendar/day") { uri += "?date=2025-01-26" }
        if uri.hasSuffix("/calendar/between") { uri += "?from=2024-09-27&to=2024-10-16&market=exchange" }
        if uri.hasSuffix("/calendar/add") { uri += "?date=2025-02-03&working_days=10" }
        if uri.hasSuffix("/screen") { uri += "?name=Wingtech" }
        if uri.hasSuffix("/shield/exposure") { uri += "?party=Nexperia%20B.V." }
        return uri
    }

    @Test func theDocumentListsEveryRouteAndEveryReadAnswers() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return try #require(response.json as? [String: Any])
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            var routed = Set(APIRoutes.all.map { "\($0.method.rawValue) \($0.openAPIPath)" })
            routed.formUnion(["GET /health", "GET /health/ready", "GET /health/live"])
            #expect(documented == routed)
            let admin = try await ServerFixture.shared.value.admin
            for (path, operations) in paths where operations["get"] != nil {
                let uri = Self.sampleURI(path)
                // The audit log is for admins.
                let headers: HTTPFields = path == "/api/v1/audit" ? .bearer(admin) : [:]
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(uri): \(response.text.prefix(200))")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, "\(uri)")
                    #expect(response.json != nil, "\(uri) is not JSON")
                }
            }
        }
    }

    /// The audit log and its page are for admins: 401 without a token, 403
    /// for others; an import through the API is there with its token's name.
    @Test func theAuditLogIsForAdmins() async throws {
        // A registry of its own: the shared one's version is counted elsewhere.
        let registry = try await ServerFixture.make()
        let app = try await ServerFixture.application(store: registry.store)
        try await app.test(.router) { client in
            for uri in ["/api/v1/audit", "/audit"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .unauthorized, "\(uri)") }
                try await client.execute(uri: uri, method: .get, headers: .bearer(registry.viewer)) {
                    #expect($0.status == .forbidden, "\(uri)")
                }
            }
            let body = "curve,date,tenor,yield\nAUDIT,2026-11-20,1Y,1.5\n"
            try await client.execute(
                uri: "/api/v1/import/curves", method: .post,
                headers: [.authorization: "Bearer \(registry.analyst)", .contentType: "text/csv"],
                body: NIOCore.ByteBuffer(string: body)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/audit?kind=curves", method: .get, headers: .bearer(registry.admin)) {
                response in
                let items = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                let last = try #require(items.last)
                #expect((last["actor"] as? String)?.contains("(analyst, analyst)") == true, "\(last)")
                #expect(last["action"] as? String == "import" && last["inserted"] as? Int == 1)
                #expect((last["sha256"] as? String)?.count == 64 && (last["hash"] as? String)?.count == 64)
            }
            try await client.execute(uri: "/audit?kind=curves", method: .get, headers: .bearer(registry.admin)) {
                #expect($0.status == .ok && $0.text.contains("Audit log") && $0.text.contains("analyst"))
                #expect($0.headers[.cacheControl] == "private, no-store")
            }
        }
    }

    /// The calendar operations answer as the command line does, and a year
    /// without a notice is a 400 naming the parameter.
    @Test func theCalendarAnswers() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/calendar/day?date=2025-01-26&market=exchange", method: .get) {
                let day = $0.json as? [String: Any]
                #expect(day?["status"] as? String == "make_up_day_closed" && day?["working_day"] as? Bool == false)
                #expect(day?["name"] as? String == "春节 Spring Festival" && day?["weekday"] as? String == "Sunday")
            }
            try await client.execute(uri: "/api/v1/calendar/between?from=2024-09-27&to=2024-10-16", method: .get) {
                #expect(($0.json as? [String: Any])?["working_days"] as? Int == 10)
            }
            try await client.execute(uri: "/api/v1/calendar/add?date=2025-02-17&working_days=-10", method: .get) {
                #expect(($0.json as? [String: Any])?["date"] as? String == "2025-01-27")
            }
            try await client.execute(uri: "/api/v1/calendar/day?date=2030-01-02", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.error?["field"] as? String == "date")
                #expect((response.error?["message"] as? String)?.contains("holds 2022 to 2026") == true)
            }
        }
    }

    /// What the API enforces is stated in its document: the USCC's check
    /// character, the dates it takes, the cursor's form, the price-or-yield
    /// rule, the province names, and decimals typed as numbers.
    @Test func theDocumentStatesWhatTheAPIEnforces() async throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json())) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let issuer = try #require(paths["/api/v1/issuers/{uscc}"]?["get"])
        let uscc = (issuer["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "uscc" }
        #expect((uscc?["description"] as? String)?.contains("check character") == true)
        let analytics = try #require(paths["/api/v1/bonds/{code}/analytics"]?["get"])
        #expect((analytics["summary"] as? String)?.contains("exactly one") == true)
        let settlement = (analytics["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "settlement" }
        #expect((settlement?["description"] as? String)?.contains("from 1900-01-01 to 2199-12-31") == true)
        let bonds = try #require(paths["/api/v1/bonds"]?["get"])
        let cursor = (bonds["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "cursor" }
        #expect((cursor?["description"] as? String)?.contains("URL-safe base64") == true)
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let detail = try #require(schemas["IssuerDetail"] as? [String: Any])
        let province = ((detail["properties"] as? [String: Any])?["issuer"] as? [String: Any]).flatMap {
            ($0["properties"] as? [String: Any])?["province"] as? [String: Any]
        }
        #expect((province?["enum"] as? [String])?.contains("Guangdong") == true)
        let text = String(decoding: OpenAPIDocument.json(), as: UTF8.self)
        let figure = try #require(text.range(of: "\"figures\""))
        let value = try #require(text[figure.upperBound...].range(of: "\"value\" : {"))
        let type = try #require(text[value.upperBound...].range(of: "\"type\" : "))
        #expect(text[type.upperBound...].hasPrefix("\"number\""))
    }

    /// Every member of every schema says what it is (with its unit), and
    /// every amount of money says its unit in its name: `_fen` (integer fen)
    /// in answers, `_cny` (yuan) in the registry's record files (and
    /// `_usd_bn` for the foreign investment figures they carry). Members
    /// inside a `_fen` object (the ledger's categories) take its unit; a
    /// generic figure takes the unit its `unit` or `figure_unit` sibling names.
    @Test func everyMemberIsDescribedAndMoneyNamesItsUnit() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json())) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var undescribed: [String] = []
        var unnamed: [String] = []
        var money = 0
        func walk(_ schema: Any, _ path: String, inMoney: Bool) {
            guard let object = schema as? [String: Any] else { return }
            if let properties = object["properties"] as? [String: Any] {
                let hasUnit = properties.keys.contains { $0 == "unit" || $0 == "figure_unit" }
                for (name, property) in properties {
                    let member = path + "." + name
                    let description = ((property as? [String: Any])?["description"] as? String) ?? ""
                    if description.isEmpty { undescribed.append(member) }
                    let lower = description.lowercased()
                    let isMoney =
                        lower.contains("fen") || lower.contains("yuan")
                        || name.contains(/amount|balance|planned|revenue|(^|_)spend|claims|losses|deposits|outstanding/)
                    let type = (property as? [String: Any])?["type"]
                    let scalar = !["object", "array"].contains(type as? String ?? "")
                    if isMoney && scalar && !name.contains("share") && !name.contains("age") {
                        money += 1
                        let named = ["_fen", "_cny", "_usd_bn"].contains { name.hasSuffix($0) }
                        if !named && !inMoney && !hasUnit { unnamed.append(member) }
                    }
                    walk(property, member, inMoney: name.hasSuffix("_fen"))
                }
            }
            if let items = object["items"] { walk(items, path + "[]", inMoney: inMoney) }
            if let additional = object["additionalProperties"] { walk(additional, path + "{}", inMoney: inMoney) }
        }
        for (name, schema) in schemas { walk(schema, name, inMoney: false) }
        #expect(undescribed.isEmpty, "\(undescribed.sorted())")
        #expect(unnamed.isEmpty, "\(unnamed.sorted())")
        #expect(money > 20)
    }

    @Test func everyKindsRecordIsDescribedByItsDeclaration() throws {
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json())) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for kind in RecordKind.allCases {
            let record = try #require(schemas["Record_\(kind.rawValue)"] as? [String: Any], "\(kind)")
            let properties = try #require(record["properties"] as? [String: [String: Any]])
            #expect(Set(properties.keys) == Set(kind.columns.map(\.name)), "\(kind)")
            #expect(Set(record["required"] as? [String] ?? []) == Set(kind.columns.filter(\.required).map(\.name)))
            for column in kind.columns where column.storage == .money {
                #expect((properties[column.name]?["description"] as? String)?.contains("fen") == true)
            }
            for column in kind.columns where !column.required {
                #expect((properties[column.name]?["type"] as? [String])?.contains("null") == true, "\(column.name)")
            }
        }
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let importPath = try #require(paths.keys.first { $0.hasPrefix("/api/v1/import") })
        let body = (paths[importPath]?["post"]?["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        let json = (body?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        let items = (json?["items"] as? [String: Any])?["oneOf"] as? [[String: String]]
        #expect(items?.count == RecordKind.allCases.count)
    }

    @Test func bondsPageByCursorThroughTheWholeFilter() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            var cursor: String?
            var codes: [String] = []
            var total = 0
            repeat {
                let uri =
                    "/api/v1/bonds?market=SZ&sci_tech=true&sort=code&order=asc&limit=100"
                    + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.execute(uri: uri, method: .get) { try #require($0.json as? [String: Any]) }
                total = page["total"] as! Int
                codes += (page["items"] as! [[String: Any]]).map { $0["code"] as! String }
                cursor = page["next_cursor"] as? String
            } while cursor != nil
            #expect(codes.count == total && total > 100)
            #expect(codes == codes.sorted() && Set(codes).count == codes.count)
            #expect(codes.allSatisfy { $0.hasSuffix(".SZ") })
            // A cursor belongs to its list: with other filters or order it is refused.
            let first = try await client.execute(uri: "/api/v1/bonds?sort=amount&limit=2", method: .get) {
                try #require(($0.json as? [String: Any])?["next_cursor"] as? String)
            }
            for other in ["market=SZ&sort=amount", "sort=amount&order=asc", "sort=code"] {
                try await client.execute(uri: "/api/v1/bonds?\(other)&cursor=\(first)", method: .get) { response in
                    #expect(
                        response.status == .badRequest && response.error?["field"] as? String == "cursor", "\(other)")
                }
            }
            try await client.execute(uri: "/api/v1/bonds?sort=amount&limit=5&cursor=\(first)", method: .get) {
                #expect($0.status == .ok)
            }
        }
    }

    /// Where the calendar holds no year, a quote's age counts weekdays: the
    /// working days of a month without holidays.
    @Test func weekdaysStandInForWorkingDaysOutsideTheCalendar() throws {
        let friday = try CivilDate(iso8601: "2025-03-07")
        let monday = try CivilDate(iso8601: "2025-03-17")
        #expect(QuoteAge.weekdays(from: friday, to: monday) == 6)
        #expect(try WorkingDayCalendar().workingDays(from: friday, to: monday) == 6)
        #expect(QuoteAge.weekdays(from: monday, to: monday) == 0)
        #expect(
            QuoteAge.weekdays(from: try CivilDate(iso8601: "2021-03-05"), to: try CivilDate(iso8601: "2021-03-15")) == 6
        )
    }

    @Test func analyticsOfOneBondAtASettlementDate() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let uri = "/api/v1/bonds/\(ServerFixture.flagshipBond)/analytics?settlement=2025-06-03&yield=2.1"
            let figures = try await client.execute(uri: uri, method: .get) { try #require($0.json as? [String: Any]) }
            #expect(figures["convention"] as? String == "CIBM")
            // The yield given is echoed as given.
            #expect(figures["yield"] as? Double == 2.1)
            let price = try #require(figures["clean_price"] as? Double)
            // Back from the price to the same yield.
            let back = try await client.execute(
                uri: "/api/v1/bonds/\(ServerFixture.flagshipBond)/analytics?settlement=2025-06-03&clean_price=\(price)",
                method: .get
            ) { try #require($0.json as? [String: Any]) }
            #expect((back["yield"] as? Double).map { abs($0 - 2.1) < 1e-8 } == true)
            #expect(figures["g_spread_bp"] is Double && figures["modified_duration"] is Double)
            // Without a settlement date, the registry's latest date.
            let latest = try await client.execute(
                uri: "/api/v1/bonds/\(ServerFixture.flagshipBond)/analytics?yield=2.1", method: .get
            ) { try #require($0.json as? [String: Any]) }
            #expect(latest["settlement"] as? String == DemoDataSet.asOf.iso8601)
        }
    }

    @Test(arguments: [
        ("/api/v1/bonds?limit=0", "limit"), ("/api/v1/bonds?market=XX", "market"),
        ("/api/v1/bonds?cursor=@@", "cursor"),
        ("/api/v1/bonds?from=2025-13-01", "from"), ("/api/v1/bonds?sci_tech=maybe", "sci_tech"),
        ("/api/v1/bonds/NOPE", "code"), ("/api/v1/bonds/102500166.IB/analytics", "clean_price"),
        ("/api/v1/bonds/102500166.IB/analytics?settlement=2025-06-03", "clean_price"),
        ("/api/v1/bonds/102500166.IB/analytics?settlement=2025-06-03&clean_price=100&yield=2", "yield"),
        ("/api/v1/bonds/102500166.IB/analytics?settlement=2031-01-01&yield=2", "settlement"),
        ("/api/v1/bonds/102500166.IB/quotes?from=soon", "from"), ("/api/v1/issuers/XYZ", "uscc"),
        ("/api/v1/issuers?limit=9999", "limit"), ("/api/v1/curves/CGB?date=2025-02-30", "date"),
        ("/api/v1/macro/M1?as_of=never", "as_of"), ("/api/v1/conditions?to=x", "to"),
        ("/api/v1/report?from=2026-01-01&to=2025-01-01", "to"), ("/api/v1/statistics?rating=Z", "rating"),
        ("/api/v1/report?from=2099-01-01", "from"), ("/api/v1/bonds?page=2", "page"),
        ("/api/v1/issuers?page=2", "page"), ("/api/v1/bonds?per_page=5", "per_page"),
        ("/api/v1/curves?limit=5", "limit"), ("/api/v1/bonds?markte=IB", "markte"),
        ("/api/v1/bonds?limit=5&limit=10", "limit"),
        ("/api/v1/bonds/102500166.IB/quotes?from=2026-12-01&to=2026-01-01", "to"),
        ("/api/v1/statistics?province=Atlantis", "province"), ("/api/v1/conditions?to=0001-01-01", "to"),
        ("/api/v1/report?to=9999-12-31", "to"), ("/api/v1/bonds?from=0001-02-01", "from"),
        ("/api/v1/issuers?q=" + String(repeating: "a", count: 201), "q"),
        ("/api/v1/bonds?q=" + String(repeating: "b", count: 5000), "q"),
        ("/api/v1/bonds/102500166.IB/analytics?settlement=2025-06-03&yield=0x10", "yield"),
        ("/api/v1/bonds/102500166.IB/analytics?settlement=2025-06-03&yield=-100", "yield"),
    ])
    func badParametersAre400WithTheField(uri: String, field: String) async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                #expect(response.error?["field"] as? String == field, "\(uri): \(response.text)")
                #expect(response.error?["status"] as? Int == 400)
            }
        }
    }

    @Test func missingThingsAre404InJSON() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            // What is missing is named by the path parameter that names it.
            for (uri, field) in [
                ("/api/v1/bonds/102588888.IB", "code"), ("/api/v1/bonds/102588888.IB/cashflows", "code"),
                ("/api/v1/issuers/91110000600037341L", "uscc"), ("/api/v1/curves/LIBOR", "curve"),
                ("/api/v1/macro/GDP", "series"), ("/api/v1/nothing", nil),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.error?["message"] is String, "\(uri)")
                    #expect(response.error?["field"] as? String == field, "\(uri)")
                }
            }
        }
    }

    /// HEAD answers as GET would, without the body.
    @Test func headIsGetWithoutTheBody() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for uri in ["/health", "/", "/bonds", "/api/v1/bonds", "/api/openapi.json"] {
                let length = try await client.execute(uri: uri, method: .get) { $0.body.readableBytes }
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == .ok, "HEAD \(uri)")
                    #expect(response.body.readableBytes == 0, "HEAD \(uri)")
                    #expect(response.headers[.contentLength] == String(length), "HEAD \(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/bonds/102588888.IB", method: .head) {
                #expect($0.status == .notFound)
            }
            // A page past the end, even past Int's range in bonds, is the
            // last page; the CSV holds every bond whatever the page.
            let total = try await client.execute(uri: "/api/v1/bonds?limit=1", method: .get) {
                try #require(($0.json as? [String: Any])?["total"] as? Int)
            }
            try await client.execute(uri: "/bonds.csv?page=9223372036854775807&per_page=7", method: .get) {
                response in
                #expect(response.status == .ok && response.text.split(separator: "\n").count == 1 + total)
            }
            // A page past the end shows the last.
            try await client.execute(uri: "/bonds?page=9999", method: .get) { response in
                #expect(response.status == .ok && !response.text.contains("No bond matches"))
                #expect(response.text.contains(/page (\d+) of \1/))
            }
            // Demo data says so, in a header, to clients that see no banner.
            try await client.execute(uri: "/api/v1/bonds?limit=1", method: .get) {
                #expect($0.headers[HTTPField.Name("Innobond-Demo")!] == "true")
            }
        }
    }

    /// Query values as forms send them (`+` a space, `%2B` a plus) and path
    /// parameters percent-decoded.
    @Test func queriesAndPathsAreDecoded() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            func count(_ uri: String) async throws -> Int {
                try await client.execute(uri: uri, method: .get) { response in
                    ((response.json as? [String: Any])?["items"] as? [Any])?.count ?? -1
                }
            }
            let spaced = try await count("/api/v1/bonds?q=Flagship%20Semiconductor")
            #expect(spaced > 0)
            #expect(try await count("/api/v1/bonds?q=Flagship+Semiconductor") == spaced)
            #expect(try await count("/api/v1/bonds?q=Flagship+Semiconductor+") == spaced)
            #expect(try await count("/api/v1/bonds?q=Flagship%2BSemiconductor") == 0)
            try await client.execute(uri: "/api/v1/bonds?rating=AA%2B&limit=5", method: .get) { response in
                let bonds = (response.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                #expect(!bonds.isEmpty && bonds.allSatisfy { $0["rating"] as? String == "AA+" }, "\(response.text)")
            }
            // A plus typed into the URL (decoded as a space) still means AA+.
            func total(_ uri: String) async throws -> Int {
                try await client.execute(uri: uri, method: .get) { ($0.json as? [String: Any])?["total"] as? Int ?? -1 }
            }
            let plus = try await total("/api/v1/bonds?rating=AA%2B")
            #expect(plus > 0)
            #expect(try await total("/api/v1/bonds?rating=AA+") == plus)
            #expect(try await total("/api/v1/bonds?rating=AA+,AAA") > plus)
            // The page's links keep the plus.
            try await client.execute(uri: "/bonds?rating=AA%2B", method: .get) { response in
                #expect(response.text.contains("rating=AA%2B"))
            }
        }
        // A curve whose name has a space and Chinese characters, in a registry of its own.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteRegistryStore(path: path)
        try await ServerFixture.importText(store, .curves, "curve,date,tenor,yield\nAAA corp 中债,2026-11-21,5Y,2.2\n")
        let own = try await ServerFixture.application(store: store)
        try await own.test(.router) { client in
            try await client.execute(uri: "/api/v1/curves/AAA%20corp%20%E4%B8%AD%E5%80%BA", method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect((response.json as? [String: Any])?["curve"] as? String == "AAA corp 中债")
            }
        }
        try await store.close()
    }

    /// Reads may use a cached token, until the next poll of the store sees a revocation.
    @Test func aRevokedTokenIsForgottenAtTheNextPoll() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteRegistryStore(path: path)
        var logger = Logging.Logger(label: "test")
        logger.logLevel = .warning
        let state = try await RegistryState(store: store, logger: logger)
        let (_, hash) = TokenSecret.generate()
        let token = try await store.createToken(name: "desk", role: .viewer, secretHash: hash, actor: .system)
        state.tokens.remember(token, hash: hash, from: state.tokens.generation)
        try await state.refresh()
        #expect(state.tokens.token(hash) != nil)
        // A lookup that started before the revocation was seen is not remembered after it.
        let lookup = state.tokens.generation
        #expect(try await store.revokeToken(id: token.id, actor: .system))
        try await state.refresh()
        #expect(state.tokens.token(hash) == nil)
        state.tokens.remember(token, hash: hash, from: lookup)
        #expect(state.tokens.token(hash) == nil)
        try await store.close()
    }

    @Test func otherMethodsAre405WithTheMethodsAllowed() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            // A path the server does not have is 404 whatever the method.
            for (uri, method) in [
                ("/nonexistent", HTTPRequest.Method.post), ("/api/v1/nothing", .delete), ("/x", .get),
            ] {
                try await client.execute(uri: uri, method: method) {
                    #expect($0.status == .notFound, "\(method) \(uri)")
                }
            }
            for (uri, method, allowed) in [
                ("/api/v1/bonds", HTTPRequest.Method.delete, "GET, HEAD"),
                ("/api/v1/import/curves", .get, "POST"), ("/sign-in", .put, "GET, HEAD, POST"),
            ] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allowed, "\(method) \(uri)")
                }
            }
        }
    }

    @Test func healthAndMetrics() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/bonds?limit=1", method: .get) { _ in }
            let health = try await client.execute(uri: "/health", method: .get) {
                try #require($0.json as? [String: Any])
            }
            #expect(health["status"] as? String == "ok" && (health["bonds"] as? Int ?? 0) > 3000)
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(response.text.contains("hb_requests"))
                #expect(response.text.contains("innobond_store_seconds"))
            }
        }
    }
}

/// What the router serves is what the declarations list: every page path
/// and API route, and every record kind as an import kind.
@Suite struct DeclaredRoutesTests {
    @Test func theRouterServesTheDeclaredPathsAndKinds() async throws {
        let registry = try await ServerFixture.shared.value
        var logger = Logging.Logger(label: "test")
        logger.logLevel = .warning
        let state = try await RegistryState(store: registry.store, logger: logger)
        let router = try await ServerApplication.buildRouter(state: state, settings: ServerSettings(port: 0))
        /// A path's pattern: each parameter as `:`.
        func pattern(_ path: String) -> String {
            path.split(separator: "/").map { $0.hasPrefix(":") || $0.hasPrefix("{") ? ":" : String($0) }
                .joined(separator: "/")
        }
        let served = Set(router.routes.map { "\($0.method) \(pattern($0.path.description))" })
        var declared = Set(APIRoutes.all.map { "\($0.method) \(pattern($0.path))" })
        for path in PageRoutes.paths where path != "/reports/:file" { declared.insert("GET \(pattern(path))") }
        declared.formUnion(["POST sign-in", "POST sign-out", "GET reports/briefing.html", "GET reports/briefing.md"])
        for path in BrowserSession.formPaths { declared.insert("POST \(pattern(path))") }
        let notDeclared = served.subtracting(declared)
        let notServed = declared.subtracting(served)
        #expect(notDeclared.isEmpty && notServed.isEmpty, "not declared: \(notDeclared); not served: \(notServed)")

        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            for kind in RecordKind.allCases {
                try await client.execute(
                    uri: "/api/v1/import/\(kind.rawValue)", method: .post, headers: .bearer(registry.admin),
                    body: NIOCore.ByteBuffer(string: "")
                ) { response in
                    // Served: the empty body is at fault, not the kind.
                    #expect(response.status == .badRequest && response.error?["field"] as? String == "body", "\(kind)")
                }
            }
            try await client.execute(
                uri: "/api/v1/import/recipes", method: .post, headers: .bearer(registry.admin),
                body: NIOCore.ByteBuffer(string: "")
            ) { #expect($0.error?["field"] as? String == "kind") }
        }
    }
}
