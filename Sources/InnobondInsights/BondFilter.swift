import FixedIncome
import InnobondModel

/// Which bonds an analysis covers: an issue period and any of the registry's
/// attributes. An empty set means no restriction on that attribute.
public struct BondFilter: Sendable, Hashable, Codable {
    /// Issue dates included.
    public var issued: DateRange
    public var markets: Set<Market>
    public var regimes: Set<Regime>
    /// The issuer's sector.
    public var sectors: Set<Sector>
    public var ratings: Set<Rating>
    /// The issuer's ownership.
    public var ownerships: Set<Ownership>
    /// The issuer's province, in pinyin, in any case.
    public var provinces: Set<String>
    /// Sci-tech bonds only (`true`), conventional only (`false`), or both.
    public var sciTech: Bool?
    /// Text searched, case-insensitively, in the bond's code and name and its
    /// issuer's names, and as pinyin in the issuer's Chinese name (``TextSearch``).
    public var text: String?

    public init(
        issued: DateRange = .all, markets: Set<Market> = [], regimes: Set<Regime> = [], sectors: Set<Sector> = [],
        ratings: Set<Rating> = [], ownerships: Set<Ownership> = [], provinces: Set<String> = [],
        sciTech: Bool? = nil, text: String? = nil
    ) {
        self.issued = issued
        self.markets = markets
        self.regimes = regimes
        self.sectors = sectors
        self.ratings = ratings
        self.ownerships = ownerships
        self.provinces = provinces
        self.sciTech = sciTech
        self.text = text
    }

    /// Every bond.
    public static let all = BondFilter()

    /// Encodes the sets in a fixed order (the enumerations' own, ratings best
    /// first, provinces alphabetical), so that the same filter always gives
    /// the same bytes.
    public func encode(to encoder: any Encoder) throws {
        func ordered<Value: CaseIterable & Hashable>(_ values: Set<Value>) -> [Value] {
            Value.allCases.filter(values.contains)
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(issued, forKey: .issued)
        try container.encode(ordered(markets), forKey: .markets)
        try container.encode(ordered(regimes), forKey: .regimes)
        try container.encode(ordered(sectors), forKey: .sectors)
        try container.encode(ratings.sorted(), forKey: .ratings)
        try container.encode(ordered(ownerships), forKey: .ownerships)
        try container.encode(provinces.sorted(), forKey: .provinces)
        try container.encodeIfPresent(sciTech, forKey: .sciTech)
        try container.encodeIfPresent(text, forKey: .text)
    }

    /// Whether a bond, with its issuer when known, passes the filter. To test
    /// many bonds, make a ``Scan`` once.
    public func matches(_ bond: Bond, issuer: Issuer?) -> Bool {
        Scan(self).matches(bond, issuer: issuer)
    }

    /// Whether any condition is on the issuer.
    var readsIssuer: Bool {
        !sectors.isEmpty || !ownerships.isEmpty || !provinces.isEmpty || !(text ?? "").isEmpty
    }

    /// The same filter with the sci-tech condition replaced.
    public func with(sciTech: Bool?) -> BondFilter {
        var copy = self
        copy.sciTech = sciTech
        return copy
    }
}

extension RegistrySnapshot {
    /// The bonds a filter passes, in registry order.
    public func bonds(matching filter: BondFilter) -> [Bond] {
        positions(matching: filter).map { bonds[$0] }
    }

    /// The positions in ``bonds`` of the bonds a filter passes, ascending.
    /// Analyses of a million bonds read them in place through these:
    /// copying a bond retains each of its texts.
    public func positions(matching filter: BondFilter) -> [Int] {
        let scan = BondFilter.Scan(filter)
        guard filter.readsIssuer else { return bonds.indices.filter { scan.passes(bonds[$0], verdict: nil) } }
        // Each issuer is judged once, not once for each of its bonds.
        let verdicts = issuersByCode.mapValues(scan.verdict(on:))
        return bonds.indices.filter { scan.passes(bonds[$0], verdict: verdicts[bonds[$0].uscc]) }
    }
}
