import FixedIncome
import InnobondInsights
import InnobondModel

/// The bond list on a day: a query's filter and screen applied in one pass
/// over the registry, the result ordered, and the facet counts beside it.
struct BondScreener: Sendable {
    /// For each value of a facet, the bonds that pass every other condition.
    struct Facets: Encodable, Sendable {
        struct Count: Encodable, Sendable {
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
    func remainingYears(_ bond: Bond) -> Double {
        max(0, Double(today.days(to: bond.maturityDate)) / 365)
    }

    /// The bonds the query passes, in its order, and the facets of its filter.
    func run(_ query: BondQuery) -> (ordered: [Bond], facets: Facets) {
        let snapshot = current.snapshot
        let filter = query.filter
        let screen = query.screen
        var others = filter
        others.markets = []
        others.regimes = []
        others.sectors = []
        others.ratings = []
        let issuers = snapshot.issuersByCode
        // The quote dates at or after which a quote is young enough, by market.
        let youngest = screen.quoteAgeMax.map { days in
            Dictionary(
                uniqueKeysWithValues: Market.allCases.map {
                    ($0, age.earliestDate(ageAtMost: days, market: $0))
                })
        }
        var marketCounts: [Market: Int] = [:]
        var regimeCounts: [Regime: Int] = [:]
        var sectorCounts: [Sector: Int] = [:]
        var ratingCounts: [Rating: Int] = [:]
        var passed: [Bond] = []
        for bond in snapshot.bonds {
            let issuer = issuers[bond.uscc]
            guard others.matches(bond, issuer: issuer), passes(bond, screen, youngest: youngest) else { continue }
            let sector = issuer?.sector
            let misses = [
                !filter.markets.isEmpty && !filter.markets.contains(bond.market),
                !filter.regimes.isEmpty && !(bond.regime.map(filter.regimes.contains) ?? false),
                !filter.sectors.isEmpty && !(sector.map(filter.sectors.contains) ?? false),
                !filter.ratings.isEmpty && !(bond.rating.map(filter.ratings.contains) ?? false),
            ]
            let missed = misses.count { $0 }
            guard missed <= 1 else { continue }
            if missed == 0 { passed.append(bond) }
            // A bond counts for a facet when it passes every other condition.
            if !misses[1] && !misses[2] && !misses[3] { marketCounts[bond.market, default: 0] += 1 }
            if !misses[0] && !misses[2] && !misses[3], let regime = bond.regime {
                regimeCounts[regime, default: 0] += 1
            }
            if !misses[0] && !misses[1] && !misses[3], let sector { sectorCounts[sector, default: 0] += 1 }
            if !misses[0] && !misses[1] && !misses[2], let rating = bond.rating {
                ratingCounts[rating, default: 0] += 1
            }
        }
        let facets = Facets(
            market: Market.allCases.map { .init(value: $0.rawValue, count: marketCounts[$0] ?? 0) },
            regime: Regime.allCases.map { .init(value: $0.rawValue, count: regimeCounts[$0] ?? 0) },
            sector: Sector.allCases.map { .init(value: $0.rawValue, count: sectorCounts[$0] ?? 0) },
            rating: ratingCounts.keys.sorted().map { .init(value: $0.value, count: ratingCounts[$0]!) })
        return (order(passed, query, issuers: issuers), facets)
    }

    private func passes(
        _ bond: Bond, _ screen: BondScreen, youngest: [Market: CivilDate]?
    ) -> Bool {
        if screen.isEmpty { return true }
        if !screen.statuses.isEmpty && !screen.statuses.contains(BondLife(bond, on: today)) { return false }
        if !screen.tenors.isEmpty {
            guard BondLife(bond, on: today) == .outstanding,
                screen.tenors.contains(TenorBucket(from: today, to: bond.maturityDate))
            else { return false }
        }
        guard screen.readsQuote else { return true }
        guard let figures = figures(bond) else { return false }
        if let youngest, figures.quote.date < youngest[bond.market]! { return false }
        for (measure, bounds) in screen.bounds {
            guard let value = measure.value(figures), bounds.contains(value) else { return false }
        }
        return true
    }

    /// `bonds` in the query's order; bonds without the sorted figure last,
    /// whichever the direction.
    private func order(_ bonds: [Bond], _ query: BondQuery, issuers: [USCC: Issuer]) -> [Bond] {
        let descending = query.descending
        func ascending(_ a: Bond, _ b: Bond) -> Bool {
            switch query.sort {
            case .code: return a.code < b.code
            case .name: return (a.name, a.code) < (b.name, b.code)
            case .issuer:
                let x = issuers[a.uscc]?.name ?? ""
                let y = issuers[b.uscc]?.name ?? ""
                return (x, a.code) < (y, b.code)
            case .issueDate: return (a.issueDate, a.code) < (b.issueDate, b.code)
            case .maturityDate: return (a.maturityDate, a.code) < (b.maturityDate, b.code)
            case .amount: return (a.amount, a.code) < (b.amount, b.code)
            case .coupon: return (a.couponRatePercent, a.code) < (b.couponRatePercent, b.code)
            case .rating:
                let x = a.rating?.rank ?? Int.max
                let y = b.rating?.rank ?? Int.max
                return (x, a.code) < (y, b.code)
            default: return a.code < b.code
            }
        }
        guard let key = key(query.sort) else {
            return bonds.sorted { descending ? ascending($1, $0) : ascending($0, $1) }
        }
        let keyed = bonds.map { (bond: $0, key: key($0)) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case (let x?, let y?):
                let before = x < y || (x == y && a.bond.code < b.bond.code)
                let after = y < x || (x == y && b.bond.code < a.bond.code)
                return descending ? after : before
            case (.some, nil): return true
            case (nil, _): return false
            }
        }.map(\.bond)
    }

    /// The figure a market sort orders by; `nil` for the bond's own terms.
    private func key(_ sort: BondQuery.Sort) -> ((Bond) -> Double?)? {
        switch sort {
        case .quoteDate: return { current.valuations[$0.code].map { Double($0.quote.date.dayNumber) } }
        case .cleanPrice: return { figures($0)?.cleanPrice }
        case .yield: return { figures($0)?.yieldPercent }
        case .gSpread: return { figures($0)?.gSpreadBp }
        case .zSpread: return { figures($0)?.zSpreadBp }
        case .duration: return { figures($0)?.modifiedDuration }
        case .remaining: return { remainingYears($0) }
        case .outstanding: return { Double(outstanding($0).fen) }
        default: return nil
        }
    }
}
