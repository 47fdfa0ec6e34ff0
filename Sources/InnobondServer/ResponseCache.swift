import InnobondModel
import NIOCore
import Synchronization

/// Responses rendered from the registry, by request URI: pages and API
/// answers depend on nothing else, so a repeated request costs a lookup.
/// Each entry names the kinds of record its answer was computed from; a
/// write drops the entries that read what it changed, and keeps the rest.
/// Bounded twice: by entries, and by the bytes their bodies and keys hold;
/// when a new entry does not fit, the oldest go first. An entry larger than
/// a quarter of the bytes is served but not kept. Concurrent misses on one
/// key from one version render it once: the others wait for that answer
/// (single flight).
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

    /// What an answer was computed from.
    struct Source: Sendable {
        /// The registry version.
        var version: Int64
        /// The kinds of record read; `nil` for all of them (every page that
        /// shows the registry's version reads them all).
        var reads: Set<RecordKind>?

        /// A source no write makes out of date: an answer kept until dropped.
        static let latest = Source(version: .max, reads: nil)
    }

    private struct Kept {
        var entry: Entry
        var serial: Int
        var reads: Set<RecordKind>?
    }

    private struct Storage {
        var entries: [String: Kept] = [:]
        /// Keys by the order they were stored, with their serial: the oldest first.
        var order: [(key: String, serial: Int)] = []
        var orderStart = 0
        var bytes = 0
        var serial = 0
        /// Keys being rendered, by the version they render, with the requests waiting for them.
        var rendering: [String: [CheckedContinuation<Entry?, Never>]] = [:]
        /// The version that last changed each kind, since ``allChanged``.
        var changed: [RecordKind: Int64] = [:]
        /// The version of the last reload of everything.
        var allChanged = Int64.min

        mutating func dropAll() {
            entries.removeAll()
            order.removeAll()
            orderStart = 0
            bytes = 0
        }

        /// Whether no write after `source`'s version changed what it reads.
        func isCurrent(_ source: Source) -> Bool {
            guard source.version >= allChanged else { return false }
            guard let reads = source.reads else { return changed.values.allSatisfy { source.version >= $0 } }
            return reads.allSatisfy { source.version >= changed[$0, default: .min] }
        }
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

    /// The kinds the kept answer of `key` reads (`nil`: all); `nil` too when none is kept.
    func reads(_ key: String) -> Set<RecordKind>?? {
        storage.withLock { $0.entries[key].map(\.reads) }
    }

    /// The keys kept.
    var keys: [String] { storage.withLock { Array($0.entries.keys) } }

    /// Keeps an answer computed from `source`, unless a write since has
    /// changed what it reads.
    func store(_ entry: Entry, for key: String, from source: Source = .latest) {
        let size = entry.size(key: key)
        guard capacity > 0, size <= maxBytes / 4 else { return }
        storage.withLock { storage in
            guard storage.isCurrent(source) else { return }
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
            storage.entries[key] = Kept(entry: entry, serial: storage.serial, reads: source.reads)
            storage.order.append((key, storage.serial))
            storage.bytes += size
        }
    }

    /// The entry of `key`: kept, or rendered by `render` from `source` once
    /// however many ask for that version at the same time, and kept.
    func entry(_ key: String, from source: Source = .latest, render: () async throws -> Entry) async throws -> Entry {
        enum Role {
            case found(Entry)
            case wait
            case render
        }
        let rendering = "\(source.version) \(key)"
        let role = storage.withLock { storage -> Role in
            if let kept = storage.entries[key] { return .found(kept.entry) }
            if storage.rendering[rendering] != nil { return .wait }
            storage.rendering[rendering] = []
            return .render
        }
        switch role {
        case .found(let entry):
            return entry
        case .wait:
            let answer = await withCheckedContinuation { continuation in
                let waiting = storage.withLock { storage -> Bool in
                    guard storage.rendering[rendering] != nil else { return false }
                    storage.rendering[rendering]!.append(continuation)
                    return true
                }
                // The rendering ended in between: take what it kept, if anything.
                if !waiting { continuation.resume(returning: self.entry(key)) }
            }
            // The rendering failed (its request gets the error): render this one alone.
            if let answer { return answer }
            let entry = try await render()
            store(entry, for: key, from: source)
            return entry
        case .render:
            let rendered: Entry
            do {
                rendered = try await render()
            } catch {
                finish(rendering, with: nil)
                throw error
            }
            store(rendered, for: key, from: source)
            finish(rendering, with: rendered)
            return rendered
        }
    }

    /// Ends a rendering, answering those who wait.
    private func finish(_ rendering: String, with entry: Entry?) {
        let waiting = storage.withLock { $0.rendering.removeValue(forKey: rendering) ?? [] }
        for continuation in waiting { continuation.resume(returning: entry) }
    }

    /// Drops the entries that read a kind `version` changed (all of them
    /// when `changed` is `nil`), and refuses answers computed before it
    /// from what it changed.
    /// A reload of everything starts the count again, so that a store whose
    /// version went back (a registry restored) is cached as any other.
    func invalidate(_ changed: Set<RecordKind>?, at version: Int64) {
        storage.withLock { storage in
            guard let changed else {
                storage.allChanged = version
                storage.changed = [:]
                storage.dropAll()
                return
            }
            for kind in changed { storage.changed[kind] = max(storage.changed[kind, default: .min], version) }
            storage.entries = storage.entries.filter { $0.value.reads?.isDisjoint(with: changed) ?? false }
            storage.bytes = storage.entries.reduce(0) { $0 + $1.value.entry.size(key: $1.key) }
            // The order keeps the live keys alone, so that it does not grow with the keys dropped.
            storage.order = storage.order[storage.orderStart...].filter { storage.entries[$0.key]?.serial == $0.serial }
            storage.orderStart = 0
        }
    }

    /// Drops every entry.
    func removeAll() { storage.withLock { $0.dropAll() } }

    var count: Int { storage.withLock { $0.entries.count } }

    /// Keys waiting in the order of eviction, some perhaps replaced since.
    var queued: Int { storage.withLock { $0.order.count - $0.orderStart } }

    /// Bytes of bodies and keys kept.
    var bytes: Int { storage.withLock { $0.bytes } }
}
