import Foundation
import Synchronization

/// The end of a child process, awaited without holding a thread.
///
/// `Process.waitUntilExit()` blocks its thread. In an async test that thread
/// is one of the few the cooperative pool has (two on a two-core machine),
/// and two commands waited for that way stop every other test's async work,
/// database pools and watchdogs included, for as long as the commands run.
public final class ProcessEnd: Sendable {
    private let state = Mutex<(ended: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
    private let endedAt = Mutex<ContinuousClock.Instant?>(nil)

    /// Watches `process`, which must not have been started yet: its
    /// termination handler is this watch's.
    public init(_ process: Process) {
        process.terminationHandler = { _ in self.finish() }
    }

    private func finish() {
        endedAt.withLock { $0 = .now }
        let waiters = state.withLock { state in
            state.ended = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether the process has ended.
    public var hasEnded: Bool { state.withLock { $0.ended } }

    /// When the process was seen to end, by its termination handler (on a
    /// thread of Foundation's, not the test's: a test whose threads are
    /// held by other tests' work learns of the end late, but this does not
    /// move); `nil` while it runs.
    public var endTime: ContinuousClock.Instant? { endedAt.withLock { $0 } }

    /// Returns when the process has ended.
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ended = state.withLock { state in
                if !state.ended { state.waiters.append(continuation) }
                return state.ended
            }
            if ended { continuation.resume() }
        }
    }
}
