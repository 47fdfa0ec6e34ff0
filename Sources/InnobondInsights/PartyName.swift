import Foundation

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

    /// The key two spellings of one entity share.
    public static func key(_ name: String) -> String {
        words(name).joined()
    }

    /// The name's words after normalising, legal forms dropped from the end.
    public static func words(_ name: String) -> [String] {
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
        var words = cleaned.split(separator: " ").map { romanisations[String($0)] ?? String($0) }
        // Drop legal forms from the end, as many as there are (`Co., Ltd.`), keeping one word at least.
        var dropped = true
        while dropped {
            dropped = false
            for form in legalForms {
                let formWords =
                    form.count > 1 && form.unicodeScalars.allSatisfy({ $0.properties.isIdeographic })
                    ? form.map(String.init) : form.split(separator: " ").map(String.init)
                if words.count > formWords.count, Array(words.suffix(formWords.count)) == formWords {
                    words.removeLast(formWords.count)
                    dropped = true
                    break
                }
            }
        }
        return words
    }

    /// How alike two names are, 0 to 1: 1 for the same key, else the Dice
    /// coefficient of their keys' character pairs (2 × shared / total).
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(keys: key(a), key(b))
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
