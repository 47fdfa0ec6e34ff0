/// Parses decimal numbers from ASCII bytes, fast and exactly.
public enum DecimalParser {
    /// The exactly representable powers of ten, 10^0 ... 10^22.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> Double {
        // A table read: a switch compiled to a jump table, mispredicted.
        exactPowersOfTen[exponent]
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// A number read from text.
    public struct Number: Sendable, Equatable {
        /// The nearest `Double` to the text.
        public var value: Double
        /// Whether the text is exactly what ``ByteBuffer/append(shortest:)``
        /// writes for `value`, so that it can be copied instead: `-?d+.d+` in
        /// fixed notation, without a leading zero, without a trailing zero
        /// unless the fraction is that one zero, from 0.0001 up, and with at
        /// most 15 significant digits. No shorter decimal reads back as such
        /// a value, as two decimals of 15 digits or fewer are more than one
        /// ulp of a `Double` apart.
        public var isShortestText: Bool
    }

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before
    /// the exponent) into the nearest `Double`; `nil` for anything else,
    /// including `nan`, `inf`, hexadecimal, thousands separators and spaces.
    public static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        parseNumber(bytes)?.value
    }

    /// Parses a number as ``parseDouble(_:)`` does, and tells whether the
    /// text is already the shortest decimal of the value.
    ///
    /// Method: Clinger's fast path (W. D. Clinger, "How to Read Floating Point
    /// Numbers Accurately", PLDI 1990): a significand below 2^53 times or over
    /// an exact power of ten up to 10^22 is one correctly rounded operation.
    /// Longer or larger numbers go to the standard library's parser.
    public static func parseNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        if let number = parsePlainNumber(bytes) { return number }
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let signLength = index
        var significand: UInt64 = 0
        var significantDigits = 0
        var droppedNonZero = false
        var exponent = 0
        var sawDigit = false
        while index < count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { break }
            sawDigit = true
            if significand == 0 && digit == 0 {
                // leading zero
            } else if significantDigits < 19 {
                significand = significand &* 10 &+ UInt64(digit)
                significantDigits += 1
            } else {
                exponent += 1
                droppedNonZero = droppedNonZero || digit != 0
            }
            index += 1
        }
        let integerDigits = index &- signLength
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- 48
                guard digit < 10 else { break }
                sawDigit = true
                if significand == 0 && digit == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent -= 1
                } else {
                    droppedNonZero = droppedNonZero || digit != 0
                }
                index += 1
            }
            fractionDigits = index &- fractionStart
        }
        guard sawDigit else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < count {
                let digit = bytes[index] &- 48
                guard digit < 10 else { break }
                sawExponentDigit = true
                if written < 100_000 { written = written * 10 + Int(digit) }
                index += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
            // An exponent is never in the shortest text's fixed notation.
            fractionDigits = 0
        }
        guard index == count else { return nil }

        if significand == 0 { return Number(value: negative ? -0.0 : 0.0, isShortestText: false) }
        if !droppedNonZero, significand <= 1 << 53, exponent >= -22, exponent <= 22 {
            let value = Double(significand)
            let scaled = exponent < 0 ? value / powerOfTen(-exponent) : value * powerOfTen(exponent)
            // The digits' form; `exponent` is then minus the fraction's digits.
            let shortest =
                bytes[0] != UInt8(ascii: "+")
                && isShortestForm(
                    bytes, signLength: signLength, integerDigits: integerDigits, fractionDigits: fractionDigits,
                    significantDigits: significantDigits)
            return Number(value: negative ? -scaled : scaled, isShortestText: shortest)
        }
        return Double(String(decoding: bytes, as: UTF8.self)).map { Number(value: $0, isShortestText: false) }
    }

    /// ``parseNumber(_:)`` for the usual numbers of a file: `[-]digits[.digits]`
    /// with at most 19 digits, not zero, and below 2^53 once the point is
    /// taken away; `nil` for anything else, which the general parser reads.
    ///
    /// A loop a digit with no other test: 19 digits cannot overflow the
    /// significand, and leading zeros add nothing to it.
    @inline(__always)
    private static func parsePlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Number? {
        let count = bytes.count
        guard count <= 20, count > 0, let start = bytes.baseAddress else { return nil }
        let negative = start[0] == UInt8(ascii: "-")
        let signLength = negative ? 1 : 0
        var index = signLength
        var significand: UInt64 = 0
        while index < count, start[index] &- 48 < 10 {
            significand = significand &* 10 &+ UInt64(start[index] &- 48)
            index &+= 1
        }
        let integerDigits = index &- signLength
        var fractionDigits = 0
        if index < count, start[index] == UInt8(ascii: ".") {
            index &+= 1
            let fractionStart = index
            while index < count, start[index] &- 48 < 10 {
                significand = significand &* 10 &+ UInt64(start[index] &- 48)
                index &+= 1
            }
            fractionDigits = index &- fractionStart
        }
        guard index == count, integerDigits &+ fractionDigits <= 19, significand != 0, significand <= 1 << 53
        else { return nil }
        let magnitude = Double(significand) / powerOfTen(fractionDigits)
        let significantDigits = ByteBuffer.decimalLength(significand)
        let shortest = isShortestForm(
            bytes, signLength: signLength, integerDigits: integerDigits, fractionDigits: fractionDigits,
            significantDigits: significantDigits)
        return Number(value: negative ? -magnitude : magnitude, isShortestText: shortest)
    }

    /// Whether a number of `[sign]digits[.digits]`, read without an exponent
    /// or dropped digits, is in the form ``Number/isShortestText`` states:
    /// a fraction, no leading zero, no trailing zero unless the fraction is
    /// one zero after a nonzero integer, at most 15 significant digits, and
    /// 0.0001 or more.
    @inline(__always)
    private static func isShortestForm(
        _ bytes: UnsafeBufferPointer<UInt8>, signLength: Int, integerDigits: Int, fractionDigits: Int,
        significantDigits: Int
    ) -> Bool {
        let leadIsZero = bytes[signLength] == UInt8(ascii: "0")
        return fractionDigits >= 1 && integerDigits >= 1 && significantDigits <= 15
            && (integerDigits == 1 || !leadIsZero)
            && (bytes[bytes.count &- 1] != UInt8(ascii: "0") || fractionDigits == 1 && !leadIsZero)
            && significantDigits &- 1 &- fractionDigits >= -4
    }

    /// Parses a non-negative decimal integer of at most 18 digits; `nil` otherwise.
    public static func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
