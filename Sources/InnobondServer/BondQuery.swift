import FixedIncome
import Foundation
import Hummingbird
import InnobondInsights
import InnobondModel

/// The bonds a list shows: a filter, an order and a page, read from query
/// parameters, each checked (a bad one is a 400 naming it).
struct BondQuery: Sendable {
    enum Sort: String, CaseIterable, Sendable {
        case code, name, issuer
        case issueDate = "issue_date"
        case maturityDate = "maturity_date"
        case amount, coupon, rating
        case quoteDate = "quote_date"
        case cleanPrice = "clean_price"
        case yield
        case gSpread = "g_spread"
        case zSpread = "z_spread"
        case duration
        case remaining = "remaining_years"
        case outstanding

        /// Whether the list runs from the largest down unless told otherwise:
        /// dates and figures do, codes and names do not.
        var descendsByDefault: Bool { ![.code, .name, .issuer, .rating].contains(self) }
    }

    var filter = BondFilter()
    var screen = BondScreen()
    var sort = Sort.issueDate
    var descending = true
    var page = 1
    var perPage = 50
    /// For the API: the code of the last bond of the previous page.
    var after: String?

    /// The parameters this query reads, for forms and the OpenAPI document.
    static let parameters =
        [
            "q", "market", "regime", "sector", "rating", "ownership", "province", "from", "to", "sci_tech", "sort",
            "order",
        ] + BondScreen.parameters.map(\.name)

    init() {}

    init(_ parameters: QueryParameters, paging: Paging) throws(APIError) {
        let query = Query(parameters)
        func set<T: Hashable>(_ name: String, _ parse: (String) -> T?, expected: @autoclosure () -> String)
            throws(APIError) -> Set<T>
        {
            try query.set(name, expected: expected(), parse)
        }
        func date(_ name: String) throws(APIError) -> CivilDate? {
            guard let text = parameters.get(name), !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else { throw .badParameter(name, "'\(text)' is not a YYYY-MM-DD date") }
            if let problem = DateRange.problem(with: date) { throw .badParameter(name, problem) }
            return date
        }
        filter.markets = try set("market", { Market(rawValue: $0.uppercased()) }, expected: "IB, SH or SZ")
        filter.regimes = try set(
            "regime", Regime.init(rawValue:), expected: Regime.allCases.map(\.rawValue).joined(separator: ", "))
        filter.sectors = try set(
            "sector", Sector.init(rawValue:), expected: Sector.allCases.map(\.rawValue).joined(separator: ", "))
        filter.ratings = try set("rating", Rating.init, expected: "a rating such as AAA or AA+")
        filter.ownerships = try set(
            "ownership", Ownership.init(rawValue:),
            expected: Ownership.allCases.map(\.rawValue).joined(separator: ", "))
        filter.provinces = try set(
            "province", Province.canonical,
            expected: "a province-level region in pinyin, e.g. Jiangsu or Inner Mongolia")
        filter.issued = DateRange(from: try date("from"), to: try date("to"))
        if let from = filter.issued.from, let to = filter.issued.to, from > to {
            throw .badParameter("to", "\(to) is before from \(from)")
        }
        if let text = parameters.get("sci_tech"), !text.isEmpty {
            switch text.lowercased() {
            case "true", "1", "yes": filter.sciTech = true
            case "false", "0", "no": filter.sciTech = false
            case "any", "all": filter.sciTech = nil
            default: throw .badParameter("sci_tech", "'\(text)' is not true, false or any (or yes, no, 1, 0, all)")
            }
        }
        filter.text = try Query.search(parameters.get("q"))
        screen = try BondScreen(query)
        if let text = parameters.get("sort"), !text.isEmpty {
            guard let sort = Sort(rawValue: text) else {
                throw .badParameter(
                    "sort", "'\(text)' is not one of \(Sort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.sort = sort
            descending = sort.descendsByDefault
        }
        if let text = parameters.get("order"), !text.isEmpty {
            guard ["asc", "desc"].contains(text) else { throw .badParameter("order", "'\(text)' is not asc or desc") }
            descending = text == "desc"
        }
        let limitName = paging == .pages ? "per_page" : "limit"
        if let text = parameters.get(limitName), !text.isEmpty {
            guard let value = Int(text), Self.pageSizes.contains(value) else {
                throw .badParameter(
                    limitName,
                    "'\(text)' is not a whole number from \(Self.pageSizes.lowerBound) to \(Self.pageSizes.upperBound)")
            }
            perPage = value
        }
        switch paging {
        case .pages:
            if let text = parameters.get("page"), !text.isEmpty {
                guard let value = Int(text), value >= 1 else {
                    throw .badParameter("page", "'\(text)' is not a page number (1 or more)")
                }
                page = value
            }
        case .cursor:
            if let text = parameters.get("cursor"), !text.isEmpty {
                guard let (signature, code) = Self.signedCode(ofCursor: text) else {
                    throw .badParameter("cursor", "not a cursor this API gave: '\(text)'")
                }
                guard signature == nil || signature == orderSignature else {
                    throw .badParameter(
                        "cursor", "the cursor belongs to a list of other filters or order: start again without it")
                }
                after = code
            }
        }
    }

    enum Paging { case pages, cursor }

    /// The bonds a page may hold, by `limit` or `per_page`.
    static let pageSizes = 1...500

    /// A page number past the last page of `count` bonds becomes the last
    /// (the first, when there are none).
    mutating func clampPage(toCount count: Int) {
        page = min(page, max(1, (count + perPage - 1) / perPage))
    }

    /// One page of a list, by number or after the cursor's bond, and the
    /// place of its first bond in the list. A cursor whose bond the list no
    /// longer holds is a 400.
    func page(of listing: BondListing) throws(APIError) -> (bonds: [Bond], start: Int) {
        // A page number past the end (even past Int's range in bonds) is empty.
        let (product, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        var start = overflow ? Int.max : product
        if let after {
            guard let place = listing.place(of: after) else {
                throw .badParameter("cursor", "the cursor's bond is no longer in this list: start again")
            }
            start = place + 1
        }
        return (listing.bonds(from: start, count: perPage), start)
    }

    /// A cursor naming `bond` as the last of a page of this query's list,
    /// signed with the list's filters and order.
    func cursor(after bond: Bond) -> String { Self.encode("v2:\(orderSignature):" + bond.code.value) }

    /// The filters and order of the list, as 8 hexadecimal digits (FNV-1a of
    /// their query string): the same from one server run to the next.
    var orderSignature: String {
        var hash: UInt32 = 2_166_136_261
        for byte in queryString(["page": nil, "per_page": nil]).utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// An opaque cursor naming the last item of a page by its code.
    static func cursor(code: String) -> String { encode("v1:" + code) }

    private static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The code a cursor names, and the signature of its list when it has one.
    static func signedCode(ofCursor cursor: String) -> (signature: String?, code: String)? {
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else {
            return nil
        }
        if decoded.hasPrefix("v1:") { return (nil, String(decoded.dropFirst(3))) }
        let parts = decoded.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v2", parts[1].count == 8 else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    static func code(ofCursor cursor: String) -> String? { signedCode(ofCursor: cursor)?.code }

    /// The query string of this query with some parameters replaced (for links).
    func queryString(_ changes: [String: String?] = [:]) -> String { Links(self).queryString(changes) }

    /// A query's parameters, each percent-encoded once, for the many links
    /// of a page that each change a few of them: encoding every link's
    /// parameters anew was 4.5 % of a list page's CPU.
    struct Links {
        /// Each parameter's name, and the parameter as written in a query string.
        private var items: [(name: String, encoded: String)]

        init(_ query: BondQuery) {
            items = query.items.map { ($0.0, BondQuery.encoded([$0])) }
        }

        /// The query string with some parameters replaced: those removed,
        /// then those given a value appended, by name.
        func queryString(_ changes: [String: String?] = [:]) -> String {
            var items = self.items
            for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
                items.removeAll { $0.name == name }
                if let value { items.append((name, BondQuery.encoded([(name, value)]))) }
            }
            return items.map(\.encoded).joined(separator: "&")
        }
    }

    /// The query's parameters, in the order its query string gives them.
    private var items: [(String, String)] {
        var items: [(String, String)] = []
        if let text = filter.text { items.append(("q", text)) }
        if !filter.markets.isEmpty {
            items.append(("market", filter.markets.map(\.rawValue).sorted().joined(separator: ",")))
        }
        if !filter.regimes.isEmpty {
            items.append(("regime", filter.regimes.map(\.rawValue).sorted().joined(separator: ",")))
        }
        if !filter.sectors.isEmpty {
            items.append(("sector", filter.sectors.map(\.rawValue).sorted().joined(separator: ",")))
        }
        if !filter.ratings.isEmpty {
            items.append(("rating", filter.ratings.sorted().map(\.value).joined(separator: ",")))
        }
        if !filter.ownerships.isEmpty {
            items.append(("ownership", filter.ownerships.map(\.rawValue).sorted().joined(separator: ",")))
        }
        if !filter.provinces.isEmpty { items.append(("province", filter.provinces.sorted().joined(separator: ","))) }
        if let from = filter.issued.from { items.append(("from", from.iso8601)) }
        if let to = filter.issued.to { items.append(("to", to.iso8601)) }
        if let sciTech = filter.sciTech { items.append(("sci_tech", sciTech ? "true" : "false")) }
        items += screen.queryItems
        items.append(("sort", sort.rawValue))
        items.append(("order", descending ? "desc" : "asc"))
        items.append(("page", String(page)))
        items.append(("per_page", String(perPage)))
        return items
    }

    /// `items` as a URL query, percent-encoded so that each reads back as
    /// given (a `+` in a value would read back as a space).
    static func encoded(_ items: [(String, String)]) -> String {
        // Unreserved characters (RFC 3986 §2.3) stand for themselves, as
        // URLComponents writes them: sorts, orders and pages, the most
        // of a list page's links, need no encoder.
        if items.allSatisfy({ isUnreserved($0.0) && isUnreserved($0.1) }) {
            return items.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        }
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return (components.percentEncodedQuery ?? "").replacing("+", with: "%2B")
    }

    /// Whether `text` is only ASCII letters, digits, `-`, `.`, `_` and `~`.
    static func isUnreserved(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                true
            default: false
            }
        }
    }
}
