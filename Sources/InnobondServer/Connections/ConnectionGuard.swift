import Metrics
import NIOCore
import Synchronization

/// The server's open connections, shared by all of them: admits a new one
/// within ``ConnectionLimits/maximum`` and ``ConnectionLimits/perAddress``
/// by closing the connection that has waited longest for a request, and
/// refuses it only when every connection is serving one. A client holding
/// many idle connections thus loses its oldest, and a new client is always
/// let in.
final class ConnectionGuard: Sendable {
    private struct Entry {
        let channel: any Channel
        let address: String
        /// Whether a request is being read or answered.
        var busy = false
        /// When the connection last became idle (or opened).
        var idleSince: ContinuousClock.Instant
    }

    private struct State {
        var next = 0
        var entries: [Int: Entry] = [:]
        var perAddress: [String: Int] = [:]

        mutating func remove(_ id: Int) -> Entry? {
            guard let entry = entries.removeValue(forKey: id) else { return nil }
            perAddress[entry.address, default: 1] -= 1
            if perAddress[entry.address] == 0 { perAddress[entry.address] = nil }
            return entry
        }

        /// The idle connection that has waited longest, of `address` or of any.
        func oldestIdle(of address: String?) -> Int? {
            entries.filter { !$0.value.busy && (address == nil || $0.value.address == address) }
                .min { $0.value.idleSince < $1.value.idleSince }?.key
        }
    }

    let limits: ConnectionLimits
    private let state = Mutex(State())

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Admits a new connection: its id, or `nil` when it must be closed.
    func admit(_ channel: any Channel) -> Int? {
        let address = channel.remoteAddress?.ipAddress ?? "local"
        let (id, evicted): (Int?, (any Channel)?) = state.withLock { state in
            var victim: Int?
            if state.perAddress[address, default: 0] >= limits.perAddress {
                guard let oldest = state.oldestIdle(of: address) else { return (nil, nil) }
                victim = oldest
            } else if state.entries.count >= limits.maximum {
                guard let oldest = state.oldestIdle(of: nil) else { return (nil, nil) }
                victim = oldest
            }
            let evicted = victim.flatMap { state.remove($0) }?.channel
            let id = state.next
            state.next += 1
            state.entries[id] = Entry(channel: channel, address: address, idleSince: .now)
            state.perAddress[address, default: 0] += 1
            return (id, evicted)
        }
        if let evicted {
            evicted.close(promise: nil)
            Self.closed("evicted")
        }
        if id == nil { Self.closed("refused") }
        return id
    }

    /// Marks a connection busy (reading or answering a request) or idle.
    func setBusy(_ id: Int, _ busy: Bool) {
        state.withLock { state in
            state.entries[id]?.busy = busy
            if !busy { state.entries[id]?.idleSince = .now }
        }
    }

    /// Forgets a connection that closed.
    func remove(_ id: Int) {
        _ = state.withLock { $0.remove(id) }
    }

    /// How many connections are open.
    var count: Int { state.withLock { $0.entries.count } }

    /// Counts a connection the server closed, by why.
    static func closed(_ reason: String) {
        Counter(label: "innobond_connections_closed_total", dimensions: [("reason", reason)]).increment()
    }
}
