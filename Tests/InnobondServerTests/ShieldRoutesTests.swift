import Foundation
import HTTPTypes
import HummingbirdTesting
import InnobondModel
import InnobondStore
import InnobondTestSupport
import NIOCore
import Testing

@testable import InnobondServer

/// The legal shield's pages and operations on ExposureTests' registry: the
/// store contract's issuers, the first named by the Entity List rule, the
/// second 60 % owned by it; and one compliance case. Expected figures are
/// the store contract's rows: the first issuer's one sci-tech bond,
/// 102580123.IB, RMB 1.66 bn issued 2025-05-09; the second has none.
@Suite struct ShieldRoutesTests {
    static let casesFile =
        "case_id,uscc,jurisdiction,authority,citation,measure_date,counterparty,discovered,reported,"
        + "exemption_filed,claims_cny,legal_basis,state,notes,revision\n"
        + "C-1,\(ExposureTests.listed),United States,BIS,FR 2024-28267,2024-12-02,,2025-01-02,,,,"
        + "MOFCOM Order No. 1 of 2021,assessing,,\n"

    static func store() async throws -> any RegistryStore {
        let store = try await ExposureTests.store()
        let report = try await StoreContract.importText(store, .complianceCases, casesFile)
        precondition(report.committed, "\(report.issues)")
        return store
    }

    @Test func theIssuersReachedAndTheirBondsOnEachDay() async throws {
        let app = try await ServerFixture.application(store: try await Self.store())
        try await app.test(.router) { client in
            func answer(_ day: String) async throws -> [String: Any] {
                try await client.execute(uri: "/api/v1/shield?as_of=\(day)", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    return $0.json as? [String: Any] ?? [:]
                }
            }
            let before = try await answer("2024-11-01")
            #expect(before["issuer_count"] as? Int == 0 && before["measures_in_force"] as? Int == 0)
            // Listed, its bond not yet issued; the rule for owned parties not yet in force.
            let listed = try await answer("2025-03-01")
            #expect(listed["issuer_count"] as? Int == 1 && listed["bond_count"] as? Int == 0)
            let both = try await answer("2025-10-15")
            let issuers = both["issuers"] as? [[String: Any]] ?? []
            #expect(issuers.map { $0["uscc"] as? String } == [ExposureTests.listed, ExposureTests.owned])
            #expect(issuers.map { $0["named"] as? Bool } == [true, false])
            #expect(both["bond_count"] as? Int == 1 && both["amount_outstanding_fen"] as? Int64 == 166_000_000_000)
            #expect(issuers.first?["bonds"] as? [String] == ["102580123.IB"])
            // The rule suspended: the owned issuer drops out.
            #expect(try await answer("2025-12-01")["issuer_count"] as? Int == 1)

            let page = try await client.execute(uri: "/shield?as_of=2025-10-15", method: .get) { $0.text }
            #expect(page.contains("示例芯片股份有限公司") && page.contains("华为技术有限公司"))
            #expect(page.contains("60.0 % owned"))
            let file = try await client.execute(uri: "/shield/reached.csv?as_of=2025-10-15", method: .get) {
                #expect($0.headers[.contentDisposition]?.contains("shield-reached-2025-10-15.csv") == true)
                return $0.text
            }
            let lines = file.split(separator: "\n")
            #expect(lines.count == 3 && lines[1].hasSuffix(",1,1660000000") && lines[2].contains(",false,"))
            let bond = try await client.execute(uri: "/bonds/102580123.IB", method: .get) { $0.text }
            #expect(bond.contains("<h2>Legal shield</h2>") && bond.contains("(by its code)"))
        }
    }

    @Test func measuresAndTheirPartiesAreSearchedByKeyOrCode() async throws {
        let app = try await ServerFixture.application(store: try await Self.store())
        try await app.test(.router) { client in
            func targets(_ query: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/measures?\(query)", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    return ($0.json as? [String: Any])?["targets"] as? [[String: Any]] ?? []
                }
            }
            // Case, punctuation and a legal form do not matter.
            #expect(try await targets("q=LISTED%20PARTY,%20Inc.").map { $0["target_id"] as? String } == ["listed"])
            #expect(try await targets("q=\(ExposureTests.listed)").count == 1)
            #expect(try await targets("q=nobody").isEmpty)
            #expect(try await targets("as_of=2025-01-01").isEmpty)
            let measures = try await client.execute(uri: "/api/v1/measures?as_of=2025-12-01", method: .get) {
                ($0.json as? [String: Any])?["measures"] as? [[String: Any]] ?? []
            }
            #expect(measures.map { $0["standing"] as? String } == ["in_force", "suspended"])
            try await client.execute(uri: "/api/v1/measures?measure=NOPE", method: .get) {
                #expect($0.status == .notFound && $0.error?["field"] as? String == "measure")
            }
        }
    }

    @Test func casesShowTheirClocksAndAreOverdueTheDayAfter() async throws {
        let app = try await ServerFixture.application(store: try await Self.store())
        try await app.test(.router) { client in
            func cases(_ query: String) async throws -> [String: Any] {
                try await client.execute(uri: "/api/v1/cases?\(query)", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    return $0.json as? [String: Any] ?? [:]
                }
            }
            // Discovered 2 January 2025: 1 February is in the Spring Festival, so due 5 February.
            let onDue = try await cases("as_of=2025-02-05")
            let clock = ((onDue["items"] as? [[String: Any]])?.first?["clocks"] as? [[String: Any]])?.first
            #expect(clock?["due"] as? String == "2025-02-05" && clock?["status"] as? String == "running")
            #expect(onDue["overdue_count"] as? Int == 0)
            #expect(try await cases("as_of=2025-02-06")["overdue_count"] as? Int == 1)
            #expect((try await cases("as_of=2025-02-05&overdue=true")["items"] as? [Any])?.isEmpty == true)
            #expect((try await cases("state=closed")["items"] as? [Any])?.isEmpty == true)
            try await client.execute(uri: "/api/v1/cases?state=lost", method: .get) {
                #expect($0.status == .badRequest && $0.error?["field"] as? String == "state")
            }
            let page = try await client.execute(uri: "/shield/cases?as_of=2025-02-06", method: .get) { $0.text }
            #expect(page.contains("1 day overdue") && page.contains("class=\"overdue\""))
            let shown = try await client.execute(
                uri: "/shield/cases.csv?as_of=2025-02-06&form=shown", method: .get
            ) { $0.text }
            #expect(
                shown.contains("C-1,\(ExposureTests.listed),assessing,2025-01-02,2025-02-05,overdue,,,,,2025-02-06"))
            let registry = try await client.execute(uri: "/shield/cases.csv", method: .get) { $0.text }
            #expect(registry == Self.casesFile.replacing(",assessing,,\n", with: ",assessing,,1\n"))
        }
    }

    @Test func namesAreScreenedByGetAndByPost() async throws {
        let store = try await Self.store()
        let secret = "screen-test-secret-0123456789abcdef"
        _ = try await store.createToken(
            name: "viewer", role: .viewer, secretHash: TokenSecret.hash(secret), actor: .commandLine)
        let app = try await ServerFixture.application(store: store)
        try await app.test(.router) { client in
            let found = try await client.execute(
                uri: "/api/v1/screen?name=Listed%20Party%20Co.,%20Ltd.&name=Nobody&as_of=2025-03-01", method: .get
            ) { $0.json as? [String: Any] ?? [:] }
            let items = found["items"] as? [[String: Any]] ?? []
            #expect(items.map { ($0["candidates"] as? [Any])?.count } == [1, 0])
            try await client.execute(uri: "/api/v1/screen", method: .get) {
                #expect($0.status == .badRequest && $0.error?["field"] as? String == "name")
            }
            let body = ByteBuffer(string: "name,uscc\nSomeone,\(ExposureTests.listed)\n")
            try await client.execute(uri: "/api/v1/screen?as_of=2025-03-01", method: .post, body: body) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/screen?as_of=2025-03-01", method: .post, headers: .bearer(secret), body: body
            ) {
                let candidates = ((($0.json as? [String: Any])?["items"] as? [[String: Any]])?.first?["candidates"])
                #expect((candidates as? [[String: Any]])?.first?["matched_by"] as? String == "uscc")
            }
            try await client.execute(
                uri: "/api/v1/screen", method: .post, headers: .bearer(secret),
                body: ByteBuffer(string: "name,uscc\nA,\nB,123\n")
            ) {
                #expect($0.status == .badRequest)
                #expect(($0.error?["details"] as? [[String: Any]])?.first?["line"] as? Int == 3)
            }
        }
    }
}

/// The review queue: candidates by name, decided through the page's form
/// (here with a bearer token) and remembered.
@Suite struct ReviewQueueTests {
    /// Two more parties of the Entity List rule: one with the first issuer's
    /// name in another legal form (the same key), one close to the second's
    /// English name.
    static func store() async throws -> any RegistryStore {
        let store = try await ShieldRoutesTests.store()
        let report = try await StoreContract.importText(
            store, .measureTargets,
            StoreContract.targetsHeader + "US-BIS-2024-28267,t-key,示例芯片有限公司,,CN,,,,,\n"
                + "US-BIS-2024-28267,t-fuzzy,Huawei Technology Company,,CN,,,,,\n")
        precondition(report.committed, "\(report.issues)")
        return store
    }

    static func token(_ store: any RegistryStore, _ role: APIRole) async throws -> String {
        let secret = "review-\(role.rawValue)-secret-0123456789abcdef"
        _ = try await store.createToken(
            name: role.rawValue, role: role, secretHash: TokenSecret.hash(secret), actor: .commandLine)
        return secret
    }

    @Test func decisionsAreRecordedRememberedAndChangeExposure() async throws {
        let store = try await Self.store()
        let analyst = try await Self.token(store, .analyst)
        let viewer = try await Self.token(store, .viewer)
        let app = try await ServerFixture.application(store: store)
        try await app.test(.router) { client in
            func queue() async throws -> [String: Any] {
                try await client.execute(uri: "/api/v1/shield/review?as_of=2025-03-01", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    return $0.json as? [String: Any] ?? [:]
                }
            }
            func exposure(_ uscc: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/issuers/\(uscc)/exposure?as_of=2025-03-01", method: .get) {
                    ($0.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                }
            }
            func decide(_ form: String, _ secret: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: "/shield/review", method: .post,
                    headers: [.authorization: "Bearer \(secret)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: form)
                ) { ($0.status, $0.text) }
            }
            let pending = try await queue()["pending"] as? [[String: Any]] ?? []
            // The code match needs no review; the same key counts now, the close name does not.
            #expect(pending.map { $0["target_id"] as? String } == ["t-key", "t-fuzzy"])
            #expect(pending.map { $0["counts_now"] as? Bool } == [true, false])
            #expect(try await exposure(ExposureTests.listed).map { $0["target_id"] as? String } == ["listed", "t-key"])
            #expect(try await exposure(ExposureTests.owned).isEmpty)

            let reject = "uscc=\(ExposureTests.listed)&measure_id=US-BIS-2024-28267&target_id=t-key&decision=rejected"
            #expect(try await decide(reject, viewer).0 == .forbidden)
            #expect(try await decide(reject + "&note=another+company", analyst).0 == .seeOther)
            let confirm =
                "uscc=\(ExposureTests.owned)&measure_id=US-BIS-2024-28267&target_id=t-fuzzy&decision=confirmed&score=0.8"
            #expect(try await decide(confirm, analyst).0 == .seeOther)

            let after = try await queue()
            #expect((after["pending"] as? [Any])?.isEmpty == true)
            let decided = after["decided"] as? [[String: Any]] ?? []
            #expect(Set(decided.compactMap { $0["decision"] as? String }) == ["rejected", "confirmed"])
            #expect(decided.first { $0["target_id"] as? String == "t-key" }?["note"] as? String == "another company")
            #expect(try await exposure(ExposureTests.listed).map { $0["target_id"] as? String } == ["listed"])
            let confirmed = try await exposure(ExposureTests.owned)
            #expect(confirmed.map { $0["matched_by"] as? String } == ["review"])

            // A change names the revision it was made from: a stale one is refused.
            let (status, page) = try await decide(
                reject.replacing("rejected", with: "confirmed") + "&revision=7", analyst)
            #expect(status == .conflict && page.contains("revision 7 is stale"))
            #expect(
                try await decide(reject.replacing("rejected", with: "confirmed") + "&revision=1", analyst).0
                    == .seeOther)
            #expect(try await exposure(ExposureTests.listed).count == 2)
            let html = try await client.execute(uri: "/shield/review", method: .get) { $0.text }
            #expect(html.contains("<h2>Decisions</h2>") && html.contains("t-key") == false)
        }
        let audited = try await store.auditEntries(AuditFilter(kind: .matchReviews))
        #expect(audited.count == 3 && audited.allSatisfy { $0.actor.contains("analyst") })
    }
}

/// The demo's real chain (DOMAIN.md, "The legal shield"): Nexperia B.V. is
/// no registry issuer, but a party of the holdings, so the register answers
/// for it by name. The Dutch order names it from 30 September 2025 for a
/// year; the Affiliates rule reaches it through Wingtech while in force.
@Suite struct PartyExposureTests {
    @Test func nexperiaAnswersDifferentlyOnEachDay() async throws {
        let app = try await ServerFixture.application()
        try await app.test(.router) { client in
            func routes(_ party: String, _ day: String) async throws -> [String] {
                try await client.execute(uri: "/api/v1/shield/exposure?party=\(party)&as_of=\(day)", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    let items = ($0.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                    return items.map { item in
                        (item["direct"] as? Bool == true ? "named " : "through ")
                            + (item["measure_id"] as? String ?? "")
                    }.sorted()
                }
            }
            let nexperia = "Nexperia%20B.V."
            #expect(try await routes(nexperia, "2024-11-01") == [])
            #expect(try await routes(nexperia, "2025-03-01") == [])
            #expect(
                try await routes(nexperia, "2025-10-15") == ["named NL-EZ-nexperia-2025", "through US-BIS-2024-28267"])
            #expect(try await routes(nexperia, "2025-12-01") == ["named NL-EZ-nexperia-2025"])
            #expect(try await routes(nexperia, "2026-11-10") == ["through US-BIS-2024-28267"])
            // Wingtech by its English name without a legal form, or its Chinese one.
            #expect(try await routes("Wingtech%20Technology", "2025-03-01") == ["named US-BIS-2024-28267"])
            #expect(try await routes("%E9%97%BB%E6%B3%B0%E7%A7%91%E6%8A%80", "2024-11-01") == [])
            try await client.execute(uri: "/api/v1/shield/exposure?party=Nobody%20Ltd", method: .get) {
                #expect($0.status == .notFound && $0.error?["field"] as? String == "party")
            }
            let page = try await client.execute(uri: "/shield?party=\(nexperia)&as_of=2025-10-15", method: .get) {
                $0.text
            }
            #expect(page.contains("Exposure of Nexperia B.V. on 2025-10-15"))
            #expect(page.contains("Wingtech Technology Co., Ltd. → Nexperia B.V. (100.0 %)"))
            // Wingtech's subsidiary on a list: the Dutch order names Nexperia for a year from 30 September 2025.
            let held = try await client.execute(
                uri: "/api/v1/shield/exposure?party=Wingtech%20Technology&as_of=2025-10-15", method: .get
            ) { (($0.json as? [String: Any])?["named_holdings"] as? [[String: Any]]) ?? [] }
            #expect(held.map { $0["names"] as? [String] } == [["Nexperia B.V."]])
            #expect(held.first?["held_percent"] as? Double == 100)
            #expect(
                (held.first?["items"] as? [[String: Any]])?.first?["measure_id"] as? String == "NL-EZ-nexperia-2025")
            let later = try await client.execute(
                uri: "/api/v1/shield/exposure?party=Wingtech%20Technology&as_of=2026-10-01", method: .get
            ) { (($0.json as? [String: Any])?["named_holdings"] as? [Any]) ?? [0] }
            #expect(later.isEmpty)
            let wingtech = try await client.execute(
                uri: "/shield?party=Wingtech%20Technology&as_of=2025-10-15", method: .get
            ) { $0.text }
            #expect(wingtech.contains("names Nexperia B.V., 100.0 % held"))
            let unknown = try await client.execute(uri: "/shield?party=Nobody", method: .get) { $0.text }
            #expect(unknown.contains("No issuer or party of the holdings is named “Nobody”"))
        }
    }
}

/// `POST /api/v1/import-csl` with the releases of Tests/Fixtures/shield/csl.
@Suite struct ScreeningListRouteTests {
    @Test func anAdminImportsAReleaseAndBadEntriesAreNamed() async throws {
        let store = try await ShieldRoutesTests.store()
        let admin = try await ReviewQueueTests.token(store, .admin)
        let analyst = try await ReviewQueueTests.token(store, .analyst)
        let app = try await ServerFixture.application(store: store)
        let release = ByteBuffer(string: try Fixtures.text("shield/csl/consolidated-2025-01.json"))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/import-csl?published=2025-01-15", method: .post, headers: .bearer(analyst), body: release
            ) { #expect($0.status == .forbidden) }
            let report = try await client.execute(
                uri: "/api/v1/import-csl?published=2025-01-15", method: .post,
                headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"], body: release
            ) {
                #expect($0.status == .ok, "\($0.text)")
                return $0.json as? [String: Any] ?? [:]
            }
            #expect(report["entries"] as? Int == 12 && report["lists"] as? Int == 8 && report["removed"] as? Int == 0)
            let found = try await client.execute(uri: "/api/v1/measures?q=Demo%20Xinda", method: .get) {
                ($0.json as? [String: Any])?["targets"] as? [[String: Any]] ?? []
            }
            #expect(found.map { $0["measure_id"] as? String } == ["US-CSL-EL"])
            try await client.execute(
                uri: "/api/v1/import-csl?format=csv", method: .post, headers: .bearer(admin),
                body: ByteBuffer(string: try Fixtures.text("shield/csl/bad.csv"))
            ) {
                #expect($0.status == .badRequest)
                let details = $0.error?["details"] as? [[String: Any]] ?? []
                #expect(details.map { $0["line"] as? Int } == [3, 5], "\(details)")
            }
        }
    }
}
