import FixedIncome
import InnobondInsights
import InnobondModel

/// The bond list on a day: a query's filter and screen applied in one pass
/// over the registry, the result ordered, and the facet counts beside it.
struct BondScreener: Sendable {
    /// For each value of a facet, the bonds that pass every other condition.
    struct Facets: SnakeCaseKeyed, Sendable {
        struct Count: SnakeCaseKeyed, Sendable {
            var value: String
            var count: Int
        }

        var market: [Count]
        var regime: [Count]
        var sector: [Count]
        var rating: [Count]
    }

    /// What a bond's row shows beyond its terms.
    struct MarketColumns: Sendable {
        var status: BondLife
        /// The amount while outstanding, else zero.
        var outstanding: Money
        /// Actual days to maturity / 365; zero once matured.
        var remainingYears: Double
        /// The latest quote, valued; its figures are `nil` once the bond has matured.
        var figures: LatestValuations.Figures?
        var quoteAge: (days: Int, unit: String)?
        var stale: Bool
    }

    let current: RegistryState.Current
    let age: QuoteAge
    /// Working days after which a quote is stale.
    let staleAfter: Int

    var today: CivilDate { age.today }

    init(current: RegistryState.Current, today: CivilDate, calendarData: WorkingDayCalendarData, staleAfter: Int) {
        self.current = current
        age = QuoteAge(today: today, calendarData: calendarData)
        self.staleAfter = staleAfter
    }

    init(_ state: RegistryState, current: RegistryState.Current, today: CivilDate) {
        self.init(current: current, today: today, calendarData: state.calendarData, staleAfter: state.staleQuoteDays)
    }

    /// The latest quote's figures, without its analytics once the bond has matured.
    func figures(_ bond: Bond) -> LatestValuations.Figures? {
        guard var figures = current.valuations[bond.code] else { return nil }
        if BondLife(bond, on: today) == .matured {
            figures.cleanPrice = nil
            figures.yieldPercent = nil
            figures.gSpreadBp = nil
            figures.zSpreadBp = nil
            figures.modifiedDuration = nil
        }
        return figures
    }

    func market(_ bond: Bond) -> MarketColumns {
        let status = BondLife(bond, on: today)
        let figures = figures(bond)
        let quoteAge = figures.map { age.age(of: $0.quote.date, market: bond.market) }
        return MarketColumns(
            status: status, outstanding: outstanding(bond), remainingYears: remainingYears(bond), figures: figures,
            quoteAge: quoteAge, stale: (quoteAge?.days ?? 0) > staleAfter)
    }

    /// The amount while the bond is outstanding, else zero.
    func outstanding(_ bond: Bond) -> Money {
        BondLife(bond, on: today) == .outstanding ? bond.amount : .zero
    }

    /// Actual days to maturity / 365; zero once matured.
    func remainingYears(_ bond: Bond) -> Double { Self.remainingYears(daysLeft: today.days(to: bond.maturityDate)) }

    /// Years left of `daysLeft` days to maturity: days / 365, zero once matured.
    static func remainingYears(daysLeft: Int) -> Double { max(0, Double(daysLeft) / 365) }

    /// The bonds the query passes, in its order, and the facets of its filter:
    /// the sets of its conditions intersected, each facet's counts those of
    /// its values within the other conditions.
    func run(_ query: BondQuery) -> BondListing {
        let index = current.bondIndex
        let count = index.bonds.count
        let filter = query.filter
        func anyOf<Value: Hashable>(_ chosen: Set<Value>, _ values: [Value], _ sets: [BondBitmap]) -> BondBitmap? {
            chosen.isEmpty
                ? nil : .union(values.indices.filter { chosen.contains(values[$0]) }.map { sets[$0] }, count: count)
        }
        var others = BondBitmap(count: count, full: true)
        if filter.issued != .all {
            let from = filter.issued.from.map { Int32($0.dayNumber) } ?? .min
            let to = filter.issued.to.map { Int32($0.dayNumber) } ?? .max
            others.formIntersection(
                from <= to ? BondBitmap(count: count, days: index.issueDays, in: from...to) : BondBitmap(count: count))
        }
        if let sciTech = filter.sciTech { others.formIntersection(sciTech ? index.sciTech : index.sciTech.inverted) }
        if let owned = anyOf(filter.ownerships, Ownership.allCases, index.ownerships) { others.formIntersection(owned) }
        if !filter.provinces.isEmpty {
            let names = Set(filter.provinces.map { $0.lowercased() })
            others.formIntersection(.union(names.compactMap { index.provinces[$0] }, count: count))
        }
        if let text = filter.text, !text.isEmpty { others.formIntersection(index.bonds(containing: text)) }
        if let screened = screened(query.screen) { others.formIntersection(screened) }
        let market = anyOf(filter.markets, Market.allCases, index.markets)
        let regime = anyOf(filter.regimes, Regime.allCases, index.regimes)
        let sector = anyOf(filter.sectors, Sector.allCases, index.sectors)
        let rating =
            filter.ratings.isEmpty
            ? nil : BondBitmap.union(filter.ratings.map { index.ratings[$0.rank] }, count: count)
        let faceted = [market, regime, sector, rating]
        /// The bonds every condition passes but the facet at `skipped`.
        func passing(skipping skipped: Int?) -> BondBitmap {
            var passed = others
            for (place, set) in faceted.enumerated() where place != skipped {
                if let set { passed.formIntersection(set) }
            }
            return passed
        }
        let members = passing(skipping: nil)
        // A facet's counts are within every condition but its own: for a
        // facet without a condition, within the members, counted together.
        let facetSets = [
            BondBitmap.Facet(sets: index.markets, places: index.marketPlaces),
            BondBitmap.Facet(sets: index.regimes, places: index.regimePlaces),
            BondBitmap.Facet(sets: index.sectors, places: index.sectorPlaces),
            BondBitmap.Facet(sets: index.ratings, places: index.ratingPlaces),
        ]
        let open = faceted.indices.filter { faceted[$0] == nil }
        var counts = [[Int]](repeating: [], count: faceted.count)
        for (place, found) in zip(open, members.intersectionCounts(open.map { facetSets[$0] })) {
            counts[place] = found
        }
        for place in faceted.indices where faceted[place] != nil {
            counts[place] = passing(skipping: place).intersectionCounts([facetSets[place]])[0]
        }
        let facets = Facets(
            market: zip(Market.allCases, counts[0]).map { .init(value: $0.rawValue, count: $1) },
            regime: zip(Regime.allCases, counts[1]).map { .init(value: $0.rawValue, count: $1) },
            sector: zip(Sector.allCases, counts[2]).map { .init(value: $0.rawValue, count: $1) },
            rating: zip(Rating.scale, counts[3]).filter { $1 > 0 }.map { .init(value: $0, count: $1) })
        return BondListing(
            index: index, sort: query.sort, day: today, descending: query.descending, members: members, facets: facets)
    }

    /// For each remaining-tenor bucket but the last, the most days to
    /// maturity it holds: `TenorBucket(from:to:)` as thresholds in days.
    static let bucketBounds: [Int] = TenorBucket.allCases.dropLast().indices.map { place in
        var days = 0
        while TenorBucket(days: days + 1).ordinal <= place { days += 1 }
        return days
    }

    /// The bonds a screen passes on the day; `nil` when it has no condition.
    private func screened(_ screen: BondScreen) -> BondBitmap? {
        if screen.isEmpty { return nil }
        let allowed = lifeAndTenor(screen)
        guard screen.readsQuote else { return allowed }
        // A screen on quote figures passes quoted bonds alone: look at those.
        let index = current.bondIndex
        // The quote dates at or after which a quote is young enough, by market.
        let youngest = screen.quoteAgeMax.map { days in
            Market.allCases.map { Int32(age.earliestDate(ageAtMost: days, market: $0).dayNumber) }
        }
        let bounds = screen.bounds.map { (BondScreen.Measure.allCases.firstIndex(of: $0.key)!, $0.value) }
        func passes(_ position: Int) -> Bool {
            if let allowed, !allowed[position] { return false }
            let quoteDay = index.quoteDays[position]
            guard quoteDay != .min else { return false }
            if let youngest, quoteDay < youngest[Int(index.marketPlaces[position])] { return false }
            // A matured bond's figures are not shown, so no range holds them.
            guard bounds.isEmpty || index.life(of: position, on: today) != .matured else { return false }
            for (place, range) in bounds {
                let value = index.figures[place][position]
                guard !value.isNaN, range.contains(value) else { return false }
            }
            return true
        }
        var passed = BondBitmap(count: index.bonds.count)
        for position in index.quoted where passes(Int(position)) { passed.insert(Int(position)) }
        return passed
    }

    /// The bonds whose life on the day, and whose remaining tenor, a screen
    /// allows; `nil` when it allows any.
    private func lifeAndTenor(_ screen: BondScreen) -> BondBitmap? {
        guard !screen.statuses.isEmpty || !screen.tenors.isEmpty else { return nil }
        let index = current.bondIndex
        let lives = index.lives(on: today)
        var allowed = BondBitmap(count: index.bonds.count, full: screen.statuses.isEmpty)
        if screen.statuses.contains(.notYetIssued) { allowed.formUnion(lives.notYetIssued) }
        if screen.statuses.contains(.outstanding) { allowed.formUnion(lives.outstanding) }
        if screen.statuses.contains(.matured) { allowed.formUnion(lives.matured) }
        if !screen.tenors.isEmpty {
            allowed.formIntersection(
                .union(
                    TenorBucket.allCases.indices.filter { screen.tenors.contains(TenorBucket.allCases[$0]) }.map {
                        lives.tenors[$0]
                    }, count: index.bonds.count))
        }
        return allowed
    }
}
