import InnobondModel
import Synchronization
import Testing

@testable import InnobondServer

/// The response cache: bounded by entries and by bytes, the oldest going
/// first, and one rendering for concurrent misses on a key.
@Suite struct ResponseCacheTests {
    /// How many times a rendering ran.
    final class Counter: Sendable {
        private let value = Mutex(0)
        /// Counts one more; the count after it.
        func next() -> Int {
            value.withLock {
                $0 += 1
                return $0
            }
        }
        var count: Int { value.withLock { $0 } }
    }

    static func entry(_ bytes: Int, _ fill: UInt8 = 0x61) -> ResponseCache.Entry {
        ResponseCache.Entry(contentType: "text/plain", body: [UInt8](repeating: fill, count: bytes), status: 200)
    }

    @Test func theOldestGoWhenTheBytesAreFull() {
        // Each entry costs 1,000 body bytes, its 2-byte key and its 10-byte type: 1,012.
        let cache = ResponseCache(capacity: 100, maxBytes: 4100)
        for index in 1...5 { cache.store(Self.entry(1000), for: "k\(index)") }
        #expect(cache.count == 4 && cache.bytes == 4 * 1012)
        #expect(cache.entry("k1") == nil && cache.entry("k2") != nil && cache.entry("k5") != nil)
        // Replacing a key counts its new size only.
        cache.store(Self.entry(10), for: "k5")
        #expect(cache.count == 4 && cache.bytes == 3 * 1012 + 22)
        // An answer larger than a quarter of the bytes (1,025) is served but not kept.
        cache.store(Self.entry(1020), for: "big")
        #expect(cache.entry("big") == nil && cache.count == 4)
        cache.removeAll()
        #expect(cache.count == 0 && cache.bytes == 0)
    }

    @Test func theOldestGoWhenTheEntriesAreFull() {
        let cache = ResponseCache(capacity: 2, maxBytes: 1 << 20)
        for key in ["a", "b", "c"] { cache.store(Self.entry(1), for: key) }
        #expect(cache.entry("a") == nil && cache.entry("b") != nil && cache.entry("c") != nil)
        // A key stored again is the newest: the other goes first.
        cache.store(Self.entry(2), for: "b")
        cache.store(Self.entry(1), for: "d")
        #expect(cache.entry("c") == nil && cache.entry("b")?.body.readableBytes == 2 && cache.entry("d") != nil)
        #expect(ResponseCache(capacity: 0).count == 0)
    }

    @Test func aWriteDropsOnlyTheAnswersThatReadWhatItChanged() {
        let cache = ResponseCache(capacity: 10)
        let quoted: Set<RecordKind> = [.bonds, .quotes]
        cache.store(Self.entry(1), for: "macro", from: .init(version: 1, reads: [.macro]))
        cache.store(Self.entry(1), for: "list", from: .init(version: 1, reads: quoted))
        cache.store(Self.entry(1), for: "page", from: .init(version: 1, reads: nil))
        cache.invalidate([.quotes], at: 2)
        #expect(cache.entry("macro") != nil && cache.entry("list") == nil && cache.entry("page") == nil)
        #expect(cache.count == 1 && cache.bytes == Self.entry(1).size(key: "macro") && cache.queued == 1)
        // Answers still rendering from version 1 are kept only when they do not read quotes.
        cache.store(Self.entry(1), for: "list", from: .init(version: 1, reads: quoted))
        cache.store(Self.entry(1), for: "page", from: .init(version: 1, reads: nil))
        cache.store(Self.entry(1), for: "curves", from: .init(version: 1, reads: [.curves]))
        #expect(cache.entry("list") == nil && cache.entry("page") == nil && cache.entry("curves") != nil)
        cache.store(Self.entry(1), for: "list", from: .init(version: 2, reads: quoted))
        #expect(cache.entry("list") != nil && cache.reads("list") == quoted && cache.reads("none") == nil)
        // A reload of everything drops every answer and refuses those rendered before it.
        cache.invalidate(nil, at: 3)
        #expect(cache.count == 0 && cache.bytes == 0)
        cache.store(Self.entry(1), for: "macro", from: .init(version: 2, reads: [.macro]))
        #expect(cache.entry("macro") == nil)
        cache.store(Self.entry(1), for: "macro", from: .init(version: 3, reads: [.macro]))
        #expect(cache.entry("macro") != nil)
    }

    @Test func concurrentMissesRenderOnce() async throws {
        let cache = ResponseCache(capacity: 10)
        let renderings = Counter()
        let bodies = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await cache.entry("page") {
                        _ = renderings.next()
                        try await Task.sleep(for: .milliseconds(200))
                        return Self.entry(7)
                    }.body.readableBytes
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies == Array(repeating: 7, count: 8))
        #expect(renderings.count == 1)
        // Kept: a later request renders nothing.
        _ = try await cache.entry("page") {
            _ = renderings.next()
            return Self.entry(1)
        }
        #expect(renderings.count == 1)
    }

    struct Failure: Error {}

    @Test func whenTheRenderingFailsTheWaitersRenderThemselves() async throws {
        let cache = ResponseCache(capacity: 10)
        let renderings = Counter()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<4 {
                group.addTask {
                    if index > 0 { try? await Task.sleep(for: .milliseconds(50)) }
                    do {
                        _ = try await cache.entry("page") {
                            let count = renderings.next()
                            try await Task.sleep(for: .milliseconds(200))
                            if count == 1 { throw Failure() }
                            return Self.entry(3)
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { !$0 }.count == 1 && outcomes.filter { $0 }.count == 3)
        #expect(cache.entry("page")?.body.readableBytes == 3)
    }
}
