import Logging
import ServiceLifecycle

/// Asks the store for its version every `interval`, and reloads the
/// snapshot when another server has written. While the store does not
/// answer, the server serves the snapshot it has, marked stale: one log line
/// when the outage starts, one when it ends.
struct RefreshService: Service {
    let state: RegistryState
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            // A shutdown does not wait for the next poll either.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isCancelled && !Task.isShuttingDownGracefully else { return }
            do {
                // A shutdown does not wait for a store that does not answer.
                try await cancelWhenGracefulShutdown { try await state.refresh() }
                if let seconds = state.pollSucceeded() {
                    logger.notice(
                        "the store answers again", metadata: ["unavailable_seconds": "\(Int(seconds.rounded()))"])
                }
            } catch  where Task.isCancelled || Task.isShuttingDownGracefully {
                return  // stopping: a refresh cut short is no problem
            } catch {
                if state.pollFailed(error) {
                    logger.error(
                        "the store does not answer: serving the registry as last read, marked stale",
                        metadata: ["error": "\(error)", "version": "\(state.now.version)"])
                }
            }
        }
    }
}
