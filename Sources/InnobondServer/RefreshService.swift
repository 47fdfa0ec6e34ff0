import Logging
import ServiceLifecycle

/// Asks the store for its version every `interval`, and reloads the
/// snapshot when another server has written.
struct RefreshService: Service {
    let state: RegistryState
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            do {
                try await state.refresh()
            } catch  where Task.isCancelled || Task.isShuttingDownGracefully {
                return  // stopping: a refresh cut short is no problem
            } catch {
                logger.warning("cannot refresh the registry", metadata: ["error": "\(error)"])
            }
        }
    }
}
