import FixedIncome
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InnobondDemo
import InnobondIO
import InnobondModel
import InnobondSQLite
import InnobondServer
import InnobondStore
import Logging
import NIOCore

/// A real SQLite registry holding the demo data set and a hostile issuer,
/// served by the real application in process.
enum ServerFixture {
    /// The hostile issuer's name: it must come out escaped on every page.
    static let hostileName = "<script>alert(1)</script>"
    static let hostileUSCC = USCC.completing("91310000MA1HACKER")!.value
    static let hostileBond = "102599999.IB"
    /// The demo's first sci-tech bond and its issuer, which has filed no ledger.
    static let flagshipBond = "102500166.IB"
    static let flagship = "91330400MA2DEM0011"

    struct Registry: Sendable {
        let path: String
        let store: SQLiteRegistryStore
        let admin: String
        let analyst: String
        let viewer: String
    }

    /// Made once for the test run.
    static let shared = Task { try await make() }

    /// - Parameter kinds: the kinds of record it holds (all when `nil`),
    ///   with the kinds they refer to.
    static func make(kinds: Set<RecordKind>? = nil) async throws -> Registry {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("innobond-server-\(UUID().uuidString).sqlite").path
        let store = try SQLiteRegistryStore(path: path)
        let held = kinds.map(referenced)
        let holds = { (kind: RecordKind) in held?.contains(kind) ?? true }
        let data = DemoDataSet.build()
        let reports = try await store.importRows(
            from: data.recordsByKind.filter { holds($0.0) }.map { ImportSource(kind: $0.0, records: $0.1) },
            options: ImportOptions(), markDemo: true, progress: nil)
        precondition(reports.allSatisfy(\.committed), "\(reports.flatMap(\.issues).prefix(3))")
        // The largest sci-tech issuer of 2026, so that it shows on the overview and in briefings too.
        if holds(.issuers) {
            try await importText(
                store, .issuers,
                "uscc,name,name_en,sector,province,ownership,listed_code\n"
                    + "\(hostileUSCC),\(hostileName),\"<b>bold</b> & co\",semiconductors,Shanghai,private,\n")
        }
        if holds(.bonds) {
            try await importText(
                store, .bonds,
                "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,"
                    + "day_count,rating,put_date,coupon_reset_date,approval_days\n"
                    + "\(hostileBond),\(hostileUSCC),\"<img src=x onerror=alert(2)>\",mtn,true,tech_board_2025,"
                    + "2026-01-05,2029-01-05,900000000000,2.1,1,ACT/ACT-ICMA,AAA,,,5\n")
        }
        func token(_ role: APIRole) async throws -> String {
            let (secret, hash) = TokenSecret.generate()
            _ = try await store.createToken(name: role.rawValue, role: role, secretHash: hash, actor: .system)
            return secret
        }
        return Registry(
            path: path, store: store, admin: try await token(.admin), analyst: try await token(.analyst),
            viewer: try await token(.viewer))
    }

    /// `kinds` and the kinds their rows refer to, and those they refer to.
    static func referenced(_ kinds: Set<RecordKind>) -> Set<RecordKind> {
        var held = kinds
        var next = Array(kinds)
        while let kind = next.popLast() {
            let declaration = kind.declaration
            for target in declaration.references.map(\.kind) + declaration.checks.map(\.reference)
            where held.insert(target).inserted {
                next.append(target)
            }
        }
        return held
    }

    static func importText(_ store: any RegistryStore, _ kind: RecordKind, _ text: String) async throws {
        let report = try await store.importRows(
            from: ImportSource(kind: kind, format: .csv, input: MemoryInput(Array(text.utf8))))
        precondition(report.committed, "\(report.issues)")
    }

    /// The application over the shared registry (or another store).
    static func application(
        store: (any RegistryStore)? = nil, isPrivate: Bool = false, today: CivilDate? = nil
    ) async throws -> some ApplicationProtocol {
        let registry = try await shared.value
        var logger = Logger(label: "innobond-test")
        logger.logLevel = .warning
        return try await ServerApplication.build(
            store: store ?? registry.store, settings: ServerSettings(port: 0, isPrivate: isPrivate, today: today),
            logger: logger)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The `error` object of a JSON error body.
    var error: [String: Any]? { (json as? [String: Any])?["error"] as? [String: Any] }
}

extension HTTPFields {
    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }
}
