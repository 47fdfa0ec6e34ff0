import Foundation
import Hummingbird

/// The parameters of a URL's query as an HTML form sends them
/// (`application/x-www-form-urlencoded`): `+` is a space, `%XX` a byte of
/// UTF-8. In order, repeated names kept.
struct QueryParameters: Sendable {
    private let items: [(name: String, value: String)]

    init(_ request: Request) {
        self.init(query: request.uri.query ?? "")
    }

    init(query: String) {
        items = query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// Throws a 400 naming the first parameter not among `known`, which are
    /// those of `what` (`this operation`, `this page`).
    func checkNames(_ known: [String], of what: String) throws(APIError) {
        for name in names where !known.contains(name) {
            let taken = known.joined(separator: ", ")
            throw .badParameter(
                name, "not a parameter of \(what)" + (taken.isEmpty ? ", which takes none" : " (it takes \(taken))"))
        }
    }

    /// The first value given for `name`.
    func get(_ name: String) -> String? { items.first { $0.name == name }?.value }

    /// The names given, in order, repeated names once.
    var names: [String] {
        var seen = Set<String>()
        return items.map(\.name).filter { seen.insert($0).inserted }
    }

    /// Every value given for `name`, in order.
    func getAll(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// `+` as a space, then percent-decoding; text that does not decode as
    /// UTF-8 is kept as written.
    private static func decode(_ text: Substring) -> String {
        let spaced = String(text.replacing("+", with: " "))
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Parameters {
    /// A path parameter, percent-decoded (`AAA%20corp` is `AAA corp`).
    func decoded(_ name: String) -> String? {
        get(name).map { $0.removingPercentEncoding ?? $0 }
    }
}
