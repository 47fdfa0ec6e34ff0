import FixedIncome
import InnobondAnalytics
import InnobondTestSupport
import Testing

/// Every malformed kind that spec/bond-analytics.md names gives
/// `line N, column NAME: reason` and an empty output row, while the other
/// rows are still priced.
@Suite struct BadInputTests {
    static let header = "id,issue_date,maturity_date,settlement_date,coupon_rate,frequency,day_count,clean_price,yield"
    static let good = "ok,2025-01-15,2030-01-15,2025-06-01,3.25,2,ACT/ACT-ICMA,,2.9"

    @Test(arguments: [
        ("x,,2030-01-15,2025-06-01,3,2,ACT/360,,3", "issue_date", "missing value"),
        ("x,2025-13-01,2030-01-15,2025-06-01,3,2,ACT/360,,3", "issue_date", "no such calendar date"),
        ("x,2025-01-15,15/01/2030,2025-06-01,3,2,ACT/360,,3", "maturity_date", "not a YYYY-MM-DD date"),
        ("x,2025-01-15,2024-01-15,2024-06-01,3,2,ACT/360,,3", "maturity_date", "is not after the issue date"),
        ("x,2025-01-15,2030-01-15,2025-01-14,3,2,ACT/360,,3", "settlement_date", "outside"),
        ("x,2025-01-15,2030-01-15,2030-01-15,3,2,ACT/360,,3", "settlement_date", "outside"),
        ("x,2025-01-15,2030-01-15,2025-06-01,abc,2,ACT/360,,3", "coupon_rate", "not a number: 'abc'"),
        ("x,2025-01-15,2030-01-15,2025-06-01,-1,2,ACT/360,,3", "coupon_rate", "at least 0"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,6,ACT/360,,3", "frequency", "must be 1, 2, 4 or 12: '6'"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,,ACT/360,,3", "frequency", "missing value"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,30E/360,,3", "day_count", "unknown day count: '30E/360'"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,,,3", "day_count", "missing value"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,99,3", "yield", "both clean_price and yield"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,", "yield", "neither clean_price nor yield"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,par,", "clean_price", "not a number: 'par'"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,\"4,5\",", "clean_price", "not a number: '4,5'"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,1e999", "yield", "not a finite number"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,-20,", "clean_price", "no yield exists for this price"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,-250", "yield", "above -200 %"),
        ("x,2025-05-31,2030-05-31,2030-05-30,4,1,30/360,100,", "clean_price", "does not depend on the yield"),
        ("x,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,3,surplus", "#10", "the row has 10 fields"),
        // A yield of 10^365 - 1 (a tenth of par a day before maturity) is no Double;
        // one of -200 % + 4e-18 rounds to -200 %, where 1 + y/f is 0.
        ("x,2025-01-01,2026-01-01,2025-12-31,0,1,ACT/365F,10,", "clean_price", "no yield a 64-bit number holds"),
        ("x,2025-01-01,2026-01-01,2025-12-31,0,2,ACT/365F,125,", "clean_price", "within rounding of -200 %"),
        ("\"x\"y,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,3", "id", "text after the closing quote"),
    ])
    func eachMalformedKindIsNamed(row: String, column: String, reason: String) throws {
        let result = try runBatch([Self.header, Self.good, row, Self.good].joined(separator: "\n") + "\n")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "x,,,,,,,,")
        #expect(lines[1].hasPrefix("ok,") && lines[3].hasPrefix("ok,") && lines[1].split(separator: ",").count == 9)
        #expect(result.summary == BatchAnalytics.Summary(rows: 3, rejected: 1))
        #expect(result.diagnostics.count == 1)
        let message = result.diagnostics.first ?? ""
        #expect(message.hasPrefix("line 3, column \(column): "), "\(message)")
        #expect(message.contains(reason), "\(message)")
    }

    /// A day count is read only when it is spelled exactly as the contract
    /// names it: each name is priced, and each name with one byte changed,
    /// cut short or lengthened is an unknown day count.
    @Test func dayCountsAreSpelledExactly() throws {
        var rows: [String] = []
        var expectedUnknown: [String] = []
        for dayCount in DayCount.allCases {
            let name = Array(dayCount.rawValue.utf8)
            rows.append("x,2025-01-15,2030-01-15,2025-06-01,3,2,\(dayCount.rawValue),,3")
            var variants = [Array(name.dropLast()), name + [UInt8(ascii: "X")], Array(name.dropFirst())]
            for position in name.indices {
                for replacement in [name[position] &+ 1, name[position] | 0x20, UInt8(ascii: "/")]
                where replacement != name[position] {
                    var variant = name
                    variant[position] = replacement
                    variants.append(variant)
                }
            }
            for variant in variants {
                let text = String(decoding: variant, as: UTF8.self)
                rows.append("x,2025-01-15,2030-01-15,2025-06-01,3,2,\(text),,3")
                expectedUnknown.append(text)
            }
        }
        let result = try runBatch(([Self.header] + rows).joined(separator: "\n") + "\n")
        let unknown = result.diagnostics.compactMap { message in
            message.firstRange(of: "unknown day count: '").map { message[$0.upperBound...].prefix { $0 != "'" } }
        }.map(String.init)
        #expect(unknown == expectedUnknown)
        #expect(result.summary == BatchAnalytics.Summary(rows: rows.count, rejected: expectedUnknown.count))
    }

    /// The four counts, with spaces or leading zeros, price as the plain
    /// ones; every other printable byte, alone or followed by a digit 0 to 4
    /// or a space, is named (0 among them, as there is no convention).
    @Test func frequenciesAreCountsOfOneTwoFourOrTwelve() throws {
        func row(_ frequency: String) -> String { "x,2025-01-15,2030-01-15,2025-06-01,3,\(frequency),ACT/360,,3" }
        let plain = try runBatch(([Self.header] + ["1", "2", "4", "12"].map(row)).joined(separator: "\n") + "\n")
        let written = try runBatch(
            ([Self.header] + [" 1", "02", "4 ", "012"].map(row)).joined(separator: "\n") + "\n")
        #expect(plain.diagnostics.isEmpty && written.diagnostics.isEmpty)
        #expect(written.output == plain.output)
        #expect(Set(plain.output.split(separator: "\n").dropFirst()).count == 4)

        var wrong: [String] = []
        // Printable bytes but the comma and the quote, which would change the record.
        for first in UInt8(ascii: " ")...UInt8(ascii: "~")
        where first != UInt8(ascii: ",") && first != UInt8(ascii: "\"") {
            let one = String(UnicodeScalar(first))
            if !["1", "2", "4"].contains(one) { wrong.append(one) }
            for second in "01234 ".utf8 {
                let two = one + String(UnicodeScalar(second))
                if !["12", "01", "02", "04", " 1", " 2", " 4", "1 ", "2 ", "4 "].contains(two) {
                    wrong.append(two)
                }
            }
        }
        let result = try runBatch(([Self.header] + wrong.map(row)).joined(separator: "\n") + "\n")
        #expect(result.summary == BatchAnalytics.Summary(rows: wrong.count, rejected: wrong.count))
        #expect(result.diagnostics.allSatisfy { $0.contains("column frequency: ") }, "\(result.diagnostics)")
        #expect(result.diagnostics.count == wrong.count)
    }

    /// An id that is not UTF-8 is a bad value; one that is, in any script, is echoed.
    @Test func idsAreUTF8Text() throws {
        var input = Array((Self.header + "\n").utf8)
        input += Array("债券-01".utf8) + Array(Self.good.utf8.dropFirst(2)) + [0x0A]
        input += [0xFF, 0xFE] + Array(Self.good.utf8.dropFirst(2)) + [0x0A]
        let result = try runBatch(input)
        #expect(result.diagnostics == ["line 3, column id: not UTF-8 text"])
        #expect(result.output.split(separator: "\n").contains { $0.hasPrefix("债券-01,") && !$0.hasSuffix(",") })
    }

    @Test func everyBadFieldOfARowIsReported() throws {
        let result = try runBatch(Self.header + "\nx,2025-02-30,,2025-06-01,abc,3,ACT/365,,\n")
        #expect(
            result.diagnostics.map { $0.prefix(while: { $0 != ":" }) } == [
                "line 2, column issue_date", "line 2, column maturity_date", "line 2, column coupon_rate",
                "line 2, column frequency", "line 2, column day_count", "line 2, column yield",
            ])
    }

    @Test func lineNumbersCountLinesInsideQuotedFields() throws {
        let input = Self.header + "\n\"two\nline id\",2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,3\n\nbad,x,,,,,,,\n"
        let result = try runBatch(input)
        #expect(result.diagnostics.first?.hasPrefix("line 5, column issue_date") == true)
        #expect(result.output.contains("\"two\nline id\","))
        #expect(!result.output.contains("\"two\nline id\",,"))
    }

    @Test func anUnterminatedQuoteAtTheEndIsReported() throws {
        let result = try runBatch(
            Self.header + "\n" + Self.good + "\n\"open,2025-01-15,2030-01-15,2025-06-01,3,2,ACT/360,,3\n")
        #expect(result.summary.rejected == 1)
        #expect(result.diagnostics.first?.hasPrefix("line 3, column id: quoted field is not closed") == true)
    }

    @Test func spacesAroundValuesAndUnknownColumnsAreIgnored() throws {
        let input =
            "isin," + Self.header
            + ",note\nXS1, ok , 2025-01-15 ,2030-01-15,2025-06-01, 3.25 ,2,ACT/ACT-ICMA,, 2.9 ,hi\n"
        let spaced = try runBatch(input)
        let plain = try runBatch(Self.header + "\n" + Self.good + "\n")
        #expect(spaced.diagnostics.isEmpty)
        #expect(spaced.output.replacingOccurrences(of: " ok ", with: "ok") == plain.output)
    }

    @Test func unusableInputThrows() {
        #expect(throws: AnalyticsError.emptyInput) { try runBatch("") }
        #expect(throws: AnalyticsError.emptyInput) { try runBatch("\n\n") }
        #expect(throws: AnalyticsError.missingColumns(["yield"])) {
            try runBatch("id,issue_date,maturity_date,settlement_date,coupon_rate,frequency,day_count,clean_price\n")
        }
        #expect(throws: AnalyticsError.duplicateColumn("yield")) { try runBatch(Self.header + ",yield\n") }
        #expect(AnalyticsError.missingColumns(["yield"]).description.hasPrefix("line 1: missing column yield"))
    }

    @Test func aHeaderAloneGivesAHeaderAlone() throws {
        let result = try runBatch(Self.header)
        #expect(result.output == AnalyticsColumns.outputHeader)
        #expect(result.summary == BatchAnalytics.Summary(rows: 0, rejected: 0))
    }
}
