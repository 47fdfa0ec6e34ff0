import InnobondModel

extension BondFilter {
    /// A filter made ready to test many bonds: its text lowercased and read
    /// as pinyin, and its provinces lowercased, once. The conditions are
    /// stated here alone; ``BondFilter/matches(_:issuer:)`` makes a scan.
    public struct Scan: Sendable {
        /// What the filter says of an issuer: whether it passes the
        /// conditions on the issuer, and whether it holds the text
        /// (``TextSearch/matches(_:)``; worked out only when it passes).
        public struct Verdict: Sendable {
            public var passes: Bool
            public var named: Bool
        }

        public let filter: BondFilter
        private let search: TextSearch?
        private let provinces: Set<String>

        public init(_ filter: BondFilter) {
            self.filter = filter
            search = filter.text.flatMap { $0.isEmpty ? nil : TextSearch($0) }
            provinces = Set(filter.provinces.map { $0.lowercased() })
        }

        /// Whether a bond, with its issuer when known, passes the filter.
        public func matches(_ bond: Bond, issuer: Issuer?) -> Bool {
            passes(bond, verdict: issuer.map(verdict(on:)))
        }

        /// Whether a bond passes, given the verdict on its issuer: `nil` when
        /// the issuer is not known, which then passes no condition on it.
        public func passes(_ bond: Bond, verdict: Verdict?) -> Bool {
            guard bondPasses(bond) else { return false }
            if readsIssuerFields && verdict?.passes != true { return false }
            guard let search else { return true }
            return verdict?.named == true || search.isHeld(in: bond.code.value) || search.isHeld(in: bond.name)
        }

        /// The verdict on an issuer.
        public func verdict(on issuer: Issuer) -> Verdict {
            let passes =
                (filter.sectors.isEmpty || filter.sectors.contains(issuer.sector))
                && (filter.ownerships.isEmpty || filter.ownerships.contains(issuer.ownership))
                && (provinces.isEmpty || provinces.contains(issuer.province.lowercased()))
            return Verdict(passes: passes, named: passes && search?.matches(issuer) == true)
        }

        /// Whether the bond's own fields pass: every condition but those on
        /// its issuer and the text.
        private func bondPasses(_ bond: Bond) -> Bool {
            guard filter.issued.contains(bond.issueDate) else { return false }
            if let sciTech = filter.sciTech, bond.sciTech != sciTech { return false }
            if !filter.markets.isEmpty && !filter.markets.contains(bond.market) { return false }
            if !filter.regimes.isEmpty && !(bond.regime.map(filter.regimes.contains) ?? false) { return false }
            if !filter.ratings.isEmpty && !(bond.rating.map(filter.ratings.contains) ?? false) { return false }
            return true
        }

        /// Whether a condition is on the issuer's sector, ownership or province.
        private var readsIssuerFields: Bool {
            !filter.sectors.isEmpty || !filter.ownerships.isEmpty || !filter.provinces.isEmpty
        }
    }
}
