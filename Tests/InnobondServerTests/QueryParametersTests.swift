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
@Suite struct PathParameterTests {
    @Test(arguments: ["240001.SH", "AAA%20corp", "a+b", "%E4%B8%AD", "%zz", "%FF"])
    func decodesAsFoundationDoes(_ text: String) {
        #expect(QueryParameters.decode(text[...], plusIsSpace: false) == (text.removingPercentEncoding ?? text))
    }
}
