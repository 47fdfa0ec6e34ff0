/// Readable names of the money and credit series and of their definitions,
/// for pages and charts: the registry's identifiers (`TSF_stock`,
/// `M1_2025`) stay in the data, tables of sources and downloads.
public enum MacroNames {
    /// What each series the PBOC publishes measures (DOMAIN.md, "Money and
    /// credit statistics").
    static let series: [String: String] = [
        "M0": "M0 (cash in circulation)",
        "M1": "M1 (narrow money)",
        "M2": "M2 (broad money)",
        "TSF_stock": "Aggregate financing to the real economy (stock)",
        "tech_loans": "Loans to the technology sector",
        "tech_sme_loans": "Loans to technology SMEs",
        "high_tech_enterprise_loans": "Loans to high-tech enterprises",
    ]

    /// Short names of the definitions the PBOC changed, for legends.
    static let definitions: [String: String] = [
        "M1_2001": "M1, definition to 2024",
        "M1_2025": "M1, definition from 2025",
        "TSF_2019": "Aggregate financing, coverage from December 2019",
    ]

    /// What a definition changed (DOMAIN.md), for tables.
    static let changes: [String: String] = [
        "M1_2025": "adds individuals' demand deposits and non-bank payment institutions' customer reserves",
        "TSF_2019": "adds government bonds",
    ]

    /// What the definition changed, when this table knows.
    public static func change(_ identifier: String) -> String? { changes[identifier] }

    /// The series' readable name; the identifier itself for a series this
    /// table does not know.
    public static func series(_ identifier: String) -> String { series[identifier] ?? identifier }

    /// The definition's readable name: from the table, else `SERIES_YEAR`
    /// read as "SERIES, definition of YEAR", else the identifier.
    public static func definition(_ identifier: String) -> String {
        if let name = definitions[identifier] { return name }
        guard let separator = identifier.lastIndex(of: "_"),
            let year = Int(identifier[identifier.index(after: separator)...]), (1900...2100).contains(year)
        else { return identifier }
        return "\(series(String(identifier[..<separator]))), definition of \(year)"
    }
}
