import Foundation
import Metrics
import Synchronization

/// Where heavy pages render (briefings, statistics, the financing advantage,
/// integrity rankings, the shield's overview, the review queue): on threads
/// of their own, a bounded number at a time, so that they never hold the
/// threads that answer cheap requests, cached answers and `/health`. A
/// render that waits longer than its patience for a turn is refused with a
/// 503 and Retry-After rather than left hanging.
final class RenderLane: Sendable {
    /// The threads heavy renders run on, shared by every server of the process.
    static let threads = RenderThreads(
        count: max(1, ProcessInfo.processInfo.activeProcessorCount - 1), name: "innobond-render")
    /// A thread for work ahead of need (sort orders): it never holds up a
    /// heavy page, and yields its core to any request that wants it.
    static let background = RenderThreads(count: 1, name: "innobond-ahead", niceness: 19)

    private struct Turns {
        var free: Int
        var waiting: [(id: Int, turn: CheckedContinuation<Bool, Never>)] = []
        var lastID = 0
    }

    private let turns: Mutex<Turns>
    private let patience: Duration
    private let executor: RenderThreads
    /// Work running on the lane; whether freed memory is being given back,
    /// and whether work has ended since that began.
    private let running = Mutex<(count: Int, releasing: Bool, again: Bool)>((0, false, false))
    private let releaseFreeMemory: (@Sendable () -> Void)?

    /// - Parameters:
    ///   - renders: how many heavy renders run at once.
    ///   - patience: how long a render waits for its turn before it is refused.
    ///   - releaseFreeMemory: gives the memory heavy work freed back to the
    ///     system; called on the lane's threads whenever its work ends with
    ///     none other running (``ServerSettings/releaseFreeMemory``).
    init(
        renders: Int, patience: Duration, executor: RenderThreads = RenderLane.threads,
        releaseFreeMemory: (@Sendable () -> Void)? = nil
    ) {
        turns = Mutex(Turns(free: max(1, renders)))
        self.patience = patience
        self.executor = executor
        self.releaseFreeMemory = releaseFreeMemory
    }

    /// Runs `body` on the lane's threads once it has a turn; a 503 when no
    /// turn comes within the patience.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        guard await takeTurn() else {
            throw APIError(
                .serviceUnavailable,
                "the server is busy rendering other heavy pages; try again in \(APIError.retryAfterSeconds) s")
        }
        defer { giveTurn() }
        return try await runAside(body)
    }

    /// Runs `body` on the lane's threads without waiting for a turn: work
    /// that must happen (a reload) but should not hold cheap requests' threads.
    func runAside<T>(_ body: () async throws -> T) async throws -> T {
        running.withLock { $0.count += 1 }
        defer {
            running.withLock { $0.count -= 1 }
            releaseWhenIdle()
        }
        return try await withTaskExecutorPreference(executor) { try await body() }
    }

    /// Gives freed memory back once no work runs on the lane: after the
    /// answer of the heavy work that freed it, on the lane's threads, once
    /// for work that ends together, and again when work ended meanwhile.
    func releaseWhenIdle() {
        guard let releaseFreeMemory else { return }
        let starts = running.withLock { running in
            guard running.count == 0 else { return false }
            if running.releasing {
                running.again = true
                return false
            }
            running.releasing = true
            return true
        }
        guard starts else { return }
        Task(executorPreference: executor) {
            repeat {
                let started = ContinuousClock.now
                releaseFreeMemory()
                Timer(label: "innobond_memory_release_seconds").recordInterval(ContinuousClock.now - started)
            } while self.running.withLock { running in
                defer { running.again = false }
                running.releasing = running.again && running.count == 0
                return running.releasing
            }
        }
    }

    /// Renders running and waiting (for metrics and tests).
    var waiting: Int { turns.withLock { $0.waiting.count } }

    private func takeTurn() async -> Bool {
        let id: Int? = turns.withLock { turns in
            if turns.free > 0 {
                turns.free -= 1
                return nil
            }
            turns.lastID += 1
            return turns.lastID
        }
        guard let id else { return true }
        let patience = patience
        return await withCheckedContinuation { turn in
            turns.withLock { $0.waiting.append((id, turn)) }
            Task {
                try? await Task.sleep(for: patience)
                let expired = turns.withLock { turns in
                    turns.waiting.firstIndex { $0.id == id }.map { turns.waiting.remove(at: $0).turn }
                }
                expired?.resume(returning: false)
            }
        }
    }

    private func giveTurn() {
        let next = turns.withLock { turns in
            guard !turns.waiting.isEmpty else {
                turns.free += 1
                return CheckedContinuation<Bool, Never>?.none
            }
            return turns.waiting.removeFirst().turn
        }
        next?.resume(returning: true)
    }
}

/// A task executor of dedicated threads: jobs queue first come, first
/// served, and run on whichever thread is free.
final class RenderThreads: TaskExecutor, @unchecked Sendable {
    // The queue is guarded by the condition's lock (NSCondition is not Sendable).
    private let condition = NSCondition()
    private var queue: [UnownedJob] = []
    private var head = 0

    /// Whether the caller runs on one of these threads.
    static var isCurrent: Bool { Thread.current.threadDictionary[marker] != nil }
    private static let marker = "innobond.render-thread"

    /// - Parameter niceness: the threads' scheduling niceness, 0 (as any
    ///   thread) to 19 (only what others leave); Linux alone honours it.
    init(count: Int, name: String, niceness: Int32 = 0) {
        for _ in 0..<count {
            let thread = Thread { [self] in
                Thread.current.threadDictionary[Self.marker] = true
                #if os(Linux)
                    // Linux keeps a niceness per thread: 0 names the calling one.
                    if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                #endif
                work()
            }
            thread.name = name
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == queue.count { condition.wait() }
            let job = queue[head]
            head += 1
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
