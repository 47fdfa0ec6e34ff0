import FixedIncome
import Foundation
import Logging

/// How a server runs.
public struct ServerSettings: Sendable {
    /// The address to listen on; 127.0.0.1 unless told otherwise.
    public var host: String
    public var port: Int
    /// Whether reads need a token too (writes always do).
    public var isPrivate: Bool
    /// How often to ask the store whether another server has written.
    public var refreshInterval: Duration
    /// Rendered responses kept per registry version.
    public var cachedResponses: Int
    /// The most bytes those responses hold (bodies and keys).
    public var cachedBytes: Int
    /// Level of the structured logs; each request is logged at `debug`.
    public var logLevel: Logger.Level
    /// How many connections are kept, and how long slow clients are waited for.
    public var connections: ConnectionLimits
    /// The working-day calendar's years.
    public var calendarData: WorkingDayCalendarData
    /// Working days after which a bond's latest quote is shown as stale.
    public var staleQuoteDays: Int
    /// The day every answer is as of; `nil` for the UTC date of each request.
    /// A fixed day makes answers reproducible (a briefing kept, a test).
    public var today: CivilDate?
    /// Heavy pages (briefings, statistics, rankings) rendered at once, on
    /// threads of their own.
    public var heavyRenders: Int
    /// How long a heavy page waits for its turn before the request is
    /// refused with 503 and Retry-After.
    public var heavyPatience: Duration
    /// Gives freed heap memory back to the system, called once heavy work
    /// (a heavy page, a reload) ends with none other running: the C
    /// library otherwise keeps what that work freed. `nil` does nothing.
    public var releaseFreeMemory: (@Sendable () -> Void)?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, isPrivate: Bool = false,
        refreshInterval: Duration = .seconds(2), cachedResponses: Int = 2048, cachedBytes: Int = 256 << 20,
        logLevel: Logger.Level = .info,
        connections: ConnectionLimits = ConnectionLimits(), calendarData: WorkingDayCalendarData = .china,
        staleQuoteDays: Int = 5, today: CivilDate? = nil,
        heavyRenders: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1),
        heavyPatience: Duration = .seconds(10), releaseFreeMemory: (@Sendable () -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.isPrivate = isPrivate
        self.refreshInterval = refreshInterval
        self.cachedResponses = cachedResponses
        self.cachedBytes = cachedBytes
        self.logLevel = logLevel
        self.connections = connections
        self.calendarData = calendarData
        self.staleQuoteDays = staleQuoteDays
        self.today = today
        self.heavyRenders = heavyRenders
        self.heavyPatience = heavyPatience
        self.releaseFreeMemory = releaseFreeMemory
    }
}
