import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import InnobondStore
import Logging
import Metrics
import Synchronization

/// The server's view of the registry: the latest snapshot, what every page
/// derives from it, and the responses rendered from it. A server keeps
/// nothing else: it reloads the snapshot after its own writes and whenever
/// the store's version moves (another server wrote).
public final class RegistryState: Sendable {
    /// One version of the registry and what is computed once from it.
    public struct Current: Sendable {
        public let version: Int64
        /// The last audit entry read before this version was loaded.
        let lastEntry: Int64?
        public let snapshot: RegistrySnapshot
        public let curves: CurveLibrary
        public let monitor: MacroMonitor
        /// Each bond's latest quote, valued: the screener's market columns.
        public let valuations: LatestValuations
        /// The bonds indexed for lists.
        let bondIndex: BondIndex
        /// The legal shield's measures, targets and holdings; `nil` with
        /// ``shieldProblem`` when the holdings cannot make a graph.
        public let shield: ShieldRegister?
        public let shieldProblem: String?
        /// The parties the measures name, indexed for screening names: built
        /// on first use, since only screening and the review queue need it.
        public var screen: NameScreen { screenIndex.value }
        let screenIndex: LazyNameScreen
        /// The latest date of any bond issue, curve point or money figure's period.
        public let latestDate: CivilDate
        /// When the store stopped answering (UTC, `YYYY-MM-DDTHH:MM:SSZ`),
        /// while it does not: this version is then the last one read.
        public internal(set) var staleSince: String?
        /// The day answers are as of (``RegistryState/today`` when read).
        public internal(set) var today: CivilDate

        /// Where a financing-conditions table ends: `to`, else the vintage
        /// date when one is asked for (what was known then), else the latest date.
        func conditionsEnd(to: CivilDate?, asOf: CivilDate?) -> CivilDate {
            to ?? asOf.map { min($0, latestDate) } ?? latestDate
        }
    }

    public let store: any RegistryStore
    /// The working-day calendar's years: those shipped and any added from files.
    public let calendarData: WorkingDayCalendarData
    /// Working days after which a bond's latest quote is shown as stale.
    public let staleQuoteDays: Int
    /// The day answers are as of when fixed; else each request's UTC date.
    private let fixedDay: CivilDate?
    private let current: Mutex<Current>
    /// Where heavy pages render.
    let heavy: RenderLane
    /// Responses rendered, by request URI, each kept until a write changes what it reads.
    let responses: ResponseCache
    /// Tokens recently seen, dropped whenever a token is revoked.
    let tokens = TokenCache()
    private let revokedTokens: Mutex<Int>
    private let logger: Logger
    /// The kinds the last reload read again; `nil` when it read everything.
    private let reloadedKinds = Mutex<Set<RecordKind>?>(nil)
    /// When the store stopped answering the server's polls, and why; `nil` while it answers.
    private let outage = Mutex<(since: Date, error: String)?>(nil)

    /// Loads the first snapshot.
    public init(
        store: any RegistryStore, cachedResponses: Int = 2048, cachedBytes: Int = 256 << 20,
        calendarData: WorkingDayCalendarData = .china,
        staleQuoteDays: Int = 5, today: CivilDate? = nil,
        heavyRenders: Int = 1, heavyPatience: Duration = .seconds(10),
        releaseFreeMemory: (@Sendable () -> Void)? = nil, logger: Logger
    ) async throws {
        heavy = RenderLane(renders: heavyRenders, patience: heavyPatience, releaseFreeMemory: releaseFreeMemory)
        self.store = store
        fixedDay = today
        self.calendarData = calendarData
        self.staleQuoteDays = staleQuoteDays
        self.logger = logger
        responses = ResponseCache(capacity: cachedResponses, maxBytes: cachedBytes)
        current = Mutex(try await Self.load(store, today: today ?? .today))
        revokedTokens = Mutex(try await store.revokedTokenCount())
        prepareOrders(current.withLock { $0 })
    }

    /// The kinds the last reload read again; `nil` when it read everything.
    var lastReload: Set<RecordKind>? { reloadedKinds.withLock { $0 } }

    /// Builds the sort orders of a version's index in the background, on a
    /// thread of their own, so that the first list of each sort finds it ready.
    private func prepareOrders(_ version: Current) {
        let (index, day) = (version.bondIndex, today)
        Task.detached(priority: .background) { await index.prepareOrders(on: day, threads: RenderLane.background) }
    }

    /// The day answers are as of: the fixed day, else today's UTC date.
    public var today: CivilDate { fixedDay ?? .today }

    /// The registry as the server sees it now.
    public var now: Current {
        var now = current.withLock { $0 }
        now.staleSince = outage.withLock { $0 }.map { Self.timestamp($0.since) }
        now.today = today
        return now
    }

    /// Why the store does not answer, while it does not.
    public var storeError: String? { outage.withLock { $0?.error } }

    /// Records a poll of the store that failed: `true` when it answered the last one.
    func pollFailed(_ error: any Error) -> Bool {
        outage.withLock { outage in
            defer { if outage == nil { outage = (Date(), "\(error)") } }
            return outage == nil
        }
    }

    /// Records a poll of the store that succeeded: how long the store had
    /// not answered, when it had not.
    func pollSucceeded() -> TimeInterval? {
        outage.withLock { outage in
            defer { outage = nil }
            return outage.map { Date().timeIntervalSince($0.since) }
        }
    }

    /// A moment as UTC `YYYY-MM-DDTHH:MM:SSZ`.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: seconds.quotientAndRemainder(dividingBy: 86_400).quotient)!
        let time = seconds % 86_400
        return day.iso8601 + "T"
            + [time / 3600, time % 3600 / 60, time % 60].map {
                $0 < 10 ? "0\($0)" : "\($0)"
            }.joined(separator: ":") + "Z"
    }

    /// Reloads the snapshot when the store's version differs from ours (or always, when `force`).
    public func refresh(force: Bool = false) async throws {
        let revoked = try await Timed.store("tokens") { try await store.revokedTokenCount() }
        if revokedTokens.withLock({ known in
            defer { known = revoked }
            return known != revoked
        }) {
            tokens.removeAll()
        }
        let version = try await Timed.store("version") { try await store.registryVersion() }
        let previous = current.withLock { $0 }
        guard force || version != previous.version else { return }
        // A forced reload of the same version reads everything again.
        let (changed, lastEntry) =
            version == previous.version ? (nil, nil) : try await changedKinds(since: previous, through: version)
        // A reload reads and indexes what changed: off the threads that answer requests.
        let started = ContinuousClock.now
        let next = try await heavy.runAside {
            try await Self.load(
                store, today: today, previous: changed.map { (previous, $0, version) }, lastEntry: lastEntry)
        }
        // Answers that read what changed go before the new version is seen,
        // and those still rendering from the old one are not kept.
        responses.invalidate(changed, at: next.version)
        // Two reloads at once (a poll and a write's): the older never replaces the newer.
        guard
            current.withLock({ now in
                guard next.version >= now.version else { return false }
                now = next
                return true
            })
        else { return }
        reloadedKinds.withLock { $0 = changed }
        // The replaced version's memory, as far as nothing holds it when the release runs.
        heavy.releaseWhenIdle()
        prepareOrders(next)
        logger.info(
            "registry reloaded",
            metadata: [
                "version": "\(next.version)", "bonds": "\(next.snapshot.bonds.count)",
                "took": "\(ContinuousClock.now - started)",
                "kinds": "\(changed.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "all")",
            ])
    }

    /// The kinds written since `previous` was loaded up to `version`, from
    /// the audit log's entries after the last it had seen, and the last
    /// entry taken; `nil` kinds when a full reload is needed (a restore, or
    /// too many entries). Writes that move the version reach the log one at
    /// a time, in the order of their versions, on both stores: none is
    /// passed over, and those after `version` are read the next time.
    private func changedKinds(since previous: Current, through version: Int64) async throws -> (
        Set<RecordKind>?, Int64?
    ) {
        guard let seen = previous.lastEntry else { return (nil, nil) }
        let limit = 1000
        let entries = try await Timed.store("audit") {
            try await store.auditEntries(AuditFilter(after: seen, limit: limit))
        }
        guard entries.count < limit else { return (nil, nil) }
        var kinds: Set<RecordKind> = []
        var last = seen
        for entry in entries {
            guard entry.version <= version else { break }
            last = entry.id ?? last
            guard entry.version > previous.version else { continue }
            guard let kind = entry.kind, entry.action != .restore else { return (nil, nil) }
            kinds.insert(kind)
        }
        // A version that moved without a write of a kind logged: read everything.
        guard !kinds.isEmpty else { return (nil, nil) }
        return (kinds, last)
    }

    /// A registry version and what is computed from it. With `previous`,
    /// `version`, which differs from it only in `changed`: the kinds read
    /// again, and what derives from them computed again; the rest is kept.
    ///
    /// - Parameter lastEntry: the last audit entry read before this load
    ///   (the newest when `nil`): the next reload reads the entries after it.
    private static func load(
        _ store: any RegistryStore, today: CivilDate,
        previous: (current: Current, changed: Set<RecordKind>, version: Int64)? = nil, lastEntry: Int64? = nil
    ) async throws -> Current {
        // The log first: whatever is written after this entry is read again next time.
        var lastEntry = lastEntry
        if lastEntry == nil {
            lastEntry = try await Timed.store("audit") {
                try await store.auditEntries(AuditFilter(limit: 1, newestFirst: true)).first?.id
            }
        }
        guard let (old, changed, version) = previous else {
            let version = try await Timed.store("version") { try await store.registryVersion() }
            let snapshot = try await Timed.store("snapshot") { try await store.loadSnapshot() }
            let latestQuotes = try await Timed.store("latest_quotes") { try await store.latestQuotes() }
            let curves = CurveLibrary(snapshot.curvePoints)
            let valuations = LatestValuations(snapshot: snapshot, latestQuotes: latestQuotes, curves: curves)
            // The shield's register on another core while the bond index is built.
            async let shield = Self.shield(snapshot)
            let bondIndex = BondIndex(snapshot: snapshot, valuations: valuations)
            let (register, problem) = await shield
            return Current(
                version: version, lastEntry: lastEntry, snapshot: snapshot, curves: curves,
                monitor: MacroMonitor(snapshot.macro), valuations: valuations, bondIndex: bondIndex,
                shield: register, shieldProblem: problem, screenIndex: LazyNameScreen(snapshot),
                latestDate: Briefing.latestDate(snapshot, notAfter: today) ?? today, staleSince: nil, today: today)
        }
        let partial = try await Timed.store("snapshot") { try await store.loadSnapshot(at: nil, kinds: changed) }
        let snapshot = old.snapshot.replacing(changed, from: partial)
        let bondsChanged = !changed.isDisjoint(with: Reads.bondIndex.subtracting(Reads.prices))
        let curves = changed.contains(.curves) ? CurveLibrary(snapshot.curvePoints) : old.curves
        var valuations = old.valuations
        // The bonds whose latest quote changed, when only quotes did.
        var requoted: [BondCode]?
        if !changed.isDisjoint(with: Reads.valuations) {
            let latestQuotes = try await Timed.store("latest_quotes") { try await store.latestQuotes() }
            let quotesOnly = changed.isDisjoint(with: Reads.valuations.subtracting([.quotes]))
            // Unchanged quotes of unchanged bonds on unchanged curves keep their figures.
            valuations = LatestValuations(
                snapshot: snapshot, latestQuotes: latestQuotes, curves: curves,
                reusing: quotesOnly ? old.valuations : nil)
            // A latest quote never goes away but with its bond: the changed ones are those not kept.
            if quotesOnly && latestQuotes.count >= old.valuations.count {
                requoted = latestQuotes.filter { old.valuations[$0.bondCode]?.quote != $0 }.map(\.bondCode)
            }
        }
        let bondIndex =
            bondsChanged
            ? BondIndex(snapshot: snapshot, valuations: valuations)
            : changed.isDisjoint(with: Reads.prices)
                ? old.bondIndex : BondIndex(old.bondIndex, valuations: valuations, changed: requoted)
        let shieldChanged = !changed.isDisjoint(with: Reads.shield)
        let shield = shieldChanged ? Self.shield(snapshot) : (register: old.shield, problem: old.shieldProblem)
        let datesChanged = !changed.isDisjoint(with: Reads.latestDate)
        return Current(
            version: version, lastEntry: lastEntry, snapshot: snapshot, curves: curves,
            monitor: changed.contains(.macro) ? MacroMonitor(snapshot.macro) : old.monitor, valuations: valuations,
            bondIndex: bondIndex, shield: shield.register, shieldProblem: shield.problem,
            screenIndex: shieldChanged ? LazyNameScreen(snapshot) : old.screenIndex,
            latestDate: datesChanged ? Briefing.latestDate(snapshot, notAfter: today) ?? today : old.latestDate,
            staleSince: nil, today: today)
    }

    /// The legal shield's register of a snapshot, or why its holdings cannot make one.
    private static func shield(_ snapshot: RegistrySnapshot) -> (register: ShieldRegister?, problem: String?) {
        do {
            return (try ShieldRegister(snapshot), nil)
        } catch {
            return (nil, error.description)
        }
    }
}

extension RegistryState {
    /// The kinds of record each part of a version is computed from: an
    /// answer built on a part reads its kinds.
    enum Reads {
        /// The legal shield's register and the name screen.
        static let shield: Set<RecordKind> = [.issuers, .ownership, .measures, .measureTargets, .matchReviews]
        /// Each bond's latest quote, valued.
        static let valuations: Set<RecordKind> = [.bonds, .quotes, .curves]
        /// The valuations' inputs besides the bonds: when only these change,
        /// the bond index updates its figures in place.
        static let prices = valuations.subtracting([.bonds])
        /// The bonds indexed for lists: the valuations, and the issuers' filters.
        static let bondIndex = valuations.union([.issuers])
        /// The registry's latest date.
        static let latestDate: Set<RecordKind> = [.bonds, .curves, .macro]
    }
}

/// Store calls timed into the `innobond_store_seconds` histogram, by operation.
enum Timed {
    static func store<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        defer {
            Timer(label: "innobond_store_seconds", dimensions: [("operation", operation)])
                .recordInterval(ContinuousClock.now - start)
        }
        return try await body()
    }
}

extension Timer {
    func recordInterval(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// A registry version's ``NameScreen``, built by the first request that
/// needs it. Built outside the lock, so that no request waits on another's
/// work while holding a thread: two first requests may both build it, and
/// the first kept is the one all use.
final class LazyNameScreen: Sendable {
    private let snapshot: RegistrySnapshot
    private let built = Mutex<NameScreen?>(nil)

    init(_ snapshot: RegistrySnapshot) { self.snapshot = snapshot }

    var value: NameScreen {
        if let screen = built.withLock({ $0 }) { return screen }
        let screen = NameScreen(
            measures: snapshot.records(Measure.self), targets: snapshot.records(MeasureTarget.self))
        return built.withLock { built in
            if let kept = built { return kept }
            built = screen
            return screen
        }
    }
}
