import Crypto
import InnobondIO
import Synchronization

/// Bytes read through, hashed with SHA-256 as they pass: the audit log's
/// fingerprint of a file or body imported.
final class HashingInput: ByteInput, @unchecked Sendable {
    private let input: any ByteInput
    private let hasher = Mutex(SHA256())
    private let finished = Mutex<String?>(nil)

    init(_ input: any ByteInput) {
        self.input = input
    }

    var name: String { input.name }
    var size: Int? { input.size }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        let count = try input.read(into: buffer)
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        hasher.withLock { $0.update(bufferPointer: bytes) }
        return count
    }

    /// The SHA-256 of the bytes read so far, 64 lowercase hex digits.
    var digest: String {
        finished.withLock { finished in
            if let finished { return finished }
            let digest = AuditEntry.hex(hasher.withLock { $0.finalize() })
            finished = digest
            return digest
        }
    }
}
