import FixedIncome
import InnobondInsights
import InnobondModel

@testable import InnobondServer

/// The bond list found by reading every bond: how the screener worked
/// before it had an index, kept as the reference its answers must equal.
struct FullScan {
    let screener: BondScreener
    var current: RegistryState.Current { screener.current }
    var today: CivilDate { screener.today }
    var age: QuoteAge { QuoteAge(today: screener.today, calendarData: .china) }
    func figures(_ bond: Bond) -> LatestValuations.Figures? { screener.figures(bond) }
    func remainingYears(_ bond: Bond) -> Double { screener.remainingYears(bond) }
    func outstanding(_ bond: Bond) -> Money { screener.outstanding(bond) }
    typealias Facets = BondScreener.Facets

    /// The bonds the query passes, in its order, and the facets of its filter.
    func run(_ query: BondQuery) -> (ordered: [Bond], facets: Facets) {
        let bonds = current.snapshot.bonds
        let filter = query.filter
        let screen = query.screen
        var others = filter
        others.markets = []
        others.regimes = []
        others.sectors = []
        others.ratings = []
        let issuers = current.snapshot.issuersByCode
        // The quote dates at or after which a quote is young enough, by market.
        let youngest = screen.quoteAgeMax.map { days in
            Dictionary(
                uniqueKeysWithValues: Market.allCases.map { ($0, age.earliestDate(ageAtMost: days, market: $0)) })
        }
        // Counts by each enumeration's position (ratings by rank).
        var marketCounts = [Int](repeating: 0, count: Market.allCases.count)
        var regimeCounts = [Int](repeating: 0, count: Regime.allCases.count)
        var sectorCounts = [Int](repeating: 0, count: Sector.allCases.count)
        var ratingCounts = [Int](repeating: 0, count: Rating.scale.count)
        let markets = Dictionary(uniqueKeysWithValues: Market.allCases.enumerated().map { ($1, $0) })
        let regimes = Dictionary(uniqueKeysWithValues: Regime.allCases.enumerated().map { ($1, $0) })
        let sectors = Dictionary(uniqueKeysWithValues: Sector.allCases.enumerated().map { ($1, $0) })
        var passed: [Int] = []
        for index in bonds.indices {
            let bond = bonds[index]
            let issuer = issuers[bond.uscc]
            guard others.matches(bond, issuer: issuer), passes(bond, screen, youngest: youngest) else { continue }
            let sector = issuer?.sector
            let missesMarket = !filter.markets.isEmpty && !filter.markets.contains(bond.market)
            let missesRegime = !filter.regimes.isEmpty && !(bond.regime.map(filter.regimes.contains) ?? false)
            let missesSector = !filter.sectors.isEmpty && !(sector.map(filter.sectors.contains) ?? false)
            let missesRating = !filter.ratings.isEmpty && !(bond.rating.map(filter.ratings.contains) ?? false)
            let missed = [missesMarket, missesRegime, missesSector, missesRating].count { $0 }
            guard missed <= 1 else { continue }
            if missed == 0 { passed.append(index) }
            // A bond counts for a facet when it passes every other condition.
            if missed == 0 || missesMarket { marketCounts[markets[bond.market]!] += 1 }
            if missed == 0 || missesRegime, let regime = bond.regime { regimeCounts[regimes[regime]!] += 1 }
            if missed == 0 || missesSector, let sector { sectorCounts[sectors[sector]!] += 1 }
            if missed == 0 || missesRating, let rating = bond.rating { ratingCounts[rating.rank] += 1 }
        }
        let facets = Facets(
            market: Market.allCases.enumerated().map { .init(value: $1.rawValue, count: marketCounts[$0]) },
            regime: Regime.allCases.enumerated().map { .init(value: $1.rawValue, count: regimeCounts[$0]) },
            sector: Sector.allCases.enumerated().map { .init(value: $1.rawValue, count: sectorCounts[$0]) },
            rating: Rating.scale.indices.filter { ratingCounts[$0] > 0 }.map {
                .init(value: Rating.scale[$0], count: ratingCounts[$0])
            })
        return (order(passed, query, issuers: issuers).map { bonds[$0] }, facets)
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

    /// The bonds at `indices` of the registry in the query's order, ties by
    /// code; bonds without the sorted figure last, whichever the direction.
    /// Sorts positions against keys read once, never the bonds themselves.
    private func order(_ indices: [Int], _ query: BondQuery, issuers: [USCC: Issuer]) -> [Int] {
        let bonds = current.snapshot.bonds
        let descending = query.descending
        let codes = indices.map { bonds[$0].code.value }
        func tie(_ a: Int, _ b: Int) -> Bool { descending ? codes[b] < codes[a] : codes[a] < codes[b] }
        var positions = Array(indices.indices)
        switch query.sort {
        case .code:
            positions.sort(by: tie)
        case .name, .issuer:
            let names = indices.map {
                query.sort == .name ? bonds[$0].name : issuers[bonds[$0].uscc]?.name ?? ""
            }
            positions.sort { a, b in
                names[a] == names[b] ? tie(a, b) : descending ? names[b] < names[a] : names[a] < names[b]
            }
        default:
            let keys = indices.map { key(query.sort, bonds[$0]) }
            positions.sort { a, b in
                switch (keys[a], keys[b]) {
                case (let x?, let y?): return x == y ? tie(a, b) : descending ? x > y : x < y
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return tie(a, b)
                }
            }
        }
        return positions.map { indices[$0] }
    }

    /// What a sort other than by code or name orders by; `nil` sorts last.
    private func key(_ sort: BondQuery.Sort, _ bond: Bond) -> Double? {
        switch sort {
        case .issueDate: return Double(bond.issueDate.dayNumber)
        case .maturityDate: return Double(bond.maturityDate.dayNumber)
        case .amount: return Double(bond.amount.fen)
        case .coupon: return bond.couponRatePercent
        // Unrated after the worst rating (first when descending), as ranks run best first.
        case .rating: return Double(bond.rating?.rank ?? Int.max)
        case .quoteDate: return current.valuations[bond.code].map { Double($0.quote.date.dayNumber) }
        case .cleanPrice: return figures(bond)?.cleanPrice
        case .yield: return figures(bond)?.yieldPercent
        case .gSpread: return figures(bond)?.gSpreadBp
        case .zSpread: return figures(bond)?.zSpreadBp
        case .duration: return figures(bond)?.modifiedDuration
        case .remaining: return remainingYears(bond)
        case .outstanding: return Double(outstanding(bond).fen)
        case .code, .name, .issuer: return nil
        }
    }
}
