import Foundation

/// Runs `produce → process → consume` over a stream of items: items are
/// produced one at a time, processed on several threads at once, and consumed
/// one at a time in the order they were produced.
///
/// At most `inFlightLimit` items are produced and not yet consumed, so memory
/// stays flat whatever the length of the stream. Each thread has a worker
/// value of its own (scratch buffers, parsers) made by `makeWorker`.
public enum OrderedParallelPipeline {
    /// Runs the pipeline to the end of the items, or to the first error thrown
    /// by `produce` or `consume`, which it rethrows.
    ///
    /// - Parameters:
    ///   - threads: threads that process items (at least 1; the calling thread is one).
    ///   - inFlightLimit: items produced and not yet consumed, at most.
    public static func run<Item, Output, Worker>(
        threads: Int,
        inFlightLimit: Int,
        makeWorker: () -> Worker,
        produce: () throws -> Item?,
        process: (inout Worker, Item) -> Output,
        consume: (Output) throws -> Void
    ) throws {
        try withoutActuallyEscaping(makeWorker) { makeWorker in
            try withoutActuallyEscaping(produce) { produce in
                try withoutActuallyEscaping(process) { process in
                    try withoutActuallyEscaping(consume) { consume in
                        let coordinator = Coordinator(
                            limit: max(1, inFlightLimit), makeWorker: makeWorker, produce: produce,
                            process: process, consume: consume)
                        defer { coordinator.releaseClosures() }
                        try coordinator.run(threads: max(1, threads))
                    }
                }
            }
        }
    }
}

/// The shared state of one pipeline run. Every closure is called under the
/// lock except `process`, and the threads are joined before `run` returns,
/// which is why the non-`Sendable` closures may be shared.
private final class Coordinator<Item, Output, Worker>: @unchecked Sendable {
    private let condition = NSCondition()
    private let limit: Int
    // Optional so that they can be dropped before the non-escaping originals
    // return, while the finished threads may still hold the coordinator.
    private var makeWorker: (() -> Worker)!
    private var produce: (() throws -> Item?)!
    private var process: ((inout Worker, Item) -> Output)!
    private var consume: ((Output) throws -> Void)!

    private var nextSequence = 0
    private var nextToConsume = 0
    private var inFlight = 0
    private var exhausted = false
    private var consuming = false
    private var ready: [Int: Output] = [:]
    private var failure: (any Error)?

    init(
        limit: Int, makeWorker: @escaping () -> Worker, produce: @escaping () throws -> Item?,
        process: @escaping (inout Worker, Item) -> Output, consume: @escaping (Output) throws -> Void
    ) {
        self.limit = limit
        self.makeWorker = makeWorker
        self.produce = produce
        self.process = process
        self.consume = consume
    }

    func releaseClosures() {
        makeWorker = nil
        produce = nil
        process = nil
        consume = nil
    }

    func run(threads: Int) throws {
        let group = DispatchGroup()
        for _ in 1..<threads {
            group.enter()
            let thread = Thread { [self] in
                work()
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        work()
        group.wait()
        if let failure { throw failure }
        precondition(nextToConsume == nextSequence, "pipeline ended with unconsumed items")
    }

    private func work() {
        condition.lock()
        var worker = makeWorker()
        condition.unlock()
        while true {
            condition.lock()
            while inFlight >= limit && failure == nil && !exhausted { condition.wait() }
            if failure != nil || exhausted {
                condition.unlock()
                return
            }
            let item: Item?
            do {
                item = try produce()
            } catch {
                fail(error)
                condition.unlock()
                return
            }
            guard let item else {
                exhausted = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let sequence = nextSequence
            nextSequence += 1
            inFlight += 1
            condition.unlock()

            let output = process(&worker, item)

            condition.lock()
            ready[sequence] = output
            if !consuming {
                consuming = true
                while failure == nil, let next = ready.removeValue(forKey: nextToConsume) {
                    condition.unlock()
                    var error: (any Error)?
                    do { try consume(next) } catch let thrown { error = thrown }
                    condition.lock()
                    if let error { fail(error) }
                    nextToConsume += 1
                    inFlight -= 1
                    condition.broadcast()
                }
                consuming = false
            }
            condition.unlock()
        }
    }

    /// Records the first error and wakes every thread so that all stop.
    /// Called with the lock held.
    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
        condition.broadcast()
    }
}
