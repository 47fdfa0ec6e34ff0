import Foundation
import InnobondModel

/// A party's name as screening compares it: the same legal entity under its
/// published spellings gives the same key, whatever the legal form, case,
/// punctuation, full-width characters, traditional or simplified characters
/// and old romanisations of Chinese place names.
///
/// The key: NFKC (full-width to ASCII), traditional characters to
/// simplified (ICU's Hant-Hans), lower case, punctuation to spaces, old
/// romanisations to pinyin (Peking → beijing), legal forms dropped from the
/// end (股份有限公司, Co., Ltd., GmbH, B.V., ...), spaces dropped.
public enum PartyName {
    /// Legal forms, longest first, dropped from the end of a name (after
    /// punctuation became spaces and letters lower case).
    static let legalForms: [String] = [
        "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "总公司", "公司",
        "company limited", "co ltd", "co limited", "corporation limited", "holdings limited", "limited",
        "ltd", "incorporated", "inc", "corporation", "corp", "company", "co", "llc", "l l c", "plc", "gmbh",
        "ag", "b v", "bv", "n v", "nv", "s a", "sa", "s p a", "spa", "sarl", "s a r l", "pte", "pty", "jsc",
        "ojsc", "pjsc", "llp", "lp", "kk", "k k", "oy", "ab", "as", "srl",
    ]

    /// Old romanisations of Chinese place names and their pinyin.
    static let romanisations: [String: String] = [
        "peking": "beijing", "canton": "guangzhou", "amoy": "xiamen", "tientsin": "tianjin",
        "nanking": "nanjing", "tsingtao": "qingdao", "tsingtau": "qingdao", "chungking": "chongqing",
        "szechuan": "sichuan", "szechwan": "sichuan", "hangchow": "hangzhou", "soochow": "suzhou",
        "sian": "xian", "hsian": "xian", "kwangtung": "guangdong", "fukien": "fujian", "hupeh": "hubei",
        "hunan": "hunan", "shensi": "shaanxi", "shansi": "shanxi", "kiangsu": "jiangsu", "chekiang": "zhejiang",
        "anhwei": "anhui", "kweichow": "guizhou", "yunnan": "yunnan", "shantung": "shandong", "honan": "henan",
        "hopeh": "hebei", "wuhsi": "wuxi", "foochow": "fuzhou", "dairen": "dalian", "mukden": "shenyang",
        "harbin": "harbin", "kunming": "kunming", "shenchen": "shenzhen", "hsinchu": "xinzhu",
    ]

    /// The similarity from which screening calls two names the same party.
    public static let defaultThreshold = 0.9

    /// The key two spellings of one entity share.
    public static func key(_ name: String) -> String {
        words(name).joined()
    }

    /// The name's words after normalising, legal forms dropped from the end.
    public static func words(_ name: String) -> [String] { parts(name).words }

    /// The name's words after normalising, and the legal forms dropped from its end.
    static func parts(_ name: String) -> (words: [String], forms: [String]) {
        var words = cleaned(name).split(separator: " ").map { romanisations[String($0)] ?? String($0) }
        // Drop legal forms from the end, as many as there are (`Co., Ltd.`), keeping one word at least.
        var forms: [String] = []
        var dropped = true
        while dropped {
            dropped = false
            for (form, formWords) in legalFormWords
            where words.count > formWords.count && words.suffix(formWords.count).elementsEqual(formWords) {
                words.removeLast(formWords.count)
                forms.append(form)
                dropped = true
                break
            }
        }
        return (words, forms)
    }

    /// `name` in NFKC, simplified characters, lower case, with letters and
    /// digits kept, Chinese characters set apart, and everything else a space.
    static func cleaned(_ name: String) -> String {
        // ASCII is its own NFKC and has no Chinese characters: the same
        // result, at a tenth of the cost, for most names of foreign lists.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = [UInt8]()
            bytes.reserveCapacity(name.utf8.count)
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: bytes.append(UInt8(ascii: " "))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var text = name.precomposedStringWithCompatibilityMapping
        if text.unicodeScalars.contains(where: { $0.properties.isIdeographic }) {
            text = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
        }
        text = text.lowercased()
        var cleaned = ""
        cleaned.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                // Chinese characters stand alone, so that a legal form at the end is its own words.
                if scalar.properties.isIdeographic {
                    cleaned.unicodeScalars.append(" ")
                    cleaned.unicodeScalars.append(scalar)
                    cleaned.unicodeScalars.append(" ")
                } else {
                    cleaned.unicodeScalars.append(scalar)
                }
            } else {
                cleaned.unicodeScalars.append(" ")
            }
        }
        return cleaned
    }

    /// Each legal form with its words as ``parts(_:)`` splits a name.
    static let legalFormWords: [(String, [String])] = legalForms.map { form in
        let chinese = form.unicodeScalars.allSatisfy { $0.properties.isIdeographic }
        return (form, chinese ? form.map(String.init) : form.split(separator: " ").map(String.init))
    }

    /// Legal forms of one jurisdiction's company law: two names whose forms
    /// fall in different families are different legal entities (BAE Systems,
    /// Inc. and BAE Systems plc). The forms Chinese companies use, in
    /// Chinese and in their English names, are one family with the generic
    /// English ones.
    static let legalFormFamilies: [String: String] = {
        var families: [String: String] = [:]
        for (family, forms) in [
            ("us", ["incorporated", "inc", "llc", "l l c"]), ("uk", ["plc"]), ("de", ["gmbh", "ag"]),
            ("nl", ["b v", "bv", "n v", "nv"]), ("fr", ["s a", "sa", "sarl", "s a r l"]),
            ("it", ["s p a", "spa", "srl"]), ("jp", ["kk", "k k"]), ("nordic", ["oy", "ab", "as"]),
            ("ru", ["jsc", "ojsc", "pjsc"]), ("sg", ["pte"]), ("au", ["pty"]),
        ] {
            for form in forms { families[form] = family }
        }
        return families
    }()

    /// Words that tell apart entities whose other words agree: places
    /// (Beijing and Nanjing universities), countries (a group's Japanese
    /// subsidiary), and a group or holding company against its member.
    static let distinguishingWords: Set<String> = {
        var words = Set(Province.names.map { $0.lowercased().replacing(" ", with: "") })
        words.formUnion([
            "nanjing", "shenzhen", "guangzhou", "wuhan", "chengdu", "hangzhou", "xian", "suzhou", "qingdao", "dalian",
            "xiamen", "tianjin", "shenyang", "harbin", "changsha", "zhengzhou", "jinan", "hefei", "fuzhou", "kunming",
            "ningbo", "wuxi", "dongguan", "foshan", "zhuhai", "japan", "usa", "america", "american", "uk", "britain",
            "germany", "india", "singapore", "korea", "france", "netherlands", "europe", "asia", "international",
            "group", "holdings", "holding",
        ])
        return words
    }()
    /// Two-character places and words, in Chinese, that tell entities apart.
    static let distinguishingCharacters: Set<String> = [
        "北京", "南京", "上海", "深圳", "广州", "天津", "重庆", "武汉", "成都", "杭州", "西安", "苏州", "青岛", "大连",
        "厦门", "沈阳", "长沙", "郑州", "济南", "合肥", "福州", "昆明", "宁波", "无锡", "香港", "澳门", "台湾", "日本",
        "美国", "英国", "德国", "集团", "控股", "国际",
    ]

    /// The distinguishing words and places a name carries. A Chinese name's
    /// words are its characters: its places are two neighbouring ones.
    static func distinctions(_ words: [String]) -> Set<String> {
        var found = Set(words.filter(distinguishingWords.contains))
        for index in words.indices.dropLast() where words[index].count == 1 && words[index + 1].count == 1 {
            let pair = words[index] + words[index + 1]
            if distinguishingCharacters.contains(pair) { found.insert(pair) }
        }
        return found
    }

    /// The most two names score when they differ in a distinguishing word or
    /// in their legal form's family: below the default threshold, so that
    /// screening shows them for review but never calls them the same.
    public static let distinguishedCap = 0.8

    /// How alike two names are, 0 to 1: 1 for the same key, else the Dice
    /// coefficient of their keys' character pairs (2 × shared / total).
    /// Names that differ in a distinguishing word (a place, a country,
    /// group or holding) or in their legal form's family score at most
    /// ``distinguishedCap``.
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Analysis(a), Analysis(b))
    }

    /// What comparing a name needs, worked out once: its key, the pairs of
    /// neighbouring characters with their counts, its legal forms' families
    /// and its distinguishing words.
    public struct Analysis: Sendable {
        public let key: String
        /// Each pair and how often the key has it.
        let pairs: [String: Int]
        /// All the pairs, counted as often as they occur.
        let pairCount: Int
        let hasForm: Bool
        let families: Set<String>
        let distinctions: Set<String>

        public init(_ name: String) {
            let (words, forms) = PartyName.parts(name)
            key = words.joined()
            let all = PartyName.bigrams(key)
            var pairs: [String: Int] = [:]
            for pair in all { pairs[pair, default: 0] += 1 }
            self.pairs = pairs
            pairCount = all.count
            hasForm = !forms.isEmpty
            families = Set(forms.compactMap { PartyName.legalFormFamilies[$0] })
            distinctions = PartyName.distinctions(words)
        }
    }

    /// ``similarity(_:_:)`` of two names analysed beforehand.
    public static func similarity(_ x: Analysis, _ y: Analysis) -> Double {
        let score: Double
        if x.key == y.key {
            score = x.key.isEmpty ? 0 : 1
        } else if x.pairCount + y.pairCount == 0 {
            score = 0
        } else {
            var shared = 0
            for (pair, count) in x.pairs { shared += min(count, y.pairs[pair] ?? 0) }
            score = 2 * Double(shared) / Double(x.pairCount + y.pairCount)
        }
        return distinguished(score, x, y)
    }

    /// `score` for two names, at most ``distinguishedCap`` when a
    /// distinguishing word or their legal forms' families tell them apart.
    public static func distinguished(_ score: Double, _ x: Analysis, _ y: Analysis) -> Double {
        guard score > distinguishedCap else { return score }
        let formsDiffer = x.hasForm && y.hasForm && x.families != y.families
        return formsDiffer || x.distinctions != y.distinctions ? distinguishedCap : score
    }

    /// ``similarity(_:_:)`` of two keys.
    public static func similarity(keys a: String, _ b: String) -> Double {
        if a == b { return a.isEmpty ? 0 : 1 }
        let x = bigrams(a)
        let y = bigrams(b)
        guard !x.isEmpty || !y.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for pair in x { counts[pair, default: 0] += 1 }
        var shared = 0
        for pair in y where (counts[pair] ?? 0) > 0 {
            counts[pair]! -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(x.count + y.count)
    }

    /// The pairs of neighbouring characters of a key (the key itself when it has one character).
    static func bigrams(_ key: String) -> [String] {
        let characters = Array(key)
        guard characters.count > 1 else { return characters.isEmpty ? [] : [key] }
        return (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
    }
}
