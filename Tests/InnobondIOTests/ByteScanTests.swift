import InnobondIO
import Testing

/// The word-at-a-time scans see every byte of a field, whatever its length
/// and wherever the byte sought is, and nothing outside it.
@Suite struct ByteScanTests {
    /// Fields of 0 to 20 bytes inside a longer buffer, with one byte set at
    /// each position in turn, and that byte just outside the field.
    func fields(with special: UInt8, _ check: (UnsafeBufferPointer<UInt8>, _ holdsSpecial: Bool) -> Void) {
        for length in 0...20 {
            for position in -1...length {
                var buffer = [UInt8](repeating: UInt8(ascii: "a"), count: 48)
                let start = 13
                buffer[start + position] = special
                buffer.withUnsafeBufferPointer { all in
                    check(
                        UnsafeBufferPointer(rebasing: all[start..<start + length]), position >= 0 && position < length)
                }
            }
        }
    }

    @Test func asciiIsEveryByteBelow0x80() {
        for special: UInt8 in [0x80, 0xC3, 0xFF] {
            fields(with: special) { field, holdsSpecial in #expect(ByteScan.isASCII(field) == !holdsSpecial) }
        }
    }

    @Test func csvFieldsAreQuotedExactlyWhenTheyHoldASeparatorOrQuote() {
        for special in [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A, UInt8(ascii: "+"), UInt8(ascii: "-")] {
            let isSpecial = special != UInt8(ascii: "+") && special != UInt8(ascii: "-")
            fields(with: special) { field, holdsSpecial in
                let buffer = ByteBuffer()
                buffer.append(csvField: field)
                let quoted = buffer.bytes.first == UInt8(ascii: "\"")
                #expect(quoted == (isSpecial && holdsSpecial), "\(field.count) bytes")
            }
        }
    }
}
