import Foundation
import InnobondTestSupport
import Testing

/// `innobond integrity` on the hand-worked fixture of Tests/Fixtures/integrity.
@Suite struct IntegrityCommandTests {
    typealias Folder = RegistryCommandTests.Folder

    static func registry() async throws -> (Folder, String) {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        for name in [
            "issuers", "issuer_financials", "bonds", "use_of_proceeds", "allocations", "unallocated_balances",
            "allocations-late", "use_changes", "eligibility_evidence",
        ] {
            let kind = name == "allocations-late" ? "allocations" : name
            let result = try await CommandRunner.run([
                "import", kind, Fixtures.url("integrity/\(name).csv").path, "--database", database,
            ])
            #expect(result.status == 0, "\(name): \(result.standardError)")
        }
        return (folder, database)
    }

    @Test func theRankingAndOneBondsExplanation() async throws {
        let (folder, database) = try await Self.registry()
        defer { withExtendedLifetime(folder) {} }
        let json = try await CommandRunner.run([
            "integrity", "--as-of", "2026-09-30", "--known-now", "--json", "--database", database,
        ])
        #expect(json.status == 0, "\(json.standardError)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let bonds = try #require(report["bonds"] as? [[String: Any]])
        let expected = try Fixtures.text("integrity/expected-scores.csv").split(separator: "\n").dropFirst()
        #expect(bonds.map { "\($0["code"]!),\($0["score"]!)" } == expected.map(String.init))

        let explained = try await CommandRunner.run([
            "integrity", "--as-of", "2026-09-30", "--known-now", "--bond", "250012.SH", "--database", database,
        ])
        #expect(explained.standardOutput.contains("score 21 of 100 as of 2026-09-30"))
        #expect(
            explained.standardOutput.contains(
                "+5  Balances the entries do not explain (balance_unexplained), since 2025-06-30"))
        #expect(explained.standardOutput.contains("rows: unallocated_balances 250012.SH, 2025-06-30"))
    }

    @Test func asOfADayReadsTheRowsRecordedByThen() async throws {
        let (folder, database) = try await Self.registry()
        defer { withExtendedLifetime(folder) {} }
        // Every ledger row was recorded today: on 2026-09-30 none was known,
        // so no bond had reported anything.
        let then = try await CommandRunner.run(["integrity", "--as-of", "2026-09-30", "--json", "--database", database])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(then.standardOutput.utf8)) as? [String: Any])
        let checks = (report["bonds"] as? [[String: Any]] ?? []).flatMap {
            ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["check"] as? String }
        }
        #expect(!checks.contains("allocated_below_floor") && checks.contains("report_overdue"))
    }

    @Test func badArgumentsAreNamed() async throws {
        let (folder, database) = try await Self.registry()
        defer { withExtendedLifetime(folder) {} }
        for (arguments, message) in [
            (["--bond", "nope"], "--bond is not a bond code"),
            (["--as-of", "2026-02-30"], "--as-of is not a YYYY-MM-DD date"),
            (["--bond", "250014.SH"], "250014.SH is no sci-tech bond the filter passes"),
            (["--sector", "steel"], "--sector: unknown value 'steel'"),
        ] {
            let result = try await CommandRunner.run(["integrity"] + arguments + ["--database", database])
            #expect(
                result.status != 0 && result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
    }
}
