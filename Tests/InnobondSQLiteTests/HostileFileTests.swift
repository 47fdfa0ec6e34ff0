import Foundation
import InnobondIO
import InnobondModel
import InnobondSQLite
import InnobondStore
import InnobondTestSupport
import Testing

/// Files built to make an import costly or its report huge cost a little
/// memory and a short report, and write nothing.
@Suite struct HostileFileTests {
    static func importBytes(_ bytes: [UInt8], _ kind: RecordKind = .bonds, format: ImportSource.Format = .csv)
        async throws -> Result<ImportReport, StoreError>
    {
        var outcome: Result<ImportReport, StoreError>!
        try await withSQLiteStore { store, _ in
            do {
                let source = try ImportSource(kind: kind, format: format, input: MemoryInput(bytes, name: "body"))
                outcome = .success(try await store.importRows(from: source))
            } catch let error as StoreError {
                outcome = .failure(error)
            }
            #expect(try await store.loadSnapshot().bonds.isEmpty)
        }
        return outcome
    }

    static func unusable(_ outcome: Result<ImportReport, StoreError>) -> [LineIssue] {
        if case .failure(.unusableFile(let issues)) = outcome { return issues }
        Issue.record("expected an unusable file, got \(outcome)")
        return []
    }

    /// A header of 1,000,000 unknown columns (7 MB) is one issue of a few
    /// hundred bytes, not a million that each list the kind's columns.
    @Test func aMillionColumnHeaderIsOneShortIssue() async throws {
        let header = (0..<1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n"
        let issues = Self.unusable(try await Self.importBytes(Array(header.utf8)))
        #expect(issues.count == 1)
        #expect(issues.first?.reason.contains("the header names 1000000 columns") == true)
        #expect(issues.map(\.description).joined().utf8.count < 1000)
    }

    /// Of 200 unknown columns, 19 are named, the kind's columns once, and
    /// the rest counted.
    @Test func unknownColumnsAreListedUpToALimit() async throws {
        let header = (0..<200).map { "c\($0)" }.joined(separator: ",") + "\n"
        let issues = Self.unusable(try await Self.importBytes(Array(header.utf8)))
        #expect(issues.count == ImportLimits.issuesPerRow)
        #expect(issues.filter { $0.reason.contains("the columns are") }.count == 1)
        #expect(issues.last?.reason.contains("more problems with the header") == true)
    }

    /// A 10 MB bond name is a bad row, not a bond.
    @Test func aTenMegabyteNameIsRefused() async throws {
        let name = String(repeating: "债", count: 3_500_000)
        let file =
            "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count\n"
            + "240001.SH,91440300708461136T,\(name),corporate_bond,false,,2024-03-15,2027-03-15,3000000000,2.45,1,"
            + "ACT/365F\n"
        guard case .success(let report) = try await Self.importBytes(Array(file.utf8)) else {
            Issue.record("the file was refused whole")
            return
        }
        #expect(!report.committed)
        #expect(report.issues.contains { $0.column == "name" && $0.reason.contains("longer than 2000 characters") })
        #expect(report.issues.map(\.description).joined().utf8.count < 1000)
    }

    /// A record longer than 16 MB stops the reading with a short message.
    @Test func aSeventeenMegabyteRecordStopsTheReading() async throws {
        let file =
            "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count\n"
            + "240001.SH,91440300708461136T,\"" + String(repeating: "x", count: 17 * 1024 * 1024) + "\"\n"
        let outcome = try await Self.importBytes(Array(file.utf8))
        guard case .failure(.io(let error)) = outcome else {
            Issue.record("expected a reading error, got \(outcome)")
            return
        }
        #expect(error.description.contains("a record longer than 16 MB"))
    }

    /// UTF-16 files, with or without a byte-order mark, and UTF-32, are not
    /// read as garbage: the file is refused, saying so. A UTF-8 mark is UTF-8.
    @Test(
        arguments: [
            ([0xFF, 0xFE] + Array("code".utf16).flatMap { [UInt8($0), 0] }, "UTF-16 (little-endian)"),
            ([0xFE, 0xFF] + Array("code".utf16).flatMap { [0, UInt8($0)] }, "UTF-16 (big-endian)"),
            (Array("code".utf16).flatMap { [UInt8($0), 0] }, "UTF-16"),
            ([0xFF, 0xFE, 0, 0, UInt8(ascii: "c"), 0, 0, 0], "UTF-32"),
        ] as [([UInt8], String)])
    func otherEncodingsAreRefused(_ bytes: [UInt8], _ encoding: String) async throws {
        let issues = Self.unusable(try await Self.importBytes(bytes))
        #expect(issues.first?.reason.contains(encoding) == true, "\(issues)")
        #expect(issues.first?.reason.contains("not UTF-8") == true)
        let json = Self.unusable(try await Self.importBytes(bytes, format: .json))
        #expect(json.first?.reason.contains("not UTF-8") == true, "\(json)")
    }

    @Test func aUTF8ByteOrderMarkIsUTF8() async throws {
        let file = [0xEF, 0xBB, 0xBF] + Array((StoreContract.files[0].1 + "\n").utf8)
        guard case .success(let report) = try await Self.importBytes(file, .issuers) else {
            Issue.record("refused")
            return
        }
        #expect(report.committed && report.rowsWritten == 2)
    }

    /// A JSON object of 1,000 members is one issue; one of 60 unknown
    /// members lists 19 and counts the rest.
    @Test func jsonObjectsOfManyMembersAreReportedShortly() async throws {
        let huge = "[{" + (0..<1000).map { "\"m\($0)\":1" }.joined(separator: ",") + "}]"
        guard case .success(let report) = try await Self.importBytes(Array(huge.utf8), format: .json) else {
            Issue.record("refused whole")
            return
        }
        #expect(report.issues.count == 1 && report.issues[0].reason.contains("1000 members"))
        let many = "[{" + (0..<60).map { "\"m\($0)\":1" }.joined(separator: ",") + "}]"
        guard case .success(let second) = try await Self.importBytes(Array(many.utf8), format: .json) else {
            Issue.record("refused whole")
            return
        }
        #expect(second.issues.count == ImportLimits.issuesPerRow)
        #expect(second.issues.contains { $0.reason.contains("more issues in this row") })
    }
}
