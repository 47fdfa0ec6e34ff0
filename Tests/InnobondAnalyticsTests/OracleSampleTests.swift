import InnobondAnalytics
import InnobondIO
import InnobondTestSupport
import Testing

/// Runs a batch in memory and returns its output, diagnostics and summary.
func runBatch(_ input: [UInt8], threads: Int = 1, chunkSize: Int = 256 * 1024, readLimit: Int = .max) throws
    -> (output: String, diagnostics: [String], summary: BatchAnalytics.Summary)
{
    let output = MemoryOutput()
    var diagnostics: [String] = []
    let summary = try BatchAnalytics.run(
        input: MemoryInput(input, readLimit: readLimit), output: output, threads: threads,
        diagnostics: { diagnostics.append($0) }, chunkSize: chunkSize)
    return (output.text, diagnostics, summary)
}

func runBatch(_ text: String, threads: Int = 1) throws -> (
    output: String, diagnostics: [String], summary: BatchAnalytics.Summary
) {
    try runBatch(Array(text.utf8), threads: threads)
}

/// The sample of spec/oracle (2,040 rows, 40 malformed; expected values from
/// QuantLib 1.44), copied into Tests/Fixtures/bond-analytics-oracle.
@Suite struct OracleSampleTests {
    @Test(arguments: [(1, 256 * 1024), (2, 4096), (4, 700)])
    func reproducesTheIndependentEngine(threads: Int, chunkSize: Int) throws {
        let input = try Fixtures.bytes(Fixtures.AnalyticsOracle.input)
        let result = try runBatch(input, threads: threads, chunkSize: chunkSize, readLimit: 1000)
        let report = AnalyticsComparison.compare(
            expected: try Fixtures.text(Fixtures.AnalyticsOracle.expected), actual: result.output)
        #expect(report.rows == 2040)
        #expect(report.mismatches.isEmpty, "\(report)")
        #expect(result.summary == BatchAnalytics.Summary(rows: 2040, rejected: 40))
    }

    @Test func rejectsExactlyTheExpectedLines() throws {
        let result = try runBatch(try Fixtures.bytes(Fixtures.AnalyticsOracle.input), threads: 2, chunkSize: 8192)
        let expected = AnalyticsComparison.errorLines(try Fixtures.text(Fixtures.AnalyticsOracle.expectedErrors))
        let actual = AnalyticsComparison.errorLines(result.diagnostics.joined(separator: "\n"))
        #expect(expected.count == 40)
        #expect(actual == expected)
        // Messages come in input order.
        let lines = result.diagnostics.compactMap { AnalyticsComparison.errorLines($0).first }
        #expect(lines == lines.sorted())
    }

    /// The same bonds with CRLF line ends, a byte-order mark, every field
    /// quoted and the columns in another order give the same output.
    @Test func formattingOfTheInputDoesNotMatter() throws {
        let text = try Fixtures.text(Fixtures.AnalyticsOracle.input)
        let baseline = try runBatch(text).output
        let rows = SimpleCSV.parse(text)
        let order = Array((0..<rows[0].count).reversed())
        let rewritten = rows.map { row in
            order.map { "\"" + row[$0].replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }.joined(separator: "\r\n")
        let result = try runBatch(Array("\u{FEFF}".utf8) + Array(rewritten.utf8), threads: 2)
        #expect(result.output == baseline)
        #expect(result.summary.rejected == 40)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
