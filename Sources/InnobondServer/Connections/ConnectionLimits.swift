import Foundation

/// How many connections a server keeps and how long it waits for their
/// clients: what keeps idle and slow clients from starving the rest.
public struct ConnectionLimits: Sendable {
    /// Connections open at once, all clients together: kept below the
    /// process's descriptor limit, so that the server can always accept.
    public var maximum: Int
    /// Connections open at once from one client address.
    public var perAddress: Int
    /// How long a client has to send a whole request head, from its
    /// connection or from the end of the previous answer: longer, and the
    /// connection closes (an idle keep-alive, or a client sending its
    /// headers a byte at a time).
    public var headerTimeout: Duration
    /// How long a request's body may pause before the connection closes.
    public var bodyTimeout: Duration

    public init(
        maximum: Int = 4096, perAddress: Int = 512, headerTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(30)
    ) {
        self.maximum = maximum
        self.perAddress = perAddress
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
    }

    /// Descriptors kept for everything but client connections: the store,
    /// files being imported, logs.
    static let reservedDescriptors = 128

    /// The limits with ``maximum`` at most what the process's descriptor
    /// limit leaves, after raising its soft limit to its hard one.
    public func fittingDescriptorLimit() -> ConnectionLimits {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return self }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        var fitted = self
        let available = Int(clamping: limit.rlim_cur) - Self.reservedDescriptors
        fitted.maximum = max(1, min(maximum, available))
        fitted.perAddress = min(perAddress, fitted.maximum)
        return fitted
    }
}
