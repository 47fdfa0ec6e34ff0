import Foundation
import InnobondTestSupport
import Testing

/// `innobond analytics` end to end: the built executable, real files and pipes.
@Suite struct AnalyticsCommandTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("innobond-\(UUID().uuidString)-\(name)").path
    }

    @Test func pricesTheOracleSample() async throws {
        let output = temporaryPath("out.csv")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await CommandRunner.run([
            "analytics", "--input", Fixtures.url(Fixtures.AnalyticsOracle.input).path, "--output", output,
        ])
        #expect(result.status == 1)  // the sample has 40 malformed rows
        #expect(result.standardOutput.isEmpty)
        let report = AnalyticsComparison.compare(
            expected: try Fixtures.text(Fixtures.AnalyticsOracle.expected),
            actual: try String(contentsOfFile: output, encoding: .utf8))
        #expect(report.rows == 2040 && report.mismatches.isEmpty, "\(report)")
        let expectedErrors = AnalyticsComparison.errorLines(try Fixtures.text(Fixtures.AnalyticsOracle.expectedErrors))
        #expect(AnalyticsComparison.errorLines(result.standardError) == expectedErrors)
        #expect(result.standardError.split(separator: "\n").count == 40)
        // The output was written under a temporary name and renamed: none is left.
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasPrefix(URL(fileURLWithPath: output).lastPathComponent + ".partial-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func readsStandardInputAndWritesStandardOutput() async throws {
        let input = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("examples/bonds.csv"))
        let result = try await CommandRunner.run(["analytics", "--threads", "3"], standardInput: input)
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let rows = SimpleCSV.parse(result.standardOutput)
        #expect(rows.first == AnalyticsComparison.header)
        #expect(rows.count == SimpleCSV.parse(String(decoding: input, as: UTF8.self)).count)
        #expect(rows.dropFirst().allSatisfy { row in row.dropFirst().allSatisfy { Double($0) != nil } })
    }

    @Test(arguments: [
        (["analytics", "--input", "/nonexistent/bonds.csv"], "cannot open /nonexistent/bonds.csv"),
        (["analytics", "--frobnicate"], "Unknown option '--frobnicate'"),
        (["analytics", "--threads", "0"], "--threads must be at least 1"),
        (["analytics", "--threads", "many"], "many"),
        (["analytics", "--input", "/"], "it is a directory"),
    ])
    func unusableArgumentsExitTwoWithOneLine(arguments: [String], message: String) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func anInputWithoutTheColumnsIsUnusable() async throws {
        let result = try await CommandRunner.run(["analytics"], standardInput: Data("id,price\nA,100\n".utf8))
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("innobond: line 1: missing columns issue_date"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }

    @Test func aFailedRunLeavesAnExistingOutputFileAlone() async throws {
        let output = temporaryPath("kept.csv")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: output))
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try await CommandRunner.run(["analytics", "--output", output])
        #expect(result.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "precious\n")
    }
}
