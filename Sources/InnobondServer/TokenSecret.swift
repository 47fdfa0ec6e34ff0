import Crypto
import Foundation

/// API token secrets: made from 32 random bytes, kept by the store only as
/// their SHA-256 hash. A secret of 256 random bits needs no slow hash: there
/// is nothing to guess from a list of hashes.
public enum TokenSecret {
    /// A new secret, `prefix` and 64 hexadecimal digits, and its hash:
    /// `ib_` for API tokens, `ses_` for browser sessions.
    public static func generate(prefix: String = "ib_") -> (secret: String, hash: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secret = prefix + bytes.map { String(format: "%02x", $0) }.joined()
        return (secret, hash(secret))
    }

    /// The SHA-256 hash of a secret, 64 lowercase hexadecimal digits.
    public static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
