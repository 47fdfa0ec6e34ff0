import NIOCore
import Synchronization

/// Responses rendered from one registry version, by request URI: pages and
/// API answers depend on nothing else, so a repeated request costs a lookup.
/// Emptied when the registry changes. Bounded twice: by entries, and by the
/// bytes their bodies and keys hold; when a new entry does not fit, the
/// oldest go first. An entry larger than a quarter of the bytes is served
/// but not kept. Concurrent misses on one key render it once: the others
/// wait for that answer (single flight).
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

        /// What keeping it costs, bytes: its body, its key and its type.
        func size(key: String) -> Int { body.readableBytes + key.utf8.count + contentType.utf8.count }
    }

    private struct Storage {
        var entries: [String: (entry: Entry, serial: Int)] = [:]
        /// Keys by the order they were stored, with their serial: the oldest first.
        var order: [(key: String, serial: Int)] = []
        var orderStart = 0
        var bytes = 0
        var serial = 0
        /// Keys being rendered, with the requests waiting for them.
        var rendering: [String: [CheckedContinuation<Entry?, Never>]] = [:]
    }

    private let capacity: Int
    private let maxBytes: Int
    private let storage = Mutex(Storage())

    /// - Parameters:
    ///   - capacity: the most entries kept (0: none).
    ///   - maxBytes: the most bytes of bodies and keys kept.
    init(capacity: Int, maxBytes: Int = 256 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    func entry(_ key: String) -> Entry? {
        storage.withLock { $0.entries[key]?.entry }
    }

    func store(_ entry: Entry, for key: String) {
        let size = entry.size(key: key)
        guard capacity > 0, size <= maxBytes / 4 else { return }
        storage.withLock { storage in
            if let old = storage.entries.removeValue(forKey: key) { storage.bytes -= old.entry.size(key: key) }
            // The oldest go until the new one fits; keys already replaced or dropped are skipped.
            while storage.entries.count >= capacity || storage.bytes + size > maxBytes,
                storage.orderStart < storage.order.count
            {
                let (oldest, serial) = storage.order[storage.orderStart]
                storage.orderStart += 1
                if let kept = storage.entries[oldest], kept.serial == serial {
                    storage.entries[oldest] = nil
                    storage.bytes -= kept.entry.size(key: oldest)
                }
            }
            if storage.orderStart > 1024 && storage.orderStart * 2 > storage.order.count {
                storage.order.removeFirst(storage.orderStart)
                storage.orderStart = 0
            }
            storage.serial += 1
            storage.entries[key] = (entry, storage.serial)
            storage.order.append((key, storage.serial))
            storage.bytes += size
        }
    }

    /// The entry of `key`: kept, or rendered by `render` once however many
    /// ask at the same time, and kept.
    func entry(_ key: String, render: () async throws -> Entry) async throws -> Entry {
        enum Role {
            case found(Entry)
            case wait
            case render
        }
        let role = storage.withLock { storage -> Role in
            if let kept = storage.entries[key] { return .found(kept.entry) }
            if storage.rendering[key] != nil { return .wait }
            storage.rendering[key] = []
            return .render
        }
        switch role {
        case .found(let entry):
            return entry
        case .wait:
            let answer = await withCheckedContinuation { continuation in
                let waiting = storage.withLock { storage -> Bool in
                    guard storage.rendering[key] != nil else { return false }
                    storage.rendering[key]!.append(continuation)
                    return true
                }
                // The rendering ended in between: take what it kept, if anything.
                if !waiting { continuation.resume(returning: self.entry(key)) }
            }
            // The rendering failed (its request gets the error): render this one alone.
            if let answer { return answer }
            let entry = try await render()
            store(entry, for: key)
            return entry
        case .render:
            let rendered: Entry
            do {
                rendered = try await render()
            } catch {
                finish(key, with: nil)
                throw error
            }
            store(rendered, for: key)
            finish(key, with: rendered)
            return rendered
        }
    }

    /// Ends the rendering of `key`, answering those who wait.
    private func finish(_ key: String, with entry: Entry?) {
        let waiting = storage.withLock { $0.rendering.removeValue(forKey: key) ?? [] }
        for continuation in waiting { continuation.resume(returning: entry) }
    }

    func removeAll() {
        storage.withLock { storage in
            storage.entries.removeAll()
            storage.order.removeAll()
            storage.orderStart = 0
            storage.bytes = 0
        }
    }

    var count: Int { storage.withLock { $0.entries.count } }

    /// Bytes of bodies and keys kept.
    var bytes: Int { storage.withLock { $0.bytes } }
}
