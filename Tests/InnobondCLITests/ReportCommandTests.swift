import Foundation
import InnobondTestSupport
import Testing

/// `innobond report` end to end over a demo registry in an SQLite file.
@Suite(.serialized) struct ReportCommandTests {
    static let database: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "innobond-report-\(UUID().uuidString).sqlite"
        ).path
        let result = try! CommandRunner.runBlocking(["demo", "--database", path])
        precondition(result.status == 0, result.standardError)
        return path
    }()

    @Test func theMarkdownBriefingHasTheFoundingBriefingsTables() async throws {
        let result = try await CommandRunner.run(["report", "--database", Self.database, "--to", "2024-03-31"])
        try #require(result.status == 0, "\(result.standardError)")
        let text = result.standardOutput
        for row in [
            "| Indicator | 2023 average | 2024 Q1 average | Trend | Implication |",
            "| M2–M1 gap (pp) | 4.8 | 4.6 | narrow and stable |",
            "| TSF growth (%) | 9.7 | 9.5 | stable |",
            "| Tech-sector loan growth (%) | 15.2 | 16.1 | accelerating |",
            "| AAA 5-year corporate yield (%) | 3.05 | 2.95 | gradual decline |",
            "| Semiconductor design & equipment | 12.4 | 18.7 | +51 % |",
            "| Industrial & AI software | 8.1 | 13.2 | +63 % |",
            "| Next-gen hardware | 5.6 | 9.3 | +66 % |",
            "| Biotech & health tech | 14.2 | 15.8 | +11 % |",
            "DEMO DATA",
        ] {
            #expect(text.contains(row), "\(row)")
        }
    }

    @Test func theHTMLBriefingIsSelfContained() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID()).html").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await CommandRunner.run([
            "report", "--database", Self.database, "--format", "html", "--output", output,
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 5)
        // Nothing to fetch: no external scripts, styles or images.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"))
        #expect(html.contains("Risks and open questions") && html.contains("DEMO DATA"))
    }

    @Test func jsonCarriesEveryFigureWithItsSource() async throws {
        let result = try await CommandRunner.run(["report", "--database", Self.database, "--format", "json"])
        try #require(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let headline = json["headline"] as! [[String: Any]]
        let figures = headline.flatMap { $0["figures"] as! [[String: Any]] }
        #expect(!figures.isEmpty)
        #expect(figures.allSatisfy { !($0["source"] as! String).isEmpty })
    }

    /// Tables line up in a terminal whatever the script of the names: a
    /// Chinese character takes two columns.
    @Test func theLeagueTableLinesUpWithChineseNames() async throws {
        let result = try await CommandRunner.run(["insights", "--database", Self.database])
        try #require(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("League table") })
        let rows = lines[(start + 1)...].prefix { !$0.isEmpty }
        func columns(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
        }
        #expect(rows.count >= 10 && rows.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 } })
        #expect(Set(rows.map(columns)).count == 1, "\(rows.map(columns))")
    }

    /// The commands' JSON names its members as the API does: snake_case.
    @Test func jsonMembersAreSnakeCaseAsInTheAPI() async throws {
        func camelCaseKeys(_ value: Any, _ path: String = "") -> [String] {
            if let object = value as? [String: Any] {
                return object.flatMap { key, member in
                    (key.contains(where: \.isUppercase) ? [path + "." + key] : [])
                        + camelCaseKeys(member, path + "." + key)
                }
            }
            if let array = value as? [Any] { return array.flatMap { camelCaseKeys($0, path + "[]") } }
            return []
        }
        for arguments in [["report", "--format", "json"], ["insights", "--json"], ["stats", "--json"]] {
            let result = try await CommandRunner.run(arguments + ["--database", Self.database])
            try #require(result.status == 0, "\(arguments): \(result.standardError)")
            let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
            #expect(camelCaseKeys(json).isEmpty, "\(arguments): \(camelCaseKeys(json).prefix(5))")
        }
        let report = try await CommandRunner.run([
            "report", "--format", "json", "--as-of", "2025-03-20", "--database", Self.database,
        ])
        let json = try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any]
        #expect(json?["as_of"] as? String == "2025-03-20")
    }

    /// Asked as known on a date, without a --to, a briefing and the insights
    /// end on that date: nothing issued after it counts.
    @Test func asOfWithoutToEndsOnThatDate() async throws {
        func issuance(_ arguments: [String]) async throws -> NSDictionary? {
            let result = try await CommandRunner.run(["insights", "--json", "--database", Self.database] + arguments)
            let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
            return json?["issuance"] as? NSDictionary
        }
        let asOf = try await issuance(["--as-of", "2025-03-20"])
        let to = try await issuance(["--to", "2025-03-20"])
        let all = try await issuance([])
        #expect(asOf != nil && asOf == to)
        #expect(asOf?["bonds"] as? Int != all?["bonds"] as? Int)
        let report = try await CommandRunner.run([
            "report", "--format", "json", "--as-of", "2025-03-20", "--database", Self.database,
        ])
        let json = try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any]
        #expect((json?["period"] as? [String: Any])?["to"] as? String == "2025-03-20")
    }

    /// A start after the registry's latest date, with the end left open.
    @Test func aStartAfterTheRegistryEndsIsAUsageError() async throws {
        for command in ["report", "insights"] {
            let result = try await CommandRunner.run([command, "--database", Self.database, "--from", "2030-01-01"])
            #expect(result.status == 2)
            #expect(result.standardError.contains("--from 2030-01-01 is after"), "\(result.standardError)")
        }
    }

    @Test(arguments: [
        (["report", "--to", "2024-02-30"], "--to is not a YYYY-MM-DD date"),
        (["report", "--from", "2025-01-01", "--to", "2024-01-01"], "is after --to"),
        (["report", "--format", "pdf"], "pdf"),
    ])
    func badArgumentsExitTwo(arguments: [String], message: String) async throws {
        let result = try await CommandRunner.run(arguments + ["--database", Self.database])
        #expect(result.status == 2)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func anEmptyRegistrySaysWhatIsMissing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("registry.sqlite").path
        let missing = try await CommandRunner.run(["report", "--database", path])
        #expect(missing.status == 2 && missing.standardError.contains("no registry at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
        // An empty registry: created by importing a file of no rows.
        let empty = folder.appendingPathComponent("issuers.csv").path
        try "uscc,name,sector,province,ownership\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let created = try await CommandRunner.run(["import", "issuers", empty, "--database", path])
        try #require(created.status == 0, "\(created.standardError)")
        let result = try await CommandRunner.run(["report", "--database", path])
        try #require(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("What the data lacks"))
        #expect(result.standardOutput.contains("No money and credit series"))
    }
}
