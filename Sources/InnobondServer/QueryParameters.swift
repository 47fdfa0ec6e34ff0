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
        // Split on bytes: `&` and `=` are ASCII, and splitting by Character
        // costs as much as the rest of a cached answer.
        items = query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            return (
                Self.decode(Substring(parts[0]), plusIsSpace: true),
                parts.count > 1 ? Self.decode(Substring(parts[1]), plusIsSpace: true) : ""
            )
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

    /// Percent-decoding, `+` as a space first when `plusIsSpace` (a query,
    /// not a path); text with a malformed escape, or that does not decode as
    /// UTF-8, is kept as written (`+` a space). On bytes rather than through
    /// Foundation: every request decodes its query and path, and this was a
    /// fifth of a cached answer's time otherwise.
    static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        let plus = UInt8(ascii: "+")
        let percent = UInt8(ascii: "%")
        guard text.utf8.contains(where: { $0 == percent || (plusIsSpace && $0 == plus) }) else {
            return String(text)
        }
        let spaced = text.utf8.map { $0 == plus && plusIsSpace ? UInt8(ascii: " ") : $0 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(spaced.count)
        var index = 0
        while index < spaced.count {
            let byte = spaced[index]
            guard byte == percent else {
                bytes.append(byte)
                index += 1
                continue
            }
            guard index + 2 < spaced.count, let high = hexValue(spaced[index + 1]),
                let low = hexValue(spaced[index + 2])
            else { return String(decoding: spaced, as: UTF8.self) }
            bytes.append(high << 4 | low)
            index += 3
        }
        return String(validating: bytes, as: UTF8.self) ?? String(decoding: spaced, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Parameters {
    /// A path parameter, percent-decoded (`AAA%20corp` is `AAA corp`).
    func decoded(_ name: String) -> String? {
        get(name).map { QueryParameters.decode($0[...], plusIsSpace: false) }
    }
}
