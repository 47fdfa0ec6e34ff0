import Foundation

/// Runs a batch producer on a thread of its own, at most `depth` batches ahead
/// of the consumer, and hands the batches over in order; the producer's error,
/// or the end, comes after the batches delivered before it.
final class BatchPrefetcher: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var ready: [ImportSource.Batch] = []
    private var finished = false
    private var failure: StoreError?
    private var stopped = false

    /// Starts `produce`, which delivers its batches in order through the
    /// function it is given and returns at the end; that function waits while
    /// `depth` batches wait, and returns `false` once the consumer has stopped.
    init(
        depth: Int = 2,
        produce: @escaping @Sendable (_ deliver: (ImportSource.Batch) -> Bool) throws(StoreError) -> Void
    ) {
        let thread = Thread { [self] in
            var failure: StoreError?
            do throws(StoreError) {
                try produce { batch in self.deliver(batch, depth: depth) }
            } catch {
                failure = error
            }
            condition.lock()
            self.failure = failure
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func deliver(_ batch: ImportSource.Batch, depth: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        ready.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, waiting for it; `nil` at the end.
    func next() throws(StoreError) -> ImportSource.Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Lets the producer end without delivering further.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
