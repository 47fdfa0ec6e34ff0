import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import InnobondServer

/// The response schemas of the OpenAPI document against the API's answers on
/// the demo registry: every answer of many requests to every read must match
/// its schema (types, dates), with no member the schema lacks.
///
/// The schemas are inferred from these same answers and kept in
/// `Sources/InnobondServer/Resources/response-schemas.json`; after a change
/// to a response, write them again with
/// `INNOBOND_RECORD_SCHEMAS=1 swift test --filter ResponseSchemaTests`.
@Suite struct ResponseSchemaTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/InnobondServer/Resources/response-schemas.json")

    /// Requests to every documented read, by the schema of their answers.
    static func samples(_ client: some TestClientProtocol) async throws -> [(schema: String, uri: String)] {
        func items(_ uri: String) async throws -> [[String: Any]] {
            try await client.execute(uri: uri, method: .get) { response in
                ((response.json as? [String: Any])?["items"] as? [[String: Any]]) ?? []
            }
        }
        var samples: [(String, String)] = []
        for query in [
            "", "?sci_tech=false&limit=300", "?sort=amount&order=asc&limit=300", "?market=SH&limit=500",
            "?sort=g_spread&yield_min=2&limit=500", "?status=matured,not_yet_issued&limit=500",
        ] {
            samples.append(("BondPage", "/api/v1/bonds" + query))
        }
        let bonds = try await items("/api/v1/bonds?limit=500")
        var chosen = stride(from: 0, to: bonds.count, by: 20).map { bonds[$0] }
        chosen += bonds.filter { $0["put_date"] != nil }.prefix(3)
        chosen += bonds.filter { $0["frequency"] as? Int == 0 }.prefix(3)
        for bond in chosen {
            let code = bond["code"] as! String
            samples.append(("BondDetail", "/api/v1/bonds/\(code)"))
            samples.append(("QuoteList", "/api/v1/bonds/\(code)/quotes"))
            samples.append(("CashFlowList", "/api/v1/bonds/\(code)/cashflows"))
            if let issue = bond["issue_date"] as? String, let settlement = Self.day(after: issue, days: 40) {
                samples.append(("Analytics", "/api/v1/bonds/\(code)/analytics?settlement=\(settlement)&yield=2.5"))
                samples.append(
                    ("Analytics", "/api/v1/bonds/\(code)/analytics?settlement=\(settlement)&clean_price=100"))
            }
        }
        for code in [ServerFixture.flagshipBond, ServerFixture.hostileBond] {
            samples.append(("BondDetail", "/api/v1/bonds/\(code)"))
        }
        for query in ["", "?as_of=2025-10-15"] {
            samples.append(("ExposureList", "/api/v1/issuers/\(ServerFixture.flagship)/exposure" + query))
        }
        for query in ["", "?as_of=2025-10-15", "?as_of=2024-01-01"] {
            samples.append(("ShieldAnswer", "/api/v1/shield" + query))
        }
        for query in ["", "?q=demo", "?measure=US-BIS-2024-28267&as_of=2025-01-01", "?q=nobody"] {
            samples.append(("MeasureList", "/api/v1/measures" + query))
        }
        for query in ["", "?as_of=2025-01-01", "?overdue=true", "?state=exemption_requested"] {
            samples.append(("CaseList", "/api/v1/cases" + query))
        }
        samples.append(("ScreenAnswer", "/api/v1/screen?name=Wingtech&name=Nobody&threshold=0.5"))
        for query in ["", "?as_of=2024-01-01"] {
            samples.append(("ReviewAnswer", "/api/v1/shield/review" + query))
        }
        for day in ["2024-11-01", "2025-10-15", "2025-12-01"] {
            samples.append(("PartyExposure", "/api/v1/shield/exposure?party=Nexperia%20B.V.&as_of=" + day))
        }
        for bond in chosen where bond["sci_tech"] as? Bool == true {
            let code = bond["code"] as! String
            samples.append(("LedgerView", "/api/v1/bonds/\(code)/ledger"))
            samples.append(("LedgerView", "/api/v1/bonds/\(code)/ledger?as_of=2026-06-30&known=now"))
        }
        for query in ["", "?limit=500", "?sector=semiconductors&known=now&as_of=2026-06-30", "?as_of=2020-01-01"] {
            samples.append(("IntegrityRanking", "/api/v1/integrity" + query))
        }
        // The ledgers of bonds with each finding: changes of use among them.
        let ranking = try await client.execute(uri: "/api/v1/integrity?limit=5000", method: .get) {
            ($0.json as? [String: Any])?["bond_scores"] as? [[String: Any]] ?? []
        }
        var checks = Set<String>()
        for bond in ranking {
            let found = Set((bond["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String })
            guard !found.isSubset(of: checks) else { continue }
            checks.formUnion(found)
            samples.append(("LedgerView", "/api/v1/bonds/\(bond["code"] as! String)/ledger"))
        }
        for query in ["", "?limit=500", "?sector=semiconductors"] {
            samples.append(("IssuerPage", "/api/v1/issuers" + query))
        }
        for issuer in try await items("/api/v1/issuers?limit=500").enumerated().filter({ $0.offset % 25 == 0 }) {
            samples.append(("IssuerDetail", "/api/v1/issuers/\(issuer.element["uscc"] as! String)"))
        }
        samples.append(("IssuerDetail", "/api/v1/issuers/\(ServerFixture.hostileUSCC)"))
        samples.append(("CurveList", "/api/v1/curves"))
        for curve in try await items("/api/v1/curves") {
            let name = curve["curve"] as! String
            samples.append(("CurveDay", "/api/v1/curves/\(name)"))
            samples.append(("CurveDay", "/api/v1/curves/\(name)?date=2025-06-03"))
        }
        samples.append(("SeriesList", "/api/v1/macro"))
        for series in try await items("/api/v1/macro") {
            let name = series["series"] as! String
            samples.append(("SeriesDetail", "/api/v1/macro/\(name)"))
            samples.append(("SeriesDetail", "/api/v1/macro/\(name)?as_of=2025-03-20"))
        }
        for query in ["", "?to=2024-03-31", "?from=2025-02-01&to=2025-02-28", "?from=2020-01-01&to=2020-12-31"] {
            samples.append(("IssuanceStatistics", "/api/v1/statistics" + query))
            samples.append(("Advantage", "/api/v1/advantage" + query))
            samples.append(("Briefing", "/api/v1/report" + query))
        }
        for query in ["?as_of=2025-03-20", "?to=2024-03-31&as_of=2024-04-30"] {
            samples.append(("Briefing", "/api/v1/report" + query))
        }
        for query in ["", "?to=2024-03-31", "?to=2020-12-31", "?as_of=2025-03-20", "?to=2024-03-31&as_of=2024-04-30"] {
            samples.append(("FinancingConditions", "/api/v1/conditions" + query))
        }
        for query in ["", "?kind=curves", "?limit=2", "?after=1&limit=3"] {
            samples.append(("AuditPage", "/api/v1/audit" + query))
        }
        for market in ["national", "exchange", "interbank"] {
            for date in ["2025-01-26", "2025-01-28", "2025-01-29", "2026-10-10", "2026-06-22"] {
                samples.append(("CalendarDay", "/api/v1/calendar/day?date=\(date)&market=\(market)"))
            }
            samples.append(
                ("CalendarBetween", "/api/v1/calendar/between?from=2024-09-27&to=2024-10-16&market=\(market)"))
            samples.append(("CalendarAdded", "/api/v1/calendar/add?date=2025-02-03&working_days=10&market=\(market)"))
        }
        return samples
    }

    static func day(after date: String, days: Int) -> String? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: date).map { formatter.string(from: $0.addingTimeInterval(Double(days) * 86_400)) }
    }

    @Test func everyAnswerMatchesItsSchema() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            let samples = try await Self.samples(client)
            var inferred: [String: InferredSchema] = [:]
            var answers: [(schema: String, uri: String, value: JSONValue)] = []
            let admin = try await ServerFixture.shared.value.admin
            for (schema, uri) in samples {
                // The audit log answers admins alone.
                let headers: HTTPFields = uri.hasPrefix("/api/v1/audit") ? .bearer(admin) : [:]
                let (status, body) = try await client.execute(uri: uri, method: .get, headers: headers) {
                    ($0.status, Data(buffer: $0.body))
                }
                guard status == .ok else { continue }
                let value = try JSONValue(body)
                answers.append((schema, uri, value))
                inferred[schema] = inferred[schema].map { $0.merged(InferredSchema(value)) } ?? InferredSchema(value)
            }
            let routed = Set(APIRoutes.all.filter { $0.method == .get }.map(\.schema))
            #expect(Set(inferred.keys) == routed, "every read is sampled")
            if ProcessInfo.processInfo.environment["INNOBOND_RECORD_SCHEMAS"] == "1" {
                let data = try JSONSerialization.data(
                    withJSONObject: inferred.mapValues(\.json), options: [.prettyPrinted, .sortedKeys])
                try (data + Data("\n".utf8)).write(to: Self.file)
            }
            let document = try await client.execute(uri: "/api/openapi.json", method: .get) {
                $0.json as! [String: Any]
            }
            let schemas = (document["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
            for answer in answers {
                let schema = try #require(schemas[answer.schema], "\(answer.schema)")
                let problems = SchemaCheck.problems(answer.value, schema)
                #expect(problems.isEmpty, "\(answer.uri): \(problems.prefix(5))")
            }
        }
    }
}
