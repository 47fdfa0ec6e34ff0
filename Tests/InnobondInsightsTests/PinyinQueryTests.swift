import InnobondInsights
import InnobondModel
import Testing

/// Searches typed in pinyin. Readings are pypinyin 0.55.0's (from Unihan's
/// kHanyuPinyin and kMandarin): 长 reads zhang or chang, 行 xing or hang,
/// 厦 sha or xia, 重 zhong or chong, 吕 lü.
@Suite struct PinyinQueryTests {
    @Test(arguments: [
        ("wentai", "闻泰科技股份有限公司"), ("Wen Tai", "闻泰科技股份有限公司"), ("wén tài kē jì", "闻泰科技股份有限公司"),
        ("wen'tai", "闻泰科技"), ("keji", "闻泰科技"), ("yinhang", "中国银行"), ("changsha", "长沙银行"),
        ("zhangsha", "长沙银行"), ("xiamen", "厦门国际"), ("chongqing", "重庆长安汽车"), ("changan", "重庆长安"),
        ("lvliang", "吕梁"), ("luliang", "吕梁"), ("lüliang", "吕梁"), ("LUE", "吕阿"), ("bandaoti", "ABC半导体Co"),
    ])
    func spellsWholeSyllables(query: String, name: String) throws {
        let pinyin = try #require(PinyinQuery(query))
        #expect(pinyin.isSpelled(in: name))
    }

    @Test(arguments: [
        // No reading is `ch` or `ta`: a query spells whole syllables.
        ("tech", "特长"), ("wenta", "闻泰"),
        // Syllables of characters apart are not one word.
        ("wentai", "闻 泰"), ("wentai", "闻A泰"), ("wenke", "闻泰科"),
        ("yinhang", "Yinhang Co"), ("sha", "夏"),
    ])
    func doesNotSpellOtherText(query: String, name: String) throws {
        let pinyin = try #require(PinyinQuery(query))
        #expect(!pinyin.isSpelled(in: name))
    }

    /// 㕶 reads n or ng and 干 gan or an, so each pair spells ngan two ways:
    /// a search that tried every way would take 2^30 steps to fail here.
    @Test func overlappingReadingsAreReadInOnePass() throws {
        let name = String(repeating: "㕶干", count: 30)
        #expect(try #require(PinyinQuery(String(repeating: "ngan", count: 30))).isSpelled(in: name))
        #expect(try !#require(PinyinQuery(String(repeating: "ngan", count: 30) + "x")).isSpelled(in: name))
    }

    @Test func fullwidthLettersAreLetters() throws {
        #expect(try #require(PinyinQuery("ｃｈａｎｇｓｈａ")) == PinyinQuery("changsha"))
    }

    @Test func onlyLatinLettersAreAPinyinQuery() {
        for text in ["科技", "a", "IB2025", "1025", ".ib", "<script>", "wen-tai?", "", "é"] {
            #expect(PinyinQuery(text) == nil, "\(text)")
        }
        #expect(PinyinQuery("wen-tai") == PinyinQuery("Wén Tài"))
    }

    @Test func aBondFilterFindsTheIssuerByPinyin() throws {
        let uscc = USCC.completing("91430100MA4L0CAL1")!
        let issuer = Issuer(
            uscc: uscc, name: "长沙银行股份有限公司", nameEnglish: "Bank of Changsha", sector: .semiconductors,
            province: "Hunan", ownership: .localSOE)
        let bond = Sample.bond("102500001.IB", issuer: issuer, issued: "2025-01-10")
        #expect(BondFilter(text: "changsha yinhang").matches(bond, issuer: issuer))
        #expect(BondFilter(text: "CHANGSHA").matches(bond, issuer: issuer))
        #expect(!BondFilter(text: "changshay").matches(bond, issuer: issuer))
        #expect(!BondFilter(text: "changsha yinhang").matches(bond, issuer: nil))
        #expect(TextSearch("yinhang").matches(issuer) && !TextSearch("beijing").matches(issuer))
    }
}
