import FixedIncome
import InnobondInsights
import InnobondModel
import Synchronization

/// The registry's bonds indexed for list queries, built once a registry
/// version: a set of bonds for every value of every filter, the latest
/// quote's figures in columns, and for every sort the bonds in its order
/// (built on the first list of that sort, then kept). A list intersects the
/// sets of its conditions and walks the order until its page is full: its
/// cost follows the page and what the conditions leave, not the registry.
final class BondIndex: Sendable {
    let snapshot: RegistrySnapshot
    /// The bonds in the registry's order: a bond's position is its place here.
    let bonds: [Bond]
    /// The registry's issuers; `issuerOf` points into them.
    let issuers: [Issuer]
    /// Each bond's issuer (the first of its code) as a position in
    /// ``issuers``, or -1 when the registry does not know it.
    let issuerOf: [Int32]
    /// By position in `Market.allCases`, `Regime.allCases`, `Sector.allCases`
    /// and `Ownership.allCases` (the last two the issuer's); ratings by rank.
    let markets: [BondBitmap]
    let regimes: [BondBitmap]
    let sectors: [BondBitmap]
    let ownerships: [BondBitmap]
    let ratings: [BondBitmap]
    let sciTech: BondBitmap
    /// The bonds of each issuer province, by the province lowercased.
    let provinces: [String: BondBitmap]
    /// The provinces of the registry's issuers, sorted.
    let provinceNames: [String]
    /// Each bond's issue and maturity dates as day numbers.
    let issueDays: [Int32]
    let maturityDays: [Int32]
    /// Each bond's place among ``markets``, ``regimes``, ``sectors`` and
    /// ``ratings``; ``BondBitmap/noPlace`` when it has none (no issuer, no
    /// rating): facet counts walk a few bonds' places.
    let marketPlaces: [UInt8]
    let regimePlaces: [UInt8]
    let sectorPlaces: [UInt8]
    let ratingPlaces: [UInt8]
    /// Each bond's latest quote date as a day number; `Int32.min` for none.
    let quoteDays: [Int32]
    /// The positions of the bonds with a latest quote, ascending: screens on
    /// quote figures look at these alone.
    let quoted: [Int32]
    /// Each bond's latest quote figures by position in `BondScreen.Measure.allCases`; NaN for none.
    let figures: [[Double]]
    /// Each bond's place in code order.
    private let codeRanks: [Int32]
    private let text: Mutex<(bonds: TextIndex, issuers: TextIndex)?>
    private let orders = Mutex<[OrderKey: Order]>([:])
    /// The life sets of the last day asked for.
    private let lives: Mutex<Lives?>

    /// The bonds of a sort in ascending order, ties by code: first those with
    /// a key, then those without.
    struct Order: Sendable, Equatable {
        let positions: [Int32]
        /// How many have a key: they come first.
        let keyed: Int
    }

    /// A sort, with the day when its keys depend on the day.
    private struct OrderKey: Hashable {
        var sort: BondQuery.Sort
        var day: Int?
    }

    /// The index of `index`'s bonds with other latest quotes: what does not
    /// read the quotes is kept, orders that do are built again when asked for.
    ///
    /// - Parameter changed: the bonds whose latest quote changed, when
    ///   known: only their columns are read again.
    init(_ index: BondIndex, valuations: LatestValuations, changed: [BondCode]? = nil) {
        snapshot = index.snapshot
        bonds = index.bonds
        issuers = index.issuers
        issuerOf = index.issuerOf
        (markets, regimes, sectors, ownerships, ratings) = (
            index.markets, index.regimes, index.sectors, index.ownerships, index.ratings
        )
        (sciTech, provinces, provinceNames) = (index.sciTech, index.provinces, index.provinceNames)
        (issueDays, maturityDays) = (index.issueDays, index.maturityDays)
        (marketPlaces, regimePlaces, sectorPlaces, ratingPlaces) = (
            index.marketPlaces, index.regimePlaces, index.sectorPlaces, index.ratingPlaces
        )
        if let changed {
            var (quoteDays, figures) = (index.quoteDays, index.figures)
            for code in changed {
                guard let position = index.snapshot.position(of: code) else { continue }
                let valued = valuations[code]
                quoteDays[position] = valued.map { Int32($0.quote.date.dayNumber) } ?? .min
                for (place, measure) in BondScreen.Measure.allCases.enumerated() {
                    figures[place][position] = valued.flatMap(measure.value) ?? .nan
                }
            }
            (self.quoteDays, self.figures) = (quoteDays, figures)
        } else {
            (quoteDays, figures) = Self.quoteColumns(snapshot, valuations)
        }
        quoted = Self.quotedPositions(quoteDays)
        codeRanks = index.codeRanks
        text = Mutex(index.text.withLock { $0 })
        lives = Mutex(index.lives.withLock { $0 })
        // Orders that read quotes: with few bonds requoted, those bonds are put
        // back at their new places; else built again when asked for.
        let kept = index.orders.withLock { $0 }
        var orders = kept.filter { !Self.readsQuotes($0.key.sort) }
        if let changed, changed.count * 100 <= bonds.count {
            let moved = changed.compactMap { snapshot.position(of: $0).map(Int32.init) }
            for (key, order) in kept where Self.readsQuotes(key.sort) {
                orders[key] = reordered(order, key.sort, day: CivilDate(dayNumber: key.day ?? 0)!, moved: moved)
            }
        }
        self.orders.withLock { $0 = orders }
    }

    init(snapshot: RegistrySnapshot, valuations: LatestValuations) {
        self.snapshot = snapshot
        let bonds = snapshot.bonds
        let count = bonds.count
        self.bonds = bonds
        issuers = snapshot.issuers
        var issuerPositions: [USCC: Int32] = [:]
        for (position, issuer) in snapshot.issuers.enumerated() where issuerPositions[issuer.uscc] == nil {
            issuerPositions[issuer.uscc] = Int32(position)
        }
        let issuerOf = bonds.map { issuerPositions[$0.uscc] ?? -1 }
        self.issuerOf = issuerOf
        // A value's place by a scan of a few cases: hashing a million values cost more.
        func sets<Value: Equatable>(_ values: [Value], _ value: (Int) -> Value?) -> [BondBitmap] {
            var sets = [BondBitmap](repeating: BondBitmap(count: count), count: values.count)
            for position in 0..<count {
                if let found = value(position), let place = values.firstIndex(of: found) {
                    sets[place].insert(position)
                }
            }
            return sets
        }
        let issuers = snapshot.issuers
        func issuer(_ position: Int) -> Issuer? {
            let place = Int(issuerOf[position])
            return place < 0 ? nil : issuers[place]
        }
        markets = sets(Market.allCases) { bonds[$0].market }
        regimes = sets(Regime.allCases) { bonds[$0].regime }
        sectors = sets(Sector.allCases) { issuer($0)?.sector }
        ownerships = sets(Ownership.allCases) { issuer($0)?.ownership }
        ratings = sets(Array(Rating.scale.indices)) { bonds[$0].rating?.rank }
        sciTech = BondBitmap(count: count) { bonds[$0].sciTech }
        issueDays = bonds.map { Int32($0.issueDate.dayNumber) }
        maturityDays = bonds.map { Int32($0.maturityDate.dayNumber) }
        func places<Value: Equatable>(_ values: [Value], _ value: (Int) -> Value?) -> [UInt8] {
            (0..<count).map { position in
                value(position).flatMap { values.firstIndex(of: $0) }.flatMap { UInt8(exactly: $0) }
                    .flatMap { $0 == BondBitmap.noPlace ? nil : $0 } ?? BondBitmap.noPlace
            }
        }
        marketPlaces = places(Market.allCases) { bonds[$0].market }
        regimePlaces = places(Regime.allCases) { bonds[$0].regime }
        sectorPlaces = places(Sector.allCases) { issuer($0)?.sector }
        ratingPlaces = places(Array(Rating.scale.indices)) { bonds[$0].rating?.rank }
        // Provinces in lower case, an issuer's once: a bond takes its issuer's.
        let provinceKeys = Array(Set(issuers.map { $0.province.lowercased() }))
        let provinceOfIssuer = issuers.map { provinceKeys.firstIndex(of: $0.province.lowercased())! }
        var provinceSets = [BondBitmap](repeating: BondBitmap(count: count), count: provinceKeys.count)
        var held = [Bool](repeating: false, count: provinceKeys.count)
        for position in 0..<count where issuerOf[position] >= 0 {
            let place = provinceOfIssuer[Int(issuerOf[position])]
            provinceSets[place].insert(position)
            held[place] = true
        }
        provinces = Dictionary(
            uniqueKeysWithValues: provinceKeys.indices.filter { held[$0] }.map { (provinceKeys[$0], provinceSets[$0]) })
        provinceNames = Set(issuers.map(\.province)).sorted()
        (quoteDays, figures) = Self.quoteColumns(snapshot, valuations)
        quoted = Self.quotedPositions(quoteDays)
        // Stores read bonds in code order: then a bond's rank is its position.
        if snapshot.bondsAreInCodeOrder {
            codeRanks = (0..<Int32(count)).map { $0 }
        } else {
            var byCode = Array(0..<count)
            byCode.sort { bonds[$0].code.value < bonds[$1].code.value }
            var codeRanks = [Int32](repeating: 0, count: count)
            for (rank, position) in byCode.enumerated() { codeRanks[position] = Int32(rank) }
            self.codeRanks = codeRanks
        }
        text = Mutex(nil)
        lives = Mutex(nil)
    }

    /// Each bond's latest quote date and figures, in columns.
    private static func quoteColumns(
        _ snapshot: RegistrySnapshot, _ valuations: LatestValuations
    ) -> ([Int32], [[Double]]) {
        let count = snapshot.bonds.count
        var quoteDays = [Int32](repeating: .min, count: count)
        var figures = [[Double]](
            repeating: [Double](repeating: .nan, count: count), count: BondScreen.Measure.allCases.count)
        // The quoted bonds alone: most of a large registry has no quote.
        for valued in valuations.all {
            guard let position = snapshot.position(of: valued.quote.bondCode) else { continue }
            quoteDays[position] = Int32(valued.quote.date.dayNumber)
            for (place, measure) in BondScreen.Measure.allCases.enumerated() {
                figures[place][position] = measure.value(valued) ?? .nan
            }
        }
        return (quoteDays, figures)
    }

    private static func quotedPositions(_ quoteDays: [Int32]) -> [Int32] {
        quoteDays.indices.filter { quoteDays[$0] != .min }.map(Int32.init)
    }

    /// Whether a sort's keys come from the latest quote.
    private static func readsQuotes(_ sort: BondQuery.Sort) -> Bool {
        [.quoteDate, .cleanPrice, .yield, .gSpread, .zSpread, .duration].contains(sort)
    }

    /// The life on `day` of the bond at `position`, from the index's date columns.
    func life(of position: Int, on day: CivilDate) -> BondLife {
        BondLife(issueDay: Int(issueDays[position]), maturityDay: Int(maturityDays[position]), on: day.dayNumber)
    }

    /// The bonds of each life on a day, and the outstanding bonds of each
    /// remaining-tenor bucket: what status and tenor screens intersect.
    struct Lives: Sendable {
        /// The day number.
        let day: Int
        let notYetIssued: BondBitmap
        let outstanding: BondBitmap
        let matured: BondBitmap
        /// By ``TenorBucket/ordinal``.
        let tenors: [BondBitmap]
    }

    /// The life sets on `day`, built once a day from ranges of issue and
    /// maturity days, as ``BondLife`` and ``BondScreener/bucketBounds``
    /// draw them.
    func lives(on day: CivilDate) -> Lives {
        if let kept = lives.withLock({ $0 }), kept.day == day.dayNumber { return kept }
        let count = bonds.count
        let today = Int32(day.dayNumber)
        func maturing(_ range: ClosedRange<Int32>) -> BondBitmap {
            BondBitmap(count: count, days: maturityDays, in: range)
        }
        let issued = BondBitmap(count: count, days: issueDays, in: .min...today)
        let outstanding = issued.intersection(maturing((today + 1)...(.max)))
        // The bucket at `place` holds (bounds[place - 1], bounds[place]] days left.
        let bounds = BondScreener.bucketBounds.map(Int32.init)
        let tenors = TenorBucket.allCases.indices.map { place in
            let lower = place == 0 ? Int32.min : today + bounds[place - 1] + 1
            let upper = place == bounds.count ? Int32.max : today + bounds[place]
            return outstanding.intersection(maturing(lower...upper))
        }
        let built = Lives(
            day: day.dayNumber, notYetIssued: issued.inverted, outstanding: outstanding,
            matured: issued.intersection(maturing(.min...today)), tenors: tenors)
        lives.withLock { $0 = built }
        return built
    }

    /// The issuer of the bond at `position`, when known.
    func issuer(of position: Int) -> Issuer? {
        let place = Int(issuerOf[position])
        return place < 0 ? nil : issuers[place]
    }

    /// The bonds whose code or name, or whose issuer's names, hold `text`
    /// in any case, or whose issuer's name reads as it in pinyin (as
    /// ``BondFilter/matches(_:issuer:)`` reads them).
    func bonds(containing text: String) -> BondBitmap {
        let search = TextSearch(text)
        let indexes = self.textIndexes()
        var found = BondBitmap(count: bonds.count)
        let bondCandidates = indexes.bonds.records(containing: text) ?? Array(bonds.indices)
        for position in bondCandidates
        where search.isHeld(in: bonds[position].code.value) || search.isHeld(in: bonds[position].name) {
            found.insert(position)
        }
        // The issuers that match (TextSearch.matches): by their names, the
        // index's candidates; by pinyin, which the index does not hold, any.
        var issuerFound = [Bool](repeating: false, count: issuers.count)
        for place in indexes.issuers.records(containing: text) ?? Array(issuers.indices)
        where search.namesHold(issuers[place]) {
            issuerFound[place] = true
        }
        if search.pinyin != nil {
            for place in issuers.indices where !issuerFound[place] && search.isSpelled(by: issuers[place]) {
                issuerFound[place] = true
            }
        }
        if issuerFound.contains(true) {
            for position in bonds.indices where issuerOf[position] >= 0 && issuerFound[Int(issuerOf[position])] {
                found.insert(position)
            }
        }
        return found
    }

    private func textIndexes() -> (bonds: TextIndex, issuers: TextIndex) {
        if let built = text.withLock({ $0 }) { return built }
        // Built outside the lock: two first searches may both build, and the first kept is used.
        let built = (
            TextIndex(bonds.lazy.map { [$0.code.value, $0.name] }),
            TextIndex(issuers.lazy.map { [$0.name, $0.nameEnglish ?? ""] })
        )
        return text.withLock { kept in
            if let kept { return kept }
            kept = built
            return built
        }
    }

    /// Builds every sort's order on `day` ahead of the lists that need it,
    /// on `threads` (away from the threads that answer requests).
    func prepareOrders(on day: CivilDate, threads: RenderThreads) async {
        await withTaskExecutorPreference(threads) { await buildOrders(on: day) }
    }

    private func buildOrders(on day: CivilDate) async {
        for sort in BondQuery.Sort.allCases { _ = order(sort, on: day) }
    }

    /// The bonds in a sort's order on `day`.
    func order(_ sort: BondQuery.Sort, on day: CivilDate) -> Order {
        let key = OrderKey(sort: sort, day: Self.readsDay(sort) ? day.dayNumber : nil)
        if let kept = orders.withLock({ $0[key] }) { return kept }
        let built = makeOrder(sort, day: day)
        return orders.withLock { orders in
            if let kept = orders[key] { return kept }
            // Orders of another day are not asked for again.
            if key.day != nil { orders = orders.filter { $0.key.day == nil || $0.key.day == key.day } }
            orders[key] = built
            return built
        }
    }

    /// Whether a sort's keys change with the day: figures vanish at
    /// maturity, and what is left and outstanding moves.
    private static func readsDay(_ sort: BondQuery.Sort) -> Bool {
        [.cleanPrice, .yield, .gSpread, .zSpread, .duration, .remaining, .outstanding].contains(sort)
    }

    private func makeOrder(_ sort: BondQuery.Sort, day: CivilDate) -> Order {
        arranged((0..<Int32(bonds.count)).map { $0 }, sort, day: day)
    }

    /// The bonds at `positions` in a sort's order: keyed ones ascending by
    /// key, then those without a key; ties by code.
    func arranged(_ positions: [Int32], _ sort: BondQuery.Sort, day: CivilDate) -> Order {
        let codeRanks = codeRanks
        func byCode(_ a: Int32, _ b: Int32) -> Bool { codeRanks[Int(a)] < codeRanks[Int(b)] }
        switch sort {
        case .code:
            return Order(positions: positions.sorted(by: byCode), keyed: positions.count)
        case .name, .issuer:
            let named = positions.map { position in
                (position, name: sort == .name ? bonds[Int(position)].name : issuer(of: Int(position))?.name ?? "")
            }
            let sorted = named.sorted { a, b in a.name == b.name ? byCode(a.0, b.0) : a.name < b.name }
            return Order(positions: sorted.map(\.0), keyed: positions.count)
        default:
            var keyed: [(position: Int32, key: Double)] = []
            var unkeyed: [Int32] = []
            for position in positions {
                if let key = key(sort, position: Int(position), day: day) {
                    keyed.append((position, key))
                } else {
                    unkeyed.append(position)
                }
            }
            keyed.sort { a, b in a.key == b.key ? byCode(a.position, b.position) : a.key < b.key }
            return Order(positions: keyed.map(\.position) + unkeyed.sorted(by: byCode), keyed: keyed.count)
        }
    }

    /// `order` of a sort that reads quotes, with the bonds at `moved` taken
    /// out and put back where their keys now place them: each part (keyed,
    /// then not) merged with the moved bonds sorted as ``makeOrder(_:day:)`` sorts.
    private func reordered(_ order: Order, _ sort: BondQuery.Sort, day: CivilDate, moved: [Int32]) -> Order {
        let codeRanks = codeRanks
        var isMoved = [Bool](repeating: false, count: bonds.count)
        for position in moved { isMoved[Int(position)] = true }
        let keys = moved.map { (position: $0, key: key(sort, position: Int($0), day: day)) }
        func before(_ a: (position: Int32, key: Double), _ b: (position: Int32, key: Double)) -> Bool {
            a.key == b.key ? codeRanks[Int(a.position)] < codeRanks[Int(b.position)] : a.key < b.key
        }
        let keyedIn = keys.compactMap { item in item.key.map { (position: item.position, key: $0) } }.sorted(by: before)
        let unkeyedIn = keys.filter { $0.key == nil }.map(\.position).sorted {
            codeRanks[Int($0)] < codeRanks[Int($1)]
        }
        var positions: [Int32] = []
        positions.reserveCapacity(order.positions.count)
        var next = 0
        for place in 0..<order.keyed where !isMoved[Int(order.positions[place])] {
            let staying = (
                position: order.positions[place], key: key(sort, position: Int(order.positions[place]), day: day)!
            )
            while next < keyedIn.count && before(keyedIn[next], staying) {
                positions.append(keyedIn[next].position)
                next += 1
            }
            positions.append(staying.position)
        }
        positions += keyedIn[next...].map(\.position)
        let keyed = positions.count
        next = 0
        for place in order.keyed..<order.positions.count where !isMoved[Int(order.positions[place])] {
            let staying = order.positions[place]
            while next < unkeyedIn.count && codeRanks[Int(unkeyedIn[next])] < codeRanks[Int(staying)] {
                positions.append(unkeyedIn[next])
                next += 1
            }
            positions.append(staying)
        }
        positions += unkeyedIn[next...]
        return Order(positions: positions, keyed: keyed)
    }

    /// What a sort other than by code or name orders by; `nil` sorts last.
    /// A matured bond has no figures. Reads the index's columns and the
    /// bond's fields in place (a copy of the bond costs more than the key).
    private func key(_ sort: BondQuery.Sort, position: Int, day: CivilDate) -> Double? {
        func figure(_ measure: BondScreen.Measure) -> Double? {
            guard life(of: position, on: day) != .matured else { return nil }
            let value = figures[Self.measurePlaces[measure]!][position]
            return value.isNaN ? nil : value
        }
        switch sort {
        case .issueDate: return Double(issueDays[position])
        case .maturityDate: return Double(maturityDays[position])
        case .amount: return Double(bonds[position].amount.fen)
        case .coupon: return bonds[position].couponRatePercent
        // Unrated after the worst rating (first when descending), as ranks run best first.
        case .rating: return Double(bonds[position].rating?.rank ?? Int.max)
        case .quoteDate: return quoteDays[position] == .min ? nil : Double(quoteDays[position])
        case .cleanPrice: return figure(.cleanPrice)
        case .yield: return figure(.yield)
        case .gSpread: return figure(.gSpread)
        case .zSpread: return figure(.zSpread)
        case .duration: return figure(.duration)
        case .remaining: return BondScreener.remainingYears(daysLeft: Int(maturityDays[position]) - day.dayNumber)
        case .outstanding:
            return life(of: position, on: day) == .outstanding ? Double(bonds[position].amount.fen) : 0
        case .code, .name, .issuer: return nil
        }
    }

    /// Each measure's place in ``figures``.
    private static let measurePlaces = Dictionary(
        uniqueKeysWithValues: BondScreen.Measure.allCases.enumerated().map { ($1, $0) })
}
