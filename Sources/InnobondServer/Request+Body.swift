import Hummingbird
import NIOCore

extension Request {
    /// The whole body, or a 413 error with `message` when it is larger than
    /// `limit` bytes.
    mutating func collectBody(upTo limit: Int, tooLarge message: String) async throws -> ByteBuffer {
        do {
            return try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, message, field: "body")
        }
    }
}
