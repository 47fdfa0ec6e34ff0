/// Records read into storage of their own, so that the parts of a kind
/// read on two connections are joined by moving them (one copy of the
/// bytes) rather than copying each record's strings.
final class RowStorage<Record>: @unchecked Sendable {
    // One reader fills it; the joining moves it out after the reader is done.
    private var start: UnsafeMutablePointer<Record>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deinitialize(count: count)
        start.deallocate()
    }

    func append(_ record: Record) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Record>.allocate(capacity: 2 * capacity)
            grown.moveInitialize(from: start, count: count)
            start.deallocate()
            start = grown
            capacity *= 2
        }
        (start + count).initialize(to: record)
        count += 1
    }

    /// The records of `parts`, in order, moved into one array: the parts
    /// are left empty.
    static func join(_ parts: [RowStorage<Record>]) -> [Record] {
        Array(unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.count }) { buffer, initialized in
            for part in parts {
                (buffer.baseAddress! + initialized).moveInitialize(from: part.start, count: part.count)
                initialized += part.count
                part.count = 0
            }
        }
    }
}
