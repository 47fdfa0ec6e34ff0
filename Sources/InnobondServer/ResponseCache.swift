import NIOCore
import Synchronization

/// Responses rendered from one registry version, by request URI: pages and
/// API answers depend on nothing else, so a repeated request costs a lookup.
/// Emptied when the registry changes; when full, the oldest half goes.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var contentType: String
        /// The body, kept as the buffer every answer shares (no copy per request).
        var body: ByteBuffer
        var status: Int

        init(contentType: String, body: some Sequence<UInt8>, status: Int) {
            self.contentType = contentType
            self.body = ByteBuffer(bytes: body)
            self.status = status
        }
    }

    private struct Storage {
        var entries: [String: (entry: Entry, serial: Int)] = [:]
        var serial = 0
    }

    private let capacity: Int
    private let storage = Mutex(Storage())

    init(capacity: Int) {
        self.capacity = capacity
    }

    func entry(_ key: String) -> Entry? {
        storage.withLock { $0.entries[key]?.entry }
    }

    func store(_ entry: Entry, for key: String) {
        guard capacity > 0 else { return }
        storage.withLock { storage in
            if storage.entries.count >= capacity {
                let oldest = storage.entries.values.map(\.serial).sorted()[storage.entries.count / 2]
                storage.entries = storage.entries.filter { $0.value.serial > oldest }
            }
            storage.serial += 1
            storage.entries[key] = (entry, storage.serial)
        }
    }

    func removeAll() {
        storage.withLock { $0.entries.removeAll() }
    }

    var count: Int { storage.withLock { $0.entries.count } }
}
