import Foundation
import InnobondTestSupport
import Testing

/// `innobond curve fit` and `innobond analytics --curve` end to end, against
/// the QuantLib-Python values of `Tests/Fixtures/curves` (see its README).
@Suite struct CurveCommandTests {
    static let parYields = Fixtures.url("curves/cgb-par-yields.csv").path

    /// Fixture rows by their first column.
    func fixture(_ name: String) throws -> [String: [String: String]] {
        let rows = SimpleCSV.parse(try Fixtures.text("curves/" + name))
        let header = rows[0]
        var result: [String: [String: String]] = [:]
        for row in rows.dropFirst() {
            result[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row))
        }
        return result
    }

    @Test func theBootstrappedCurveHasQuantLibsDiscountFactors() async throws {
        let result = try await CommandRunner.run([
            "curve", "fit", Self.parYields, "--method", "bootstrap", "--tenors", "3M,1Y,10Y,50Y",
        ])
        try #require(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
        let rows = SimpleCSV.parse(result.standardOutput)
        #expect(
            rows[0] == [
                "curve", "date", "method", "tenor", "maturity", "zero_rate", "discount_factor", "forward_rate",
                "par_rate",
            ])
        #expect(rows.dropFirst().map { $0[4] } == ["2025-09-03", "2026-06-03", "2035-06-03", "2075-06-03"])
        let expected = try fixture("bootstrap.csv")
        for row in rows.dropFirst() {
            let reference = try #require(expected[row[4]])
            #expect(abs(Double(row[6])! - Double(reference["discount_factor"]!)!) < 1e-12, "\(row)")
            #expect(abs(Double(row[5])! / 100 - Double(reference["zero_rate_continuous"]!)!) < 1e-11, "\(row)")
        }
        // Par rates at the input tenors are the inputs (percent).
        let inputs = Dictionary(
            uniqueKeysWithValues: SimpleCSV.parse(try Fixtures.text("curves/cgb-par-yields.csv")).dropFirst().map {
                ($0[2], Double($0[3])!)
            })
        for row in rows.dropFirst() {
            #expect(abs(Double(row[8])! - inputs[row[3]]!) < 1e-10, "\(row)")
        }
    }

    /// Tenors in any order, or repeated (12M is 1Y), print by maturity,
    /// each once, with each forward rate from the row before.
    @Test func tenorsPrintByMaturityEachOnce() async throws {
        let sorted = try await CommandRunner.run(["curve", "fit", Self.parYields, "--tenors", "3M,1Y,10Y"])
        let shuffled = try await CommandRunner.run(["curve", "fit", Self.parYields, "--tenors", "10Y,12M,3M,1Y,10Y"])
        try #require(sorted.status == 0 && shuffled.status == 0, "\(shuffled.standardError)")
        let a = SimpleCSV.parse(sorted.standardOutput).map { $0.enumerated().filter { $0.offset != 3 }.map(\.element) }
        let b = SimpleCSV.parse(shuffled.standardOutput).map {
            $0.enumerated().filter { $0.offset != 3 }.map(\.element)
        }
        #expect(a == b)
        #expect(SimpleCSV.parse(shuffled.standardOutput).dropFirst().map { $0[3] } == ["3M", "12M", "10Y"])
    }

    @Test func theNelsonSiegelSvenssonFitIsWithinATenthOfABasisPointOfQuantLibs() async throws {
        let result = try await CommandRunner.run([
            "curve", "fit", Self.parYields, "--method", "nss", "--tenors", "1Y,5Y,10Y,30Y",
        ])
        try #require(result.status == 0, "\(result.standardError)")
        let expected = try fixture("nss.csv")
        let rows = SimpleCSV.parse(result.standardOutput).dropFirst()
        #expect(rows.count == 4)
        for row in rows {
            let reference = try #require(expected[row[4]])
            // 0.1 bp = 0.001 percent.
            #expect(abs(Double(row[8])! - Double(reference["par_yield"]!)! * 100) < 0.001, "\(row)")
        }
    }

    @Test func analyticsWithACurveGivesQuantLibsZSpreads() async throws {
        let references = SimpleCSV.parse(try Fixtures.text("curves/zspreads.csv"))
        var lines = ["id,issue_date,maturity_date,settlement_date,coupon_rate,frequency,day_count,clean_price,yield"]
        for (index, row) in references.dropFirst().enumerated() {
            lines.append("b\(index),\(row[0]),\(row[1]),2025-06-03,\(row[2]),\(row[3]),\(row[4]),\(row[5]),")
        }
        let result = try await CommandRunner.run(
            ["analytics", "--curve", Self.parYields, "--curve-method", "bootstrap"],
            standardInput: Data(lines.joined(separator: "\n").utf8))
        try #require(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
        let rows = SimpleCSV.parse(result.standardOutput)
        let column = try #require(rows[0].firstIndex(of: "z_spread_bp"))
        #expect(rows.count == references.count)
        for (row, reference) in zip(rows.dropFirst(), references.dropFirst()) {
            // Basis points against QuantLib's decimal spread: 1e-10 in the spread.
            #expect(abs(Double(row[column])! - Double(reference[6])! * 10_000) < 1e-6, "\(row)")
        }
    }

    @Test(arguments: [
        (["curve", "fit", "/nonexistent/curves.csv"], "cannot open /nonexistent/curves.csv"),
        (["curve", "fit", parYields, "--method", "cubic"], "cubic"),
        (["curve", "fit", parYields, "--tenors", "3M,soon"], "not a tenor: 'soon'"),
        (["curve", "fit", parYields, "--date", "2025-06-04"], "curve CGB has no points on 2025-06-04"),
        (["curve", "fit", parYields, "--curve-name", "AAA"], "AAA"),
        (["analytics", "--curve", "/nonexistent/curves.csv"], "cannot open /nonexistent/curves.csv"),
        // An analytics input given as the curve file: the curve file's header is named.
        (
            ["curve", "fit", Fixtures.url("bond-analytics-oracle/sample-input.csv").path],
            "curve file: line 1: missing columns curve, date, tenor (a curve file's header names"
        ),
        (["curve", "fit", parYields, "--tenors", " "], "--tenors names no tenor"),
    ])
    func unusableCurveArgumentsExitTwo(arguments: [String], message: String) async throws {
        let result = try await CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test func aCurveFileWithoutPointsOrWithARepeatedPointSaysSo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curves-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("curves.csv").path
        for (text, message) in [
            ("curve,date,tenor,yield\n", "the curve file has a header but no points"),
            (
                "curve,date,tenor,yield\nCGB,2025-06-03,1Y,3\nCGB,2025-06-03,12M,3.5\n",
                "line 3, column tenor: repeats the point (curve, date, tenor) of line 2"
            ),
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            for command in [["curve", "fit", path], ["analytics", "--curve", path]] {
                let result = try await CommandRunner.run(command, standardInput: Data())
                #expect(result.status == 2)
                #expect(result.standardError.contains(message), "\(result.standardError)")
            }
        }
    }
}
