import ArgumentParser
import Foundation
import InnobondInsights
import InnobondModel

/// `--market`, `--sector`, `--rating`, `--regime`, `--ownership` and
/// `--province`: the bond filter of the analyses, each repeated or
/// comma-separated; an empty filter keeps every bond.
struct FilterOptions: ParsableArguments {
    @Option(help: "Markets: IB, SH, SZ.")
    var market: [String] = []

    @Option(help: "Issuer sectors (semiconductors, ai_software, ...).")
    var sector: [String] = []

    @Option(help: "Ratings (AAA, AA+, ...).")
    var rating: [String] = []

    @Option(help: "Sci-tech regimes (nafmii_note, exchange_2022, tech_board_2025, legacy_double_innovation).")
    var regime: [String] = []

    @Option(help: "Issuer ownership (central_soe, local_soe, private, mixed, foreign).")
    var ownership: [String] = []

    @Option(help: "Issuer provinces, in pinyin.")
    var province: [String] = []

    func validate() throws {
        _ = try filter(issued: DateRange())
    }

    /// The filter the options describe, for bonds issued in `issued`.
    func filter(issued: DateRange) throws -> BondFilter {
        func values<T>(_ option: String, _ texts: [String], _ parse: (String) -> T?) throws -> Set<T> {
            var result = Set<T>()
            let listed = texts.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            for text in listed where !text.isEmpty {
                guard let value = parse(text) else { throw ValidationError("--\(option): unknown value '\(text)'") }
                result.insert(value)
            }
            return result
        }
        return BondFilter(
            issued: issued,
            markets: try values("market", market) { Market(rawValue: $0.uppercased()) },
            regimes: try values("regime", regime, Regime.init(rawValue:)),
            sectors: try values("sector", sector, Sector.init(rawValue:)),
            ratings: try values("rating", rating, Rating.init),
            ownerships: try values("ownership", ownership, Ownership.init(rawValue:)),
            provinces: try values("province", province) { $0 })
    }

    /// The registry's spelling of each province asked for, in any case and
    /// by its other names (`xizang` is `Tibet`), as imports spell them; a
    /// province with no issuer gives empty figures, as the API's filter does.
    static func provinces(_ wanted: Set<String>, in snapshot: RegistrySnapshot) throws -> Set<String> {
        guard !wanted.isEmpty else { return wanted }
        let known = Set(snapshot.issuers.map(\.province))
        return Set(
            try wanted.map { name in
                guard
                    let match = Province.canonical(name)
                        ?? known.first(where: { $0.lowercased() == name.lowercased() })
                else {
                    throw UsageFailure(
                        "--province: '\(name)' is no province-level region in pinyin (the registry's: "
                            + "\(known.sorted().joined(separator: ", ")))")
                }
                return match
            })
    }
}
