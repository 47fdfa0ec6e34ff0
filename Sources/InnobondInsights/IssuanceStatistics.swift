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

    /// The month of a date, counted from January of year 0.
    static func month(_ date: CivilDate) -> Int { date.year * 12 + date.month - 1 }

    /// The key of a month in ``byMonth``: `YYYY-MM`.
    static func monthKey(_ month: Int) -> String {
        .padded(month / 12, width: 4) + "-" + .padded(month % 12 + 1, width: 2)
    }

    /// - Parameter leagueSize: how many issuers the league table keeps.
    public init(_ snapshot: RegistrySnapshot, filter: BondFilter, leagueSize: Int = 20) {
        // The bonds read in place, by position: copying them costs more than the counting.
        let all = snapshot.bonds
        let positions = snapshot.positions(matching: filter)
        self.filter = filter
        bonds = positions.count
        let amounts = positions.map { all[$0].amount.fen }
        let total = amounts.reduce(Int64(0)) { $0.addingClamped($1) }
        amountFen = total
        tenorYears = SampleStatistics(positions.map { all[$0].tenorYears })
        couponPercent = SampleStatistics(positions.map { all[$0].couponRatePercent })

        // Breakdowns count by small integer codes; issuers by their position in the snapshot.
        let issuersByCode = snapshot.issuersByCode
        let owners = positions.map { all[$0].uscc }
        var issuerIDs: [USCC: Int] = [:]
        let ownerIDs = owners.map { uscc in
            if let id = issuerIDs[uscc] { return id }
            issuerIDs[uscc] = issuerIDs.count
            return issuerIDs.count - 1
        }
        let sectorOrder = Sector.allCases
        let ownershipOrder = Ownership.allCases
        var sectorCodes = [Int](repeating: -1, count: positions.count)
        var ownershipCodes = [Int](repeating: -1, count: positions.count)
        for (index, uscc) in owners.enumerated() {
            if let issuer = issuersByCode[uscc] {
                sectorCodes[index] = sectorOrder.firstIndex(of: issuer.sector)!
                ownershipCodes[index] = ownershipOrder.firstIndex(of: issuer.ownership)!
            }
        }
        /// Groups by an integer code of each bond (by index), named by `key`:
        /// totals in arrays indexed by the code, and an issuer counted once
        /// a group by a bit for each pair (a set for each group when the
        /// bits would take more than 8 MB).
        func groups(
            _ code: (Int) -> Int, key: (Int) -> String, label: (String) -> String, order: [Int]? = nil,
            sort: ((Group, Group) -> Bool)? = nil
        ) -> [Group] {
            let codes = amounts.indices.map(code)
            let low = Swift.min(codes.min() ?? .max, order?.min() ?? .max)
            let high = Swift.max(codes.max() ?? .min, order?.max() ?? .min)
            guard low <= high else { return [] }
            let width = high - low + 1
            var fen = [Int64](repeating: 0, count: width)
            var count = [Int](repeating: 0, count: width)
            var distinct = [Int](repeating: 0, count: width)
            // Whether a bond's issuer is new to its group: a bit a pair, or a set a
            // group when the bits would pass 8 MB.
            let pairs = width * issuerIDs.count
            let byBits = pairs <= 1 << 26
            var bits = [UInt64](repeating: 0, count: byBits ? (pairs + 63) / 64 : 0)
            var sets = [Set<Int>](repeating: [], count: byBits ? 0 : width)
            for index in codes.indices {
                let slot = codes[index] - low
                fen[slot].addClamped(amounts[index])
                count[slot] += 1
                let isNew: Bool
                if byBits {
                    let bit = slot * issuerIDs.count + ownerIDs[index]
                    isNew = bits[bit >> 6] & (1 << (bit & 63)) == 0
                    bits[bit >> 6] |= 1 << (bit & 63)
                } else {
                    isNew = sets[slot].insert(ownerIDs[index]).inserted
                }
                if isNew { distinct[slot] += 1 }
            }
            let values = order ?? count.indices.filter { count[$0] > 0 }.map { $0 + low }
            let result = values.map { value in
                let slot = value - low
                let name = key(value)
                return Group(
                    key: name, label: label(name), issuers: distinct[slot], bonds: count[slot],
                    amountFen: fen[slot], share: total > 0 ? Double(fen[slot]) / Double(total) : 0)
            }
            return sort.map { result.sorted(by: $0) } ?? result
        }
        let byAmount: (Group, Group) -> Bool = { ($0.amountFen, $1.key) > ($1.amountFen, $0.key) }

        bySector = groups(
            { sectorCodes[$0] }, key: { $0 < 0 ? "unknown" : sectorOrder[$0].rawValue },
            label: { Sector(rawValue: $0)?.label ?? "Unknown issuer" }, sort: byAmount)
        let months = positions.map { Self.month(all[$0].issueDate) }
        let monthRange = months.min().map { $0...months.max()! }
        byMonth = groups({ months[$0] }, key: Self.monthKey, label: { $0 }, order: monthRange.map(Array.init) ?? [])
        let ratings = positions.map { all[$0].rating?.rank ?? Rating.scale.count }
        byRating = groups(
            { ratings[$0] }, key: { $0 < Rating.scale.count ? Rating.scale[$0] : "unrated" }, label: { $0 }
        ).sorted { (Rating($0.key)?.rank ?? Rating.scale.count) < (Rating($1.key)?.rank ?? Rating.scale.count) }
        let bucketOrder = TenorBucket.allCases
        let buckets = positions.map { bucketOrder.firstIndex(of: all[$0].tenorBucket)! }
        byTenor = groups(
            { buckets[$0] }, key: { bucketOrder[$0].rawValue }, label: { TenorBucket(rawValue: $0)!.label },
            order: Array(bucketOrder.indices))
        byIssuerType = groups(
            { ownershipCodes[$0] }, key: { $0 < 0 ? "unknown" : ownershipOrder[$0].rawValue },
            label: { Ownership(rawValue: $0)?.label ?? "Unknown issuer" }, sort: byAmount)
        let marketOrder = Market.allCases
        let markets = positions.map { marketOrder.firstIndex(of: all[$0].market)! }
        byMarket = groups(
            { markets[$0] }, key: { marketOrder[$0].rawValue }, label: { Market(rawValue: $0)!.label },
            sort: byAmount)

        issuers = issuerIDs.count
        var usccOfID = [USCC](repeating: USCC.completing("00000000000000000")!, count: issuerIDs.count)
        for (uscc, id) in issuerIDs { usccOfID[id] = uscc }
        var fenByIssuer = [Int64](repeating: 0, count: issuerIDs.count)
        var bondsByIssuer = [Int](repeating: 0, count: issuerIDs.count)
        for index in amounts.indices {
            fenByIssuer[ownerIDs[index]].addClamped(amounts[index])
            bondsByIssuer[ownerIDs[index]] += 1
        }
        let ranked = fenByIssuer.indices.sorted {
            (fenByIssuer[$0], usccOfID[$1]) > (fenByIssuer[$1], usccOfID[$0])
        }
        league = ranked.prefix(leagueSize).map { id in
            let uscc = usccOfID[id]
            let fen = fenByIssuer[id]
            return LeagueEntry(
                uscc: uscc.value, name: issuersByCode[uscc]?.name ?? uscc.value, bonds: bondsByIssuer[id],
                amountFen: fen, share: total > 0 ? Double(fen) / Double(total) : 0)
        }
    }
}

extension String {
    /// A non-negative number with at least `width` digits: `padded(3, width: 2)` is `03`.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
