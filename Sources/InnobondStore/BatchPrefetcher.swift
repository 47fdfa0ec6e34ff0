import Foundation

/// Runs a batch reader on a thread of its own, at most `depth` batches ahead
/// of the consumer, and hands the batches over in order; the reader's error,
/// or the end, comes after the batches read before it.
final class BatchPrefetcher: @unchecked Sendable {
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var ready: [ImportSource.Batch] = []
    private var finished = false
    private var failure: StoreError?
    private var stopped = false

    /// Starts reading with `read`, which returns `nil` at the end.
    init(depth: Int = 2, read: @escaping @Sendable () throws(StoreError) -> ImportSource.Batch?) {
        let thread = Thread { [self] in
            while true {
                let outcome: Result<ImportSource.Batch?, StoreError>
                do throws(StoreError) { outcome = .success(try read()) } catch { outcome = .failure(error) }
                condition.lock()
                defer { condition.unlock() }
                switch outcome {
                case .success(let batch?): ready.append(batch)
                case .success(nil): finished = true
                case .failure(let error):
                    failure = error
                    finished = true
                }
                condition.broadcast()
                while ready.count >= depth && !stopped { condition.wait() }
                if finished || stopped { return }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
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

    /// Lets the thread end without reading further.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
