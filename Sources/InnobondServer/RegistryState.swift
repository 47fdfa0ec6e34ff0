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
    /// Responses rendered from the current version, by request URI.
    let responses: ResponseCache
    /// Tokens recently seen, dropped whenever a token is revoked.
    let tokens = TokenCache()
    private let revokedTokens: Mutex<Int>
    private let logger: Logger
    /// When the store stopped answering the server's polls, and why; `nil` while it answers.
    private let outage = Mutex<(since: Date, error: String)?>(nil)

    /// Loads the first snapshot.
    public init(
        store: any RegistryStore, cachedResponses: Int = 2048, cachedBytes: Int = 256 << 20,
        calendarData: WorkingDayCalendarData = .china,
        staleQuoteDays: Int = 5, today: CivilDate? = nil,
        heavyRenders: Int = 1, heavyPatience: Duration = .seconds(10), logger: Logger
    ) async throws {
        heavy = RenderLane(renders: heavyRenders, patience: heavyPatience)
        self.store = store
        fixedDay = today
        self.calendarData = calendarData
        self.staleQuoteDays = staleQuoteDays
        self.logger = logger
        responses = ResponseCache(capacity: cachedResponses, maxBytes: cachedBytes)
        current = Mutex(try await Self.load(store, today: today ?? .today))
        revokedTokens = Mutex(try await store.revokedTokenCount())
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
        guard force || version != now.version else { return }
        // A reload reads and indexes the whole registry: off the threads that answer requests.
        let next = try await heavy.runAside { try await Self.load(store, today: today) }
        current.withLock { $0 = next }
        responses.removeAll()
        logger.info(
            "registry reloaded",
            metadata: ["version": "\(next.version)", "bonds": "\(next.snapshot.bonds.count)"])
    }

    private static func load(_ store: any RegistryStore, today: CivilDate) async throws -> Current {
        let version = try await Timed.store("version") { try await store.registryVersion() }
        let snapshot = try await Timed.store("snapshot") { try await store.loadSnapshot() }
        let latestQuotes = try await Timed.store("latest_quotes") { try await store.latestQuotes() }
        let curves = CurveLibrary(snapshot.curvePoints)
        let valuations = LatestValuations(bonds: snapshot.bonds, latestQuotes: latestQuotes, curves: curves)
        let shield: (register: ShieldRegister?, problem: String?)
        do {
            shield = (try ShieldRegister(snapshot), nil)
        } catch {
            shield = (nil, error.description)
        }
        return Current(
            version: version, snapshot: snapshot, curves: curves, monitor: MacroMonitor(snapshot.macro),
            valuations: valuations, bondIndex: BondIndex(snapshot: snapshot, valuations: valuations),
            shield: shield.register, shieldProblem: shield.problem,
            screenIndex: LazyNameScreen(snapshot),
            latestDate: Briefing.latestDate(snapshot, notAfter: today) ?? today, staleSince: nil, today: today)
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
