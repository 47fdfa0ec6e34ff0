#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Why a file could not be read or written.
public enum IOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// Reading failed part way.
    case readFailed(path: String, reason: String)
    /// Writing failed part way.
    case writeFailed(path: String, reason: String)
    /// A record longer than a reader takes (bytes), from a line on.
    case recordTooLarge(path: String, line: Int, limit: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open \(path): \(reason)"
        case .readFailed(let path, let reason): return "cannot read \(path): \(reason)"
        case .writeFailed(let path, let reason): return "cannot write \(path): \(reason)"
        case .recordTooLarge(let path, let line, let limit):
            return "\(path), line \(line): a record longer than \(limit / 1_048_576) MB; is this a CSV file?"
        }
    }

    static func systemReason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}

/// A source of bytes read in order.
public protocol ByteInput: AnyObject {
    /// A name for messages: a path or `standard input`.
    var name: String { get }
    /// Reads up to `buffer.count` bytes; returns 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int
    /// The total size in bytes when known in advance (a regular file).
    var size: Int? { get }
}

/// A sink of bytes written in order.
public protocol ByteOutput: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(IOError)
}

extension ByteOutput {
    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(IOError) {
        var result: Result<Void, IOError> = .success(())
        bytes.withUnsafeBytes { raw in result = Result { () throws(IOError) in try write(raw) } }
        try result.get()
    }
}

extension ByteOutput {
    /// Writes the contents of `buffer`.
    public func write(_ buffer: ByteBuffer) throws(IOError) {
        var failure: IOError?
        buffer.withUnsafeBytes { raw in
            do throws(IOError) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Reads a file descriptor: standard input or an opened file.
public final class FileInput: ByteInput {
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    public let size: Int?

    /// Standard input.
    public static func standardInput() -> FileInput {
        FileInput(descriptor: STDIN_FILENO, name: "standard input", owns: false)
    }

    /// Opens `path` for reading.
    public convenience init(path: String) throws(IOError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: IOError.systemReason()) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .cannotOpen(path: path, reason: "it is a directory")
        }
        self.init(descriptor: descriptor, name: path, owns: true)
    }

    private init(descriptor: Int32, name: String, owns: Bool) {
        self.descriptor = descriptor
        self.name = name
        ownsDescriptor = owns
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG {
            size = Int(status.st_size)
        } else {
            size = nil
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(path: name, reason: IOError.systemReason())
        }
    }
}

/// Writes a file descriptor: standard output, or a file replaced atomically.
///
/// A regular file is written under a temporary name beside it and renamed
/// over the target by ``commit()``, so that a failed run never leaves a
/// half-written file in place of a good one. When the target exists, the
/// write-back of the new file starts as it is written.
public final class FileOutput: ByteOutput {
    private let descriptor: Int32
    private let name: String
    private let temporaryPath: String?
    private let finalPath: String?
    private var closed = false
    /// Bytes between two starts of write-back, when the file replaces one;
    /// `nil` otherwise.
    private let writeBackStep: Int?
    /// Bytes written so far.
    private var byteCount = 0
    /// The offset up to which write-back has been started.
    private(set) var writeBackStart = 0

    /// Standard output.
    public static func standardOutput() -> FileOutput {
        FileOutput(descriptor: STDOUT_FILENO, name: "standard output")
    }

    /// Opens `path` for writing; a regular (or new) file is replaced on ``commit()``.
    public convenience init(path: String) throws(IOError) {
        try self.init(path: path, writeBackStep: 16 << 20)
    }

    /// ``init(path:)``, the write-back of a file that replaces another
    /// started every `writeBackStep` bytes.
    init(path: String, writeBackStep: Int) throws(IOError) {
        var status = stat()
        let exists = stat(path, &status) == 0
        name = path
        if exists && (status.st_mode & S_IFMT) != S_IFREG {
            // A device or a pipe: write straight into it.
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: IOError.systemReason()) }
            temporaryPath = nil
            finalPath = nil
            self.writeBackStep = nil
            return
        }
        let temporary = path + ".partial-\(getpid())"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: IOError.systemReason()) }
        temporaryPath = temporary
        finalPath = path
        self.writeBackStep = exists ? writeBackStep : nil
    }

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        temporaryPath = nil
        finalPath = nil
        writeBackStep = nil
    }

    deinit {
        if !closed, let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: name, reason: IOError.systemReason())
            }
            offset += written
        }
        byteCount += bytes.count
        if let writeBackStep, byteCount - writeBackStart >= writeBackStep {
            startWriteBack(from: writeBackStart, count: byteCount - writeBackStart)
            writeBackStart = byteCount
        }
    }

    /// Starts writing the bytes at `offset` out to the disk, without waiting
    /// for the disk.
    ///
    /// Linux file systems write a file out when it is renamed over another,
    /// so that a crash leaves the old file or the new one, not an empty one
    /// (ext4's `auto_da_alloc`): the rename of a 145 MB output took 50 ms,
    /// one core busy and the other idle at the end of the run. Started as the
    /// bytes come, the same work (allocating the blocks, queuing the writes)
    /// is done by this thread while the others go on.
    private func startWriteBack(from offset: Int, count: Int) {
        #if canImport(Glibc) || canImport(Musl)
            // Where `off_t` has 32 bits, past 2 GiB, the rename does it all.
            guard let start = off_t(exactly: offset), let length = off_t(exactly: count) else { return }
            // POSIX_FADV_DONTNEED queues the write-back of the dirty pages
            // and then drops the clean ones, which these are not yet (Linux's
            // `sync_file_range`, which only queues, is not in Swift's Glibc
            // module). It drains the page lists of every CPU first: 16 MB
            // between calls keeps that rare.
            _ = posix_fadvise(descriptor, start, length, POSIX_FADV_DONTNEED)
        #endif
    }

    /// Finishes the output: a file written under a temporary name is closed and
    /// renamed over its target.
    public func commit() throws(IOError) {
        guard let temporaryPath, let finalPath, !closed else { return }
        closed = true
        guard close(descriptor) == 0 else {
            let reason = IOError.systemReason()
            unlink(temporaryPath)
            throw .writeFailed(path: finalPath, reason: reason)
        }
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = IOError.systemReason()
            unlink(temporaryPath)
            throw .writeFailed(path: finalPath, reason: reason)
        }
    }
}

/// Bytes held in memory, read in order.
public final class MemoryInput: ByteInput {
    public let name: String
    private let bytes: [UInt8]
    private var offset = 0
    private let readLimit: Int

    /// - Parameter readLimit: the most bytes one read returns, to exercise
    ///   readers on short reads as pipes give them.
    public init(_ bytes: [UInt8], name: String = "memory", readLimit: Int = .max) {
        self.bytes = bytes
        self.name = name
        self.readLimit = readLimit
    }

    public var size: Int? { bytes.count }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        let count = min(buffer.count, bytes.count - offset, readLimit)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }
}

/// Bytes collected in memory.
public final class MemoryOutput: ByteOutput {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(IOError) {
        self.bytes.append(contentsOf: bytes)
    }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes written since the last take, which are forgotten.
    public func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
