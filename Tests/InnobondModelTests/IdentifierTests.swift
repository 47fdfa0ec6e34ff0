import InnobondModel
import PropertyBased
import Testing

@Suite struct IdentifierTests {
    /// `91350100M000100Y43` is the example of GB 32100-2015 (the standard of
    /// the unified social credit code); `91440300708461136T` is Huawei
    /// Technologies' code as published on the national enterprise credit
    /// information system.
    @Test(arguments: ["91350100M000100Y43", "91440300708461136T", "91110000600037341L"])
    func publishedCodesValidate(code: String) throws {
        #expect(try USCC(code).value == code)
        #expect(try USCC(code.lowercased()).value == code)
    }

    @Test func badCodesSayWhy() {
        #expect(throws: USCC.Problem.length(17)) { try USCC("91350100M000100Y4") }
        #expect(throws: USCC.Problem.character("I", position: 9)) { try USCC("91350100I000100Y43") }
        // Eighteen characters, one of them a full-width digit (three bytes).
        #expect(throws: USCC.Problem.character("１", position: 2)) { try USCC("9１350100M000100Y43") }
        #expect(throws: USCC.Problem.checkCharacter(found: "4", expected: "3")) { try USCC("91350100M000100Y44") }
    }

    @Test func completingAPrefixGivesAValidCode() async {
        let alphabet = USCC.alphabet
        await propertyCheck(count: 300, input: Gen.int(in: 0...30).array(of: 17)) { values in
            let prefix = String(values.map { alphabet[$0] })
            let code = USCC.completing(prefix)
            #expect(code != nil)
            #expect(code.map { $0.value.hasPrefix(prefix) } == true)
        }
    }

    /// Codes held as integers give their text back, and compare and hash as
    /// their texts do.
    @Test func codesCompareAndHashAsTheirText() async {
        let alphabet = USCC.alphabet
        let code = Gen.int(in: 0...30).array(of: 17).map { USCC.completing(String($0.map { alphabet[$0] }))! }
        await propertyCheck(count: 300, input: code, code) { first, second in
            #expect((try? USCC(first.value)) == first)
            // The same code written in lower case is equal, and hashes alike.
            let lower = try? USCC(first.value.lowercased())
            #expect(lower == first && Set([first, lower]).count == 1)
            #expect((first < second) == (first.value < second.value))
            #expect((first == second) == (first.value == second.value))
            #expect(Set([first, second]).count == Set([first.value, second.value]).count)
        }
        // The first and the last characters weigh as the text's do.
        let low = USCC.completing("00000000000000000")!
        let high = USCC.completing("YYYYYYYYYYYYYYYYY")!
        #expect(low < high && !(high < low) && low.value.hasPrefix("0") && high.value.hasPrefix("Y"))
    }

    @Test func bondCodesCarryTheirMarket() {
        #expect(BondCode("102580123.IB")?.market == .interbank)
        #expect(BondCode("240001.SH")?.market == .shanghai)
        #expect(BondCode("149123.SZ")?.market == .shenzhen)
        // Letters of other scripts whose capitals are ASCII: dotless ı
        // (U+0131, capital I), the ligature ﬁ (U+FB01, capitals FI), and a
        // long s ſ (U+017F, capital S) in the suffix.
        let capitalsOnlyInUnicode = ["ı23.IB", "ﬁ1.SH", "240001.ſh"]
        for bad in ["240001", "240001.HK", ".SH", "24 0001.SH", "240001.hk", "a.b.SH", "科.SH", "240001.SH."]
            + capitalsOnlyInUnicode
        {
            #expect(BondCode(bad) == nil, "\(bad)")
        }
        // Any case, kept in capitals, as unified social credit codes are.
        #expect(BondCode("240001.sh")?.value == "240001.SH")
        #expect(BondCode("scp001.ib")?.value == "SCP001.IB")
    }

    @Test func moneyIsExactFen() {
        #expect(Money(yuan: "1660000000")?.fen == 166_000_000_000)
        #expect(Money(yuan: "12.5")?.fen == 1250)
        #expect(Money(yuan: "0.01")?.fen == 1)
        #expect(Money(yuan: "-3.25")?.fen == -325)
        for bad in ["", "1.234", "1e6", "1,000", "abc", ".5", "5.", "--1", " 5"] {
            #expect(Money(yuan: bad) == nil, "\(bad)")
        }
        #expect(Money(fen: 166_000_000_000).yuanText == "1660000000")
        #expect(Money(fen: 1250).yuanText == "12.50")
        #expect(Money(fen: -5).yuanText == "-0.05")
    }

    @Test func moneyTextRoundTrips() async {
        await propertyCheck(count: 500, input: Gen.int64(in: -1_000_000_000_000_000...1_000_000_000_000_000)) { fen in
            let money = Money(fen: fen)
            #expect(Money(yuan: money.yuanText) == money)
        }
    }

    @Test func periodsAndRatings() {
        #expect(MacroPeriod("2025-02") == .month(2025, 2))
        #expect(MacroPeriod("2025-Q4") == .quarter(2025, 4))
        #expect(MacroPeriod("2025-13") == nil && MacroPeriod("2025-Q5") == nil && MacroPeriod("25-01") == nil)
        #expect(MacroPeriod.month(2025, 3) < .quarter(2025, 1) && MacroPeriod.quarter(2025, 1) < .month(2025, 4))
        #expect(MacroPeriod.month(2025, 12).next == .month(2026, 1))
        #expect(MacroPeriod.quarter(2025, 2).yearEarlier.description == "2024-Q2")
        #expect(Rating("AA+")! < Rating("AA")!)
        #expect(Rating("aaa")?.value == "AAA")
        #expect(Rating("AAA+") == nil)
    }
}
