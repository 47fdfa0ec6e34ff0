import Foundation

/// Work on a thread of its own.
public enum OwnThread {
    /// Runs `body` on a new thread and suspends until it returns: for waits
    /// that must keep to the clock, which a cooperative thread shared with
    /// other tests cannot promise, without holding one of those threads
    /// (see ``ProcessEnd``).
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }
}
