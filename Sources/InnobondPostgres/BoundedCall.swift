import InnobondStore
import NIOCore
import PostgresNIO
import Synchronization

/// How long a call on PostgreSQL may wait before it gives up and says so.
public struct PostgresLimits: Sendable {
    /// How long a call waits for a connection from the pool: a server that is
    /// down or refuses connections makes the call fail after this, as
    /// unavailable, rather than wait for it to come back.
    public var connectionWait: Duration
    /// How long one statement may run. The server cancels a longer one
    /// (`statement_timeout`), and the client gives up on a connection that
    /// has not answered for this long and a grace period more (a server that
    /// stopped, or a link that dropped without closing).
    public var statement: Duration

    public init(connectionWait: Duration = .seconds(5), statement: Duration = .seconds(300)) {
        self.connectionWait = connectionWait
        self.statement = statement
    }

    /// The client waits this much longer than the server's own
    /// `statement_timeout`, so that a server that is alive cancels first and
    /// says why.
    var silence: Duration { statement + .seconds(5) }
}

/// Runs store calls on a pooled connection so that they always end: with
/// their result, with their own error, or with
/// ``StoreError/unavailable(_:)`` as soon as the connection closes under them
/// (the server crashed or was stopped), no connection comes within
/// ``PostgresLimits/connectionWait``, or a statement goes unanswered for
/// longer than ``PostgresLimits/silence``.
///
/// postgres-nio loses a query sent on a connection that has closed (its
/// continuation is never resumed), and a transaction's error path sends a
/// ROLLBACK after the failure that closed it: awaiting the call itself could
/// wait for ever. So the caller waits on an outcome that the call, the
/// connection's end and a watchdog race to settle; a call abandoned that way
/// is cancelled and its connection closed, and nothing it did is committed,
/// since PostgreSQL rolls back a transaction whose connection ends.
enum BoundedCall {
    /// What a call reports as it goes, for its watchdog.
    final class Progress: Sendable {
        private struct State {
            var lastAnswer = ContinuousClock.now
            var connection: PostgresConnection?
            var committing = false
        }
        private let state = Mutex(State())

        /// Marks that the database answered, or that a new statement starts.
        func touch() {
            state.withLock { $0.lastAnswer = .now }
        }

        /// Marks that COMMIT was sent: a connection lost from now on leaves
        /// the outcome unknown.
        func committing() {
            state.withLock {
                $0.committing = true
                $0.lastAnswer = .now
            }
        }

        fileprivate func leased(_ connection: PostgresConnection) {
            state.withLock {
                $0.connection = connection
                $0.lastAnswer = .now
            }
        }

        fileprivate var snapshot:
            (lastAnswer: ContinuousClock.Instant, connection: PostgresConnection?, committing: Bool)
        {
            state.withLock { ($0.lastAnswer, $0.connection, $0.committing) }
        }
    }

    /// Settles a waiting caller once.
    private final class Outcome<Value: Sendable>: Sendable {
        private let continuation: Mutex<CheckedContinuation<Value, any Error>?>

        init(_ continuation: CheckedContinuation<Value, any Error>) {
            self.continuation = Mutex(continuation)
        }

        var isSettled: Bool { continuation.withLock { $0 == nil } }

        func settle(_ result: Result<Value, any Error>) {
            continuation.withLock { continuation in
                continuation?.resume(with: result)
                continuation = nil
            }
        }
    }

    /// Cancels the outcome of a call once it exists, or as soon as it does.
    private final class Cancellation: Sendable {
        private let state = Mutex<(cancelled: Bool, action: (@Sendable () -> Void)?)>((false, nil))

        func onCancel(_ action: @escaping @Sendable () -> Void) {
            let run = state.withLock { state in
                state.action = action
                return state.cancelled
            }
            if run { action() }
        }

        func cancel() {
            let action = state.withLock { state in
                state.cancelled = true
                return state.action
            }
            action?()
        }
    }

    /// How often the watchdog looks.
    private static let tick = Duration.milliseconds(100)

    /// Runs `body` on a connection of `client`'s pool, within `limits`.
    ///
    /// - Parameters:
    ///   - what: the call, for messages ("the import", "reading the registry").
    ///   - location: the database, for messages.
    ///   - writes: whether the call writes, for messages: what a lost call left.
    static func run<Value: Sendable>(
        _ client: PostgresClient, limits: PostgresLimits, what: String, location: String, writes: Bool = false,
        _ body: @escaping @Sendable (PostgresConnection, Progress) async throws -> Value
    ) async throws -> Value {
        let progress = Progress()
        let started = ContinuousClock.now
        let cancelled = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let outcome = Outcome(continuation)
                let work = Task {
                    do {
                        let value = try await client.withConnection { connection in
                            progress.leased(connection)
                            return try await body(connection, progress)
                        }
                        outcome.settle(.success(value))
                    } catch {
                        let (_, connection, committing) = progress.snapshot
                        if !(error is StoreError), let connection, connection.isClosed {
                            // The query failed because the connection closed.
                            outcome.settle(
                                .failure(
                                    unavailable(
                                        "the connection to PostgreSQL at \(location) was lost during \(what)",
                                        committing: committing, writes: writes)))
                        } else {
                            outcome.settle(.failure(error))
                        }
                    }
                }
                cancelled.onCancel {
                    outcome.settle(.failure(CancellationError()))
                    work.cancel()
                }
                Task {
                    while !outcome.isSettled {
                        try? await Task.sleep(for: tick)
                        let (lastAnswer, connection, committing) = progress.snapshot
                        let reason: String
                        if let connection {
                            if connection.isClosed {
                                reason = "the connection to PostgreSQL at \(location) was lost during \(what)"
                            } else if ContinuousClock.now - lastAnswer > limits.silence {
                                reason = "PostgreSQL at \(location) gave no answer for \(limits.silence) during \(what)"
                            } else {
                                continue
                            }
                        } else if ContinuousClock.now - started > limits.connectionWait {
                            reason = "no connection to PostgreSQL at \(location) within \(limits.connectionWait)"
                        } else {
                            continue
                        }
                        outcome.settle(.failure(unavailable(reason, committing: committing, writes: writes)))
                        work.cancel()
                        if let connection { _ = connection.close() as EventLoopFuture<Void> }
                    }
                }
            }
        } onCancel: {
            cancelled.cancel()
        }
    }

    /// The error of a call given up on: what happened, and what it left.
    private static func unavailable(_ reason: String, committing: Bool, writes: Bool) -> StoreError {
        guard writes else { return .unavailable(reason) }
        return .unavailable(
            reason
                + (committing
                    ? "; it was committing, so whether it was written is unknown: look before trying again"
                    : "; nothing was written"))
    }
}
