import Foundation
import InnobondTestSupport
import Testing

/// `innobond import-csl` on the releases of Tests/Fixtures/shield/csl (its
/// README gives the entries and what changes between them).
@Suite struct ImportCSLCommandTests {
    typealias Folder = RegistryCommandTests.Folder

    @Test func releasesImportAndBadEntriesWriteNothing() async throws {
        let folder = Folder()
        let database = folder.path("csl.sqlite")
        let january = try await CommandRunner.run([
            "import-csl", Fixtures.url("shield/csl/consolidated-2025-01.csv").path, "--published", "2025-01-15",
            "--database", database,
        ])
        #expect(january.status == 0, "\(january.standardError)")
        #expect(january.standardError.contains("12 entries of 8 lists read; 0 parties no longer listed"))
        let june = try await CommandRunner.run([
            "import-csl", Fixtures.url("shield/csl/consolidated-2025-06.json").path, "--published", "2025-06-15",
            "--database", database,
        ])
        #expect(june.standardError.contains("2 parties no longer listed, removed"), "\(june.standardError)")
        // Screened on days before and after the release, a vanished party answers as it did.
        let names = "Demo Xinda Optics Co., Ltd.\n"
        for (day, found) in [("2025-03-01", true), ("2025-07-01", false)] {
            let screened = try await CommandRunner.run(
                ["screen", "--as-of", day, "--database", database], standardInput: Data(names.utf8))
            #expect(screened.standardOutput.contains("US-CSL-EL") == found, "\(day): \(screened.standardOutput)")
        }
        let bad = try await CommandRunner.run([
            "import-csl", Fixtures.url("shield/csl/bad.csv").path, "--database", database,
        ])
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("line 3, column start_date: '2025-13-40' is not a date"))
        #expect(
            bad.standardError.contains("line 5, column name: is empty") && bad.standardError.contains("nothing written")
        )
        let json = try await CommandRunner.run([
            "import-csl", Fixtures.url("shield/csl/bad.json").path, "--database", database,
        ])
        #expect(json.status == 1 && json.standardError.contains("nothing written"))
    }
}

/// `innobond exposure` on the demo registry's real chain.
@Suite struct ExposureCommandTests {
    @Test func nexperiaThroughWingtechWhileTheRuleIsInForce() async throws {
        let folder = RegistryCommandTests.Folder()
        let database = folder.path("demo.sqlite")
        #expect(try await CommandRunner.run(["demo", "--database", database]).status == 0)
        let during = try await CommandRunner.run(
            ["exposure", "Nexperia B.V.", "--as-of", "2025-10-15", "--database", database])
        #expect(during.status == 0, "\(during.standardError)")
        let lines = during.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0].hasPrefix("party,as_of,measure_id,citation,direct,"))
        #expect(
            lines.contains { $0.contains("US-BIS-2024-28267") && $0.contains(",false,name,") && $0.contains(",100.0,") }
        )
        let suspended = try await CommandRunner.run(
            ["exposure", "Nexperia B.V.", "--as-of", "2025-12-01", "--format", "json", "--database", database])
        #expect(suspended.standardOutput.contains("\"measure_id\" : \"NL-EZ-nexperia-2025\""))
        #expect(!suspended.standardOutput.contains("US-BIS-2024-28267"))
        let unknown = try await CommandRunner.run(["exposure", "Nobody", "--database", database])
        #expect(unknown.status != 0 && unknown.standardError.contains("no issuer or party of the holdings is named"))
    }
}
