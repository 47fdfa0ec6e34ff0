/// Questions about short runs of bytes, such as the fields of a row,
/// answered eight bytes at a time.
public enum ByteScan {
    /// Whether every byte is below 0x80: ASCII, and so UTF-8 without a
    /// closer look.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !anyWord(of: bytes) { $0 & 0x8080_8080_8080_8080 != 0 }
    }

    /// Whether a CSV field must be quoted: it holds a comma, a double quote,
    /// a carriage return or a line feed (RFC 4180).
    static func needsCSVQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        anyWord(of: bytes) { word in
            zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C) | zeroBytes(word ^ 0x2222_2222_2222_2222)
                | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) != 0
        }
    }

    /// Whether `test` holds for a word of `bytes`: eight bytes at a time,
    /// the last word ending at the last byte (overlapping the one before
    /// it), or all the bytes padded with zeros when there are fewer than
    /// eight. Every byte is in some word, and no byte outside is read.
    @inline(__always)
    static func anyWord(of bytes: UnsafeBufferPointer<UInt8>, _ test: (UInt64) -> Bool) -> Bool {
        let count = bytes.count
        guard let start = bytes.baseAddress, count > 0 else { return false }
        if count < 8 {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(start[index]) &<< UInt64(8 &* index) }
            return test(word)
        }
        let raw = UnsafeRawPointer(start)
        var offset = 0
        while offset &+ 8 < count {
            if test(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return true }
            offset &+= 8
        }
        return test(raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
    }
}
