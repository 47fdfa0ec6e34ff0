/// Every route of the JSON API under `/api/v1`.
enum APIRoutes {
    static var all: [APIRoute] { bonds + issuers + market + insights + imports }

    /// The filters of bond lists and statistics.
    static let bondFilters: [APIRoute.Parameter] = [
        .init(name: "q", kind: .string, description: "Text in the bond's code or name, or its issuer's names"),
        .init(name: "market", kind: .string, description: "Markets, comma-separated", values: ["IB", "SH", "SZ"]),
        .init(name: "regime", kind: .string, description: "Sci-tech regimes, comma-separated"),
        .init(name: "sector", kind: .string, description: "Issuer sectors, comma-separated"),
        .init(name: "rating", kind: .string, description: "Ratings, comma-separated (AAA, AA+, ...)"),
        .init(name: "ownership", kind: .string, description: "Issuer ownership, comma-separated"),
        .init(name: "province", kind: .string, description: "Issuer provinces in pinyin, comma-separated"),
        .init(name: "from", kind: .date, description: "First issue date"),
        .init(name: "to", kind: .date, description: "Last issue date"),
        .init(
            name: "sci_tech", kind: .string, description: "Sci-tech bonds only, conventional only, or any",
            values: ["true", "false", "any"]),
    ]
}
