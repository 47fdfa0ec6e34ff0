/// Reads CSV input in chunks that end at record boundaries, so that each
/// chunk can be parsed on its own thread; a UTF-8 byte-order mark at the
/// start is dropped.
public final class CSVChunkReader {
    /// A run of whole records.
    public struct Chunk: Sendable {
        /// The bytes, starting and ending at record boundaries.
        public var bytes: [UInt8]
        /// Offset in `bytes` of the first record to process.
        public var start: Int
        /// The 1-based line number, in the input, of the byte at `start`.
        public var firstLine: Int
        /// Input bytes consumed up to the end of this chunk.
        public var endOffset: Int
    }

    private let input: any ByteInput
    private let chunkSize: Int
    private let boundaryFinder = CSVRecordParser()
    private var pending: [UInt8] = []
    private var line = 1
    private var consumed = 0
    private var atEnd = false
    private var atStart = true

    /// The longest record read (bytes): a file with a longer one is refused
    /// rather than read whole into memory.
    private let maximumRecordBytes: Int

    /// - Parameters:
    ///   - chunkSize: bytes to read before looking for a boundary.
    ///   - maximumRecordBytes: the longest record read.
    public init(input: any ByteInput, chunkSize: Int = 256 * 1024, maximumRecordBytes: Int = 16 * 1024 * 1024) {
        self.input = input
        self.chunkSize = chunkSize
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// The next chunk, or `nil` at the end of the input.
    public func next() throws(IOError) -> Chunk? {
        var buffer = pending
        pending = []
        var target = chunkSize
        while true {
            if !atEnd && buffer.count < target {
                try fill(&buffer, upTo: target)
            }
            if atStart && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF {
                buffer.removeFirst(3)
                consumed += 3
            }
            if atStart && (buffer.count >= 3 || atEnd) { atStart = false }
            if buffer.count > maximumRecordBytes,
                buffer.withUnsafeBufferPointer({ boundaryFinder.lastRecordBoundary(in: $0) }) == nil
            {
                throw .recordTooLarge(path: input.name, line: line, limit: maximumRecordBytes)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                return emit(buffer)
            }
            let boundary = buffer.withUnsafeBufferPointer { boundaryFinder.lastRecordBoundary(in: $0) }
            if let boundary {
                pending = Array(buffer[boundary...])
                buffer.removeSubrange(boundary...)
                return emit(buffer)
            }
            // One record is longer than the chunk: read more, up to the
            // longest record taken and a byte.
            target = min(buffer.count * 2, maximumRecordBytes + 1)
        }
    }

    private func emit(_ bytes: [UInt8]) -> Chunk {
        let chunk = Chunk(bytes: bytes, start: 0, firstLine: line, endOffset: consumed + bytes.count)
        line += bytes.withUnsafeBufferPointer(countLineFeeds)
        consumed += bytes.count
        return chunk
    }

    /// Reads until `buffer` holds `target` bytes or the input ends.
    private func fill(_ buffer: inout [UInt8], upTo target: Int) throws(IOError) {
        guard buffer.count < target else { return }
        // Read into fresh storage of the target size, behind the bytes kept.
        var failure: IOError?
        let kept = buffer
        buffer = [UInt8](unsafeUninitializedCapacity: target) { storage, initialized in
            let keptCount = kept.count
            _ = storage.initialize(fromContentsOf: kept)
            var filled = keptCount
            while filled < target && !atEnd {
                do throws(IOError) {
                    let read = try input.read(
                        into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(storage)[filled...])
                    )
                    if read == 0 { atEnd = true }
                    filled += read
                } catch {
                    failure = error
                    break
                }
            }
            initialized = filled
        }
        if let failure { throw failure }
    }
}
