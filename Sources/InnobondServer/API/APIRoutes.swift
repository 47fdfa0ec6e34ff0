import InnobondModel

/// Every route of the JSON API under `/api/v1`.
enum APIRoutes {
    static let all: [APIRoute] =
        bonds + issuers + market + insights + integrity + shield + calendar + audit + imports + changes

    /// The methods a path answers to (`HEAD` with every `GET`), for `Allow`
    /// headers; none for a path the server does not have.
    static func methods(of path: String) -> [String] {
        let parts = path.utf8.split(separator: UInt8(ascii: "/"))
        var methods: [String] = []
        for (pattern, method) in patterns where pattern.count == parts.count && !methods.contains(method) {
            if zip(pattern, parts).allSatisfy({ $0 == nil || $0!.elementsEqual($1) }) { methods.append(method) }
        }
        if methods.contains("GET") { methods.append("HEAD") }
        return methods.sorted()
    }

    /// Every path's segments (nil where a parameter goes) with a method it
    /// answers to: the API's routes, the pages, signing in and out. Built
    /// once, as every request asks.
    private static let patterns: [(segments: [[UInt8]?], method: String)] = {
        func segments(_ path: String) -> [[UInt8]?] {
            path.split(separator: "/").map { $0.hasPrefix(":") ? nil : Array($0.utf8) }
        }
        return all.map { (segments($0.path), $0.method.rawValue) } + PageRoutes.paths.map { (segments($0), "GET") }
            + (["/sign-in", "/sign-out"] + BrowserSession.formPaths).map { (segments($0), "POST") }
    }()

    /// The filters of bond lists and statistics.
    static let bondFilters: [APIRoute.Parameter] = [
        .init(
            name: "q", kind: .string,
            description:
                "Text in the bond's code or name, or its issuer's names, or the issuer's name in pinyin (changsha yinhang)"
        ),
        .init(name: "market", kind: .string, description: "Markets", values: ["IB", "SH", "SZ"], list: true),
        .init(
            name: "regime", kind: .string, description: "Sci-tech regimes", values: Regime.allCases.map(\.rawValue),
            list: true),
        .init(
            name: "sector", kind: .string, description: "Issuer sectors", values: Sector.allCases.map(\.rawValue),
            list: true),
        .init(name: "rating", kind: .string, description: "Ratings", values: Rating.scale, list: true),
        .init(
            name: "ownership", kind: .string, description: "Issuer ownership",
            values: Ownership.allCases.map(\.rawValue), list: true),
        .init(
            name: "province", kind: .string,
            description:
                "Issuer provinces in pinyin, in any case and by their other names (Xizang for Tibet): "
                + Province.names.joined(separator: ", "),
            list: true),
        .init(name: "from", kind: .date, description: "First issue date"),
        .init(name: "to", kind: .date, description: "Last issue date"),
        .init(
            name: "sci_tech", kind: .string, description: "Sci-tech bonds only, conventional only, or any",
            values: ["true", "false", "any", "all", "1", "0", "yes", "no"]),
    ]
}
