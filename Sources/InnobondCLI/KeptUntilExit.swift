import Synchronization

/// Values a command keeps until the process ends: a snapshot of a million
/// rows takes a tenth of a second to free row by row, which the exit that
/// follows does at once.
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
