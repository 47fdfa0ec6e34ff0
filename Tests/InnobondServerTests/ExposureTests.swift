import Foundation
import HummingbirdTesting
import InnobondModel
import InnobondSQLite
import InnobondStore
import InnobondTestSupport
import Testing

@testable import InnobondServer

/// `GET /api/v1/issuers/:uscc/exposure` on the store contract's registry,
/// with the Wingtech rules' dates laid on its two issuers: the first named by
/// the Entity List rule (by its code), the second 60 % owned by the first.
@Suite struct ExposureTests {
    static let listed = "91350100M000100Y43"
    static let owned = "91440300708461136T"

    static func store() async throws -> any RegistryStore {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("innobond-exposure-\(UUID().uuidString).sqlite").path
        let store = try SQLiteRegistryStore(path: path)
        try await StoreContract.importAll(store)
        for (kind, text) in [
            (RecordKind.measures, StoreContract.measuresFile),
            (
                .measureTargets,
                StoreContract.targetsHeader + "US-BIS-2024-28267,listed,Listed Party,,CN,,\(listed),,,\n"
            ),
            (.ownership, StoreContract.ownershipHeader + "\(listed),,\(owned),,60,2020-01-01,,test value\n"),
        ] {
            let report = try await StoreContract.importText(store, kind, text)
            precondition(report.committed, "\(report.issues)")
        }
        return store
    }

    @Test func directlyAndThroughItsOwnerOnEachDay() async throws {
        let app = try await ServerFixture.application(store: try await Self.store())
        try await app.test(.router) { client in
            func items(_ uscc: String, _ day: String) async throws -> [[String: Any]] {
                try await client.execute(uri: "/api/v1/issuers/\(uscc)/exposure?as_of=\(day)", method: .get) {
                    #expect($0.status == .ok, "\($0.text)")
                    return ($0.json as? [String: Any])?["items"] as? [[String: Any]] ?? []
                }
            }
            #expect(try await items(Self.listed, "2024-11-01").isEmpty)
            let direct = try await items(Self.listed, "2025-03-01")
            #expect(direct.count == 1 && direct.first?["direct"] as? Bool == true)
            #expect(
                direct.first?["matched_by"] as? String == "uscc" && direct.first?["standing"] as? String == "in_force")
            #expect(try await items(Self.owned, "2025-03-01").isEmpty)
            let through = try #require(try await items(Self.owned, "2025-10-15").first)
            #expect(through["direct"] as? Bool == false && through["owner"] as? String == Self.listed)
            #expect(
                through["owned_percent"] as? Double == 60 && through["rule_id"] as? String == "US-BIS-affiliates-2025")
            let chains = through["chains"] as? [[String: Any]]
            #expect(chains?.first?["parties"] as? [String] == [Self.listed, Self.owned])
            #expect(try await items(Self.owned, "2025-12-01").isEmpty)
            // The issuer pages say it for today, when the rule's suspension has ended (10 November 2026).
            let listedPage = try await client.execute(uri: "/issuers/\(Self.listed)", method: .get) { $0.text }
            #expect(listedPage.contains("<h2>Legal shield</h2>") && listedPage.contains("(by its code)"))
            let ownedPage = try await client.execute(uri: "/issuers/\(Self.owned)", method: .get) { $0.text }
            #expect(ownedPage.contains("through 示例芯片股份有限公司, 60.0 % owned, under"))
            try await client.execute(uri: "/api/v1/issuers/\(Self.owned)/exposure?as_of=soon", method: .get) {
                #expect($0.status == .badRequest && $0.error?["field"] as? String == "as_of")
            }
        }
    }
}
