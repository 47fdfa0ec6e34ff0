import Foundation
import Testing

@testable import InnobondServer

/// Query strings decode as HTML forms encode them, as Foundation's
/// percent-decoding does after `+` becomes a space.
@Suite struct QueryParametersTests {
    @Test(arguments: [
        "q=plain", "q=a+b%20c", "q=%E4%B8%AD%E5%9B%BD", "q=%2B1", "q=%", "q=%4", "q=%zz+x", "q=%FF%FE",
        "q=100%25", "q=%e4%b8%ad", "q=a%2", "q=", "q", "q=%E4%B8",
    ])
    func decodesAsFoundationDoes(_ query: String) {
        let value = query.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        let spaced = value.replacingOccurrences(of: "+", with: " ")
        #expect(QueryParameters(query: query).get("q") == (spaced.removingPercentEncoding ?? spaced))
    }

    @Test func repeatedNamesKeepTheirOrder() {
        let query = QueryParameters(query: "market=IB&sort=code&market=SZ&&x%20y=1")
        #expect(query.getAll("market") == ["IB", "SZ"])
        #expect(query.names == ["market", "sort", "x y"])
    }
}

/// Path parameters decode as Foundation does, a `+` kept.
@Suite struct QueryEncodingTests {
    /// Parameters of unreserved characters are written as they are, and
    /// read the same as URLComponents writes them; others go through it.
    @Test(arguments: [
        [("sort", "g_spread"), ("order", "desc"), ("page", "12")], [("q", "a~b.c-d_E9")], [("q", "")],
        [("q", "a b")], [("q", "a+b")], [("q", "中")], [("rating", "AA+,AAA")], [("from", "2024-01-01")],
    ])
    func encodedQueriesMatchURLComponents(items: [(String, String)]) {
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        let expected = (components.percentEncodedQuery ?? "").replacing("+", with: "%2B")
        #expect(BondQuery.encoded(items) == expected)
    }

    @Test func unreservedIsLettersDigitsAndFourMarks() {
        #expect(BondQuery.isUnreserved("azAZ09-._~"))
        #expect(BondQuery.isUnreserved(""))
        for text in ["a b", "a+b", "a,b", "a%b", "a/b", "中", "é", "a=b", "a&b"] {
            #expect(!BondQuery.isUnreserved(text), "\(text)")
        }
    }
}

@Suite struct PathParameterTests {
    @Test(arguments: ["240001.SH", "AAA%20corp", "a+b", "%E4%B8%AD", "%zz", "%FF"])
    func decodesAsFoundationDoes(_ text: String) {
        #expect(QueryParameters.decode(text[...], plusIsSpace: false) == (text.removingPercentEncoding ?? text))
    }
}
