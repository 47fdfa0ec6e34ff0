import Foundation
import InnobondTestSupport
import Testing

/// `innobond screen` on the Wingtech / Nexperia fixtures of the store
/// contract: names one a line or as CSV, the day, the threshold, both formats.
@Suite struct ScreenCommandTests {
    typealias Folder = RegistryCommandTests.Folder

    static func registry(_ folder: Folder) async throws -> String {
        let database = folder.path("shield.sqlite")
        for (kind, text) in [("measures", StoreContract.measuresFile), ("measure_targets", StoreContract.targetsFile)] {
            let file = try folder.write("\(kind).csv", text)
            let result = try await CommandRunner.run(["import", kind, file, "--database", database])
            #expect(result.status == 0, "\(result.standardError)")
        }
        return database
    }

    @Test func namesOneALineFindTheirTargetsOnTheDay() async throws {
        let folder = Folder()
        let database = try await Self.registry(folder)
        let names = "聞泰科技股份有限公司\nWINGTECH TECHNOLOGY CO LTD\n\n华为技术有限公司\n"
        let after = try await CommandRunner.run(
            ["screen", "--database", database, "--as-of", "2025-03-01"], standardInput: Data(names.utf8))
        #expect(after.status == 0, "\(after.standardError)")
        let lines = after.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 && lines[0].hasPrefix("name,uscc,score,matched_name,"))
        #expect(lines[1].hasPrefix("聞泰科技股份有限公司,,1.000,闻泰科技,name,US-BIS-2024-28267,"))
        #expect(lines[2].contains(",1.000,\"Wingtech Technology Co., Ltd.\",name,US-BIS-2024-28267,"))
        #expect(lines[3] == "华为技术有限公司" + String(repeating: ",", count: 13))
        // Before the listing took effect, nobody.
        let before = try await CommandRunner.run(
            ["screen", "--database", database, "--as-of", "2024-12-01"], standardInput: Data(names.utf8))
        #expect(before.standardOutput.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",,,,,,,,,,,,") })
    }

    @Test func aCSVWithCodesAndJSONOut() async throws {
        let folder = Folder()
        let database = try await Self.registry(folder)
        let file = try folder.write("names.csv", "uscc,name\n,Wingtech Tech\n")
        let loose = try await CommandRunner.run(
            ["screen", file, "--database", database, "--as-of", "2025-03-01", "--threshold", "0.5", "--format", "json"])
        #expect(loose.status == 0, "\(loose.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(loose.standardOutput.utf8)) as? [[String: Any]])
        let candidates = try #require(json.first?["candidates"] as? [[String: Any]])
        #expect(json.first?["name"] as? String == "Wingtech Tech" && candidates.count == 1)
        #expect((candidates.first?["score"] as? Double).map { $0 >= 0.5 && $0 < 1 } == true)
        #expect(candidates.first?["measure_id"] as? String == "US-BIS-2024-28267")
        let bad = try folder.write("bad.csv", "name,uscc\nWingtech,123\n")
        let refused = try await CommandRunner.run(["screen", bad, "--database", database])
        #expect(refused.status == 2 && refused.standardError.contains("line 2, column uscc"))
        let threshold = try await CommandRunner.run(["screen", file, "--database", database, "--threshold", "2"])
        #expect(threshold.status == 2 && threshold.standardError.contains("--threshold"))
    }
}
