import FixedIncome
import InnobondInsights
import InnobondModel
import Logging
import Testing

@testable import InnobondServer

/// Lists found through the index against lists found by reading every bond
/// (the way the screener worked before it had an index): the same bonds in
/// the same order, the same facet counts and the same places, for hundreds
/// of random queries on the demo registry.
@Suite struct BondIndexTests {
    static func current() async throws -> (RegistryState, RegistryState.Current) {
        let registry = try await ServerFixture.make()
        var logger = Logger(label: "innobond-test")
        logger.logLevel = .warning
        let state = try await RegistryState(store: registry.store, logger: logger)
        return (state, state.now)
    }

    @Test func randomListsMatchAFullScan() async throws {
        let (state, current) = try await Self.current()
        var random = SplitMix(seed: 20_261_207)
        let texts = [
            "tech", "TECH", "科创", "科创债", "演示", ".ib", "1025", "<script>", "co", "é", "zz-none", "bandaoti", "Qí Jiàn",
        ]
        let days = ["2024-06-30", "2025-11-30", "2026-12-01", "2031-01-01"].map { CivilDate($0)! }
        var listed = 0
        for round in 0..<400 {
            var query = BondQuery()
            func some<T: Hashable>(_ values: [T], _ chance: Int) -> Set<T> {
                random.next(100) < chance ? Set(values.filter { _ in random.next(3) == 0 }) : []
            }
            query.filter.markets = some(Market.allCases, 30)
            query.filter.regimes = some(Regime.allCases, 20)
            query.filter.sectors = some(Sector.allCases, 25)
            query.filter.ratings = some(Rating.scale.prefix(8).compactMap(Rating.init), 25)
            query.filter.ownerships = some(Ownership.allCases, 15)
            query.filter.provinces = some(["Jiangsu", "guangdong", "Shanghai", "Beijing", "Zhejiang"], 15)
            if random.next(100) < 25 { query.filter.sciTech = random.next(2) == 0 }
            if random.next(100) < 20 { query.filter.text = texts[random.next(texts.count)] }
            if random.next(100) < 20 {
                query.filter.issued = DateRange(
                    from: CivilDate(year: 2021 + random.next(4), month: 1 + random.next(12), day: 1),
                    to: random.next(2) == 0 ? nil : CivilDate(year: 2025 + random.next(3), month: 6, day: 30))
            }
            query.screen.statuses = some([BondLife.outstanding, .matured, .notYetIssued], 15)
            query.screen.tenors = some(TenorBucket.allCases, 10)
            if random.next(100) < 15 { query.screen.quoteAgeMax = random.next(30) }
            if random.next(100) < 25 {
                let measure = BondScreen.Measure.allCases[random.next(5)]
                let (low, high): (Double, Double) =
                    switch measure {
                    case .cleanPrice: (95, 105)
                    case .yield: (1, 4)
                    case .gSpread, .zSpread: (-20, 150)
                    case .duration: (0.5, 6)
                    }
                query.screen.bounds[measure] = BondScreen.Bounds(
                    min: random.next(2) == 0 ? low + Double(random.next(10)) / 10 : nil,
                    max: random.next(2) == 0 ? high : nil)
            }
            query.sort = BondQuery.Sort.allCases[random.next(BondQuery.Sort.allCases.count)]
            query.descending = random.next(2) == 0
            let day = days[random.next(days.count)]
            let screener = BondScreener(state, current: current, today: day)
            let listing = screener.run(query)
            let expected = FullScan(screener: screener).run(query)
            let found = listing.all.map(\.code.value)
            #expect(found == expected.ordered.map(\.code.value), "round \(round): \(query.queryString())")
            #expect(listing.total == expected.ordered.count)
            // The order a page of few bonds is taken in, for every list.
            #expect(
                listing.inOrder().map { listing.index.bonds[$0].code.value } == expected.ordered.map(\.code.value),
                "round \(round): \(query.queryString())")
            #expect(listing.facets.market.map(\.count) == expected.facets.market.map(\.count), "round \(round)")
            #expect(listing.facets.regime.map(\.count) == expected.facets.regime.map(\.count), "round \(round)")
            #expect(listing.facets.sector.map(\.count) == expected.facets.sector.map(\.count), "round \(round)")
            #expect(listing.facets.rating.map(\.value) == expected.facets.rating.map(\.value), "round \(round)")
            #expect(listing.facets.rating.map(\.count) == expected.facets.rating.map(\.count), "round \(round)")
            // A page from a random place, and the place of a random listed bond.
            if !found.isEmpty {
                listed += 1
                let start = random.next(found.count)
                #expect(listing.bonds(from: start, count: 7).map(\.code.value) == Array(found[start...].prefix(7)))
                #expect(listing.place(of: found[start]) == start)
            }
        }
        // Most queries list something: the comparison is not of empty lists.
        #expect(listed > 200, "\(listed) of 400 queries list a bond")
        #expect(BondScreener(state, current: current, today: days[0]).run(BondQuery()).place(of: "nope") == nil)
    }

    /// A reload of a few new quotes puts the requoted bonds back into the
    /// kept orders: the same orders as an index built afresh.
    @Test func requotedOrdersAreTheOrdersBuiltAfresh() async throws {
        let (state, current) = try await Self.current()
        let snapshot = current.snapshot
        let latest = try await state.store.latestQuotes()
        let before = LatestValuations(snapshot: snapshot, latestQuotes: latest, curves: current.curves)
        let index = BondIndex(snapshot: snapshot, valuations: before)
        let day = CivilDate(year: 2026, month: 12, day: 1)!
        for sort in BondQuery.Sort.allCases { _ = index.order(sort, on: day) }
        // Twelve quotes move, one to a yield alone; three bonds without a quote get one.
        var quotes = latest
        var random = SplitMix(seed: 7)
        var moved: [BondCode] = []
        for round in 0..<12 {
            let place = random.next(quotes.count)
            quotes[place].cleanPrice = round == 0 ? nil : (quotes[place].cleanPrice ?? 100) + Double(round) - 6
            quotes[place].yieldPercent = round == 0 ? 2.5 : quotes[place].yieldPercent
            moved.append(quotes[place].bondCode)
        }
        for bond in snapshot.bonds.filter({ before[$0.code] == nil }).prefix(3) {
            quotes.append(Quote(bondCode: bond.code, date: day, cleanPrice: 99.5, yieldPercent: nil, source: "test"))
            moved.append(bond.code)
        }
        let after = LatestValuations(
            snapshot: snapshot, latestQuotes: quotes, curves: current.curves, reusing: before)
        let patched = BondIndex(index, valuations: after, changed: moved)
        let fresh = BondIndex(snapshot: snapshot, valuations: after)
        #expect(patched.quoteDays == fresh.quoteDays)
        for sort in BondQuery.Sort.allCases {
            #expect(patched.order(sort, on: day) == fresh.order(sort, on: day), "\(sort)")
        }
    }

    @Test func textIndexFindsWhatStringsContain() {
        let texts = [["Café Holdings", "咖啡"], ["cafe\u{301} two", ""], ["ＡＢＣ Fullwidth", "科创债"], ["", ""]]
        let index = TextIndex(texts)
        for needle in ["café", "cafe\u{301}", "CAFÉ", "咖", "科创", "ａｂｃ", "e", "z", "holdings", " two"] {
            let expected = texts.indices.filter { record in
                texts[record].contains { $0.lowercased().contains(needle.lowercased()) }
            }
            let found = index.records(containing: needle) ?? []
            // The index may find more (callers confirm), never fewer.
            #expect(Set(expected).isSubset(of: Set(found)), "\(needle): \(found) lacks some of \(expected)")
        }
        #expect(index.records(containing: "a\u{0}b") == nil)
    }
}

/// SplitMix64: the same random queries on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
