import FixedIncome
import Foundation
import Hummingbird
import HummingbirdTesting
import InnobondModel
import InnobondTestSupport
import Logging
import Testing

@testable import InnobondServer

/// A server that reloads only the kinds written since its version answers
/// exactly as a server that loads the whole registry: after a write of
/// quotes, of curves, of a measure's targets and of issuers, a sample of
/// the kept answers' URIs (lists over every sort, bond pages, the overview,
/// the shield, integrity) gives the same bytes from both.
@Suite struct IncrementalReloadTests {
    static func application(_ state: RegistryState) async throws -> some ApplicationProtocol {
        Application(
            router: try await ServerApplication.buildRouter(
                state: state, settings: ServerSettings(port: 0, today: AnswerStabilityTests.day)))
    }

    static func bodies(_ state: RegistryState, _ uris: [String]) async throws -> [String] {
        try await application(state).test(.router) { client in
            var bodies: [String] = []
            for uri in uris {
                bodies.append(try await client.execute(uri: uri, method: .get) { "\($0.status.code) \($0.text)" })
            }
            return bodies
        }
    }

    @Test func aReloadOfWhatChangedAnswersAsAFullOne() async throws {
        let registry = try await ServerFixture.make()
        let store = registry.store
        var logger = Logger(label: "innobond-test")
        logger.logLevel = .warning
        let day = AnswerStabilityTests.day
        let kept = try await RegistryState(store: store, today: day, logger: logger)
        let uris =
            try await Self.application(kept).test(.router) { client in
                try await AnswerStabilityTests.uris(client)
            }.enumerated().filter { $0.offset % 9 == 0 }.map(\.element) + [
                "/bonds/\(ServerFixture.flagshipBond)", "/api/v1/bonds?sort=quote_date&limit=5", "/curves",
                "/api/v1/shield",
            ]
        let issuer = USCC.completing("91310000MA1REL0AD")!.value
        // Each write, and an answer it must change.
        let writes: [(RecordKind, String, String)] = [
            (
                .quotes, "/api/v1/bonds/\(ServerFixture.flagshipBond)",
                "bond_code,date,clean_price,yield,source\n\(ServerFixture.flagshipBond),2026-11-30,101.25,,test\n"
            ),
            (.curves, "/api/v1/curves/CGB?date=2026-11-30", "curve,date,tenor,yield\nCGB,2026-11-30,5Y,1.65\n"),
            (
                .measureTargets, "/api/v1/measures?q=reload",
                StoreContract.targetsHeader
                    + "US-BIS-2024-28267,reload,Reload Test Co,,CN,,\(ServerFixture.flagship),,,\n"
            ),
            (
                .issuers, "/api/v1/issuers?q=reload",
                "uscc,name,name_en,sector,province,ownership,listed_code\n"
                    + "\(issuer),重载测试有限公司,Reload Test Co,semiconductors,Jiangsu,private,\n"
            ),
        ]
        for (kind, changed, text) in writes {
            let uris = uris + [changed]
            let before = try await Self.bodies(kept, [changed])
            try await ServerFixture.importText(store, kind, text)
            try await kept.refresh()
            #expect(kept.lastReload == [kind], "\(kind)")
            let fresh = try await RegistryState(store: store, today: day, logger: logger)
            #expect(fresh.now.version == kept.now.version)
            let (expected, found) = (try await Self.bodies(fresh, uris), try await Self.bodies(kept, uris))
            let differing = zip(uris, zip(expected, found)).filter { $1.0 != $1.1 }.map(\.0)
            #expect(differing.isEmpty, "after \(kind): \(differing.prefix(10))")
            // The write shows: the comparison is not of answers nothing changed.
            #expect(found.last != before.last, "after \(kind), \(changed) is as before")
        }
        // Nothing written: a forced reload reads everything.
        try await kept.refresh(force: true)
        #expect(kept.lastReload == nil)
    }
}
