import InnobondModel

/// Text searched in names: a substring in any case, and for an issuer's
/// Chinese name also its pinyin (``PinyinQuery``).
public struct TextSearch: Sendable {
    /// The text, lowercased.
    public let needle: String
    /// The text as pinyin, when it can be.
    public let pinyin: PinyinQuery?

    public init(_ text: String) {
        needle = text.lowercased()
        pinyin = PinyinQuery(text)
    }

    /// Whether `haystack` holds the text, in any case.
    public func isHeld(in haystack: String) -> Bool { haystack.lowercased().contains(needle) }

    /// Whether the issuer's names hold the text, or its name reads as it in pinyin.
    public func matches(_ issuer: Issuer) -> Bool { namesHold(issuer) || isSpelled(by: issuer) }

    /// Whether the issuer's names hold the text.
    public func namesHold(_ issuer: Issuer) -> Bool { isHeld(in: issuer.name) || isHeld(in: issuer.nameEnglish ?? "") }

    /// Whether the issuer's name reads as the text in pinyin.
    public func isSpelled(by issuer: Issuer) -> Bool { pinyin?.isSpelled(in: issuer.name) == true }

    /// Whether the issuer matches, or its credit code holds the text: a search of issuers.
    public func findsIssuer(_ issuer: Issuer) -> Bool { matches(issuer) || isHeld(in: issuer.uscc.value) }
}
