import FixedIncome
import InnobondModel

/// How much was issued, by whom, for how long and at what coupon: the bonds
/// a filter passes, in totals and in breakdowns.
public struct IssuanceStatistics: Sendable, Codable, Equatable {
    /// Bonds sharing one value of a breakdown.
    public struct Group: Sendable, Codable, Equatable {
        /// The value: a raw enum value, `YYYY-MM`, a rating, a tenor bucket.
        public var key: String
        /// A label for tables and charts.
        public var label: String
        public var issuers: Int
        public var bonds: Int
        /// Amount issued, integer fen.
        public var amountFen: Int64
        /// Share of the filtered amount, 0...1 (0 when nothing was issued).
        public var share: Double
    }

    /// An issuer's place in the league table.
    public struct LeagueEntry: Sendable, Codable, Equatable {
        public var uscc: String
        public var name: String
        public var bonds: Int
        /// Amount issued, integer fen.
        public var amountFen: Int64
        /// Share of the filtered amount, 0...1.
        public var share: Double
    }

    public var filter: BondFilter
    public var issuers: Int
    public var bonds: Int
    /// Amount issued, integer fen.
    public var amountFen: Int64
    /// Tenor at issue to final maturity, in years (days over 365.25); `nil` without bonds.
    public var tenorYears: SampleStatistics?
    /// Coupon rate, percent; `nil` without bonds.
    public var couponPercent: SampleStatistics?
    public var bySector: [Group]
    /// Every month from the first to the last issue month, empty months included.
    public var byMonth: [Group]
    /// Best rating first; unrated bonds last, as `unrated`.
    public var byRating: [Group]
    /// Shortest first, every bucket included.
    public var byTenor: [Group]
    /// By the issuer's ownership.
    public var byIssuerType: [Group]
    public var byMarket: [Group]
    /// Largest amount first.
    public var league: [LeagueEntry]

    /// - Parameter leagueSize: how many issuers the league table keeps.
    public init(_ snapshot: RegistrySnapshot, filter: BondFilter, leagueSize: Int = 20) {
        let bonds = snapshot.bonds(matching: filter)
        self.filter = filter
        self.bonds = bonds.count
        issuers = Set(bonds.map(\.uscc)).count
        let total = bonds.reduce(Int64(0)) { $0 + $1.amount.fen }
        amountFen = total
        tenorYears = SampleStatistics(bonds.map(\.tenorYears))
        couponPercent = SampleStatistics(bonds.map(\.couponRatePercent))

        let issuersByCode = snapshot.issuersByCode
        func groups(
            _ key: (Bond) -> String, label: (String) -> String, order: [String]? = nil,
            sort: ((Group, Group) -> Bool)? = nil
        ) -> [Group] {
            var fen: [String: Int64] = [:]
            var counts: [String: Int] = [:]
            var owners: [String: Set<USCC>] = [:]
            for bond in bonds {
                let value = key(bond)
                fen[value, default: 0] += bond.amount.fen
                counts[value, default: 0] += 1
                owners[value, default: []].insert(bond.uscc)
            }
            let keys = order ?? Array(fen.keys)
            let result = keys.map { value in
                Group(
                    key: value, label: label(value), issuers: owners[value]?.count ?? 0, bonds: counts[value] ?? 0,
                    amountFen: fen[value] ?? 0, share: total > 0 ? Double(fen[value] ?? 0) / Double(total) : 0)
            }
            return sort.map { result.sorted(by: $0) } ?? result
        }
        let byAmount: (Group, Group) -> Bool = { ($0.amountFen, $1.key) > ($1.amountFen, $0.key) }

        bySector = groups(
            { issuersByCode[$0.uscc]?.sector.rawValue ?? "unknown" },
            label: { Sector(rawValue: $0)?.label ?? "Unknown issuer" }, sort: byAmount)
        var monthKeys: [String] = []
        if let first = bonds.map(\.issueDate).min(), let last = bonds.map(\.issueDate).max() {
            var month = first.endOfMonth(addingMonths: 0)
            while month.monthKey <= last.monthKey {
                monthKeys.append(month.monthKey)
                month = month.endOfMonth(addingMonths: 1)
            }
        }
        byMonth = groups({ $0.issueDate.monthKey }, label: { $0 }, order: monthKeys)
        let ratingKeys = Rating.scale + ["unrated"]
        byRating = groups({ $0.rating?.value ?? "unrated" }, label: { $0 }).sorted {
            ratingKeys.firstIndex(of: $0.key)! < ratingKeys.firstIndex(of: $1.key)!
        }
        byTenor = groups(
            { $0.tenorBucket.rawValue }, label: { TenorBucket(rawValue: $0)!.label },
            order: TenorBucket.allCases.map(\.rawValue))
        byIssuerType = groups(
            { issuersByCode[$0.uscc]?.ownership.rawValue ?? "unknown" },
            label: { Ownership(rawValue: $0)?.label ?? "Unknown issuer" }, sort: byAmount)
        byMarket = groups({ $0.market.rawValue }, label: { Market(rawValue: $0)!.label }, sort: byAmount)

        var fenByIssuer: [USCC: Int64] = [:]
        var bondsByIssuer: [USCC: Int] = [:]
        for bond in bonds {
            fenByIssuer[bond.uscc, default: 0] += bond.amount.fen
            bondsByIssuer[bond.uscc, default: 0] += 1
        }
        league = fenByIssuer.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(leagueSize).map { uscc, fen in
            LeagueEntry(
                uscc: uscc.value, name: issuersByCode[uscc]?.name ?? uscc.value, bonds: bondsByIssuer[uscc]!,
                amountFen: fen, share: total > 0 ? Double(fen) / Double(total) : 0)
        }
    }
}

extension Ownership {
    /// A short English label.
    public var label: String {
        switch self {
        case .centralSOE: return "Central SOE"
        case .localSOE: return "Local SOE"
        case .privateOwned: return "Private"
        case .mixed: return "Mixed ownership"
        case .foreign: return "Foreign-invested"
        }
    }
}
