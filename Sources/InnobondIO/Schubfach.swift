/// The shortest decimal in the rounding interval of any finite double, and
/// among the shortest the closest to it (ties to an even last digit): used
/// for the powers of two and the subnormals, whose intervals ``Dragonbox``
/// does not take.
///
/// Method: R. Giulietti, "The Schubfach way to render doubles" (2020): the
/// rounding interval of the double is scaled by a 126-bit approximation of a
/// power of ten (``schubfachTable``) with round-to-odd products, and the
/// shortest decimal is picked among at most four candidates.
enum Schubfach {
    static let minimumK = -324
    static let maximumK = 292

    /// "00", "01", ..., "99": two ASCII digits for each number below 100.
    static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// The shortest decimal in the rounding interval of `c · 2^q`; the
    /// significand may end in zeros.
    @inline(__always)
    static func decimal(c: UInt64, q: Int) -> (significand: UInt64, exponent: Int) {
        // Wrapping arithmetic throughout: the method bounds every value.
        let odd: UInt64 = c & 1
        let cb = c &<< 2
        let cbr = cb &+ 2
        let cbl: UInt64
        let k: Int
        if c != 1 << 52 || q == -1074 {
            cbl = cb &- 2
            k = floorLog10Pow2(q)
        } else {
            // At a power of two the interval below is half as wide.
            cbl = cb &- 1
            k = floorLog10ThreeQuartersPow2(q)
        }
        let h = q &+ floorLog2Pow10(-k) &+ 2
        let index = 2 &* (k &- minimumK)
        let g1 = schubfachTable[index]
        let g0 = schubfachTable[index + 1]
        // h is 1 to 4 (the paper's bound), so masking shifts shift exactly.
        let vb = roundToOdd(g1, g0, cb &<< UInt64(h))
        let vbl = roundToOdd(g1, g0, cbl &<< UInt64(h))
        let vbr = roundToOdd(g1, g0, cbr &<< UInt64(h))

        let s = vb &>> 2
        if s >= 10 {
            // One digit fewer, if a multiple of ten lies in the interval. (The
            // paper stops at two digits, s >= 100, as Java prints at least two;
            // the shortest form may have one, as `8e-323` for 2^-1070.)
            // The zero is dropped here, where it is known, not by the caller.
            let sp = s / 10
            let sp10 = 10 &* sp
            let tp10 = sp10 &+ 10
            let lowerInside = vbl &+ odd <= sp10 &<< 2
            let upperInside = (tp10 &<< 2) &+ odd <= vbr
            if lowerInside != upperInside { return (lowerInside ? sp : sp &+ 1, k &+ 1) }
        }
        let t = s &+ 1
        let lowerInside = vbl &+ odd <= s &<< 2
        let upperInside = (t &<< 2) &+ odd <= vbr
        if lowerInside != upperInside { return (lowerInside ? s : t, k) }
        // Both in: the closer one, ties to even.
        let comparison = Int64(bitPattern: vb &- ((s &+ t) &<< 1))
        return (comparison < 0 || (comparison == 0 && s & 1 == 0) ? s : t, k)
    }

    /// `floor((g1·2^63 + g0) · cp / 2^127)`, with its lowest bit set when the
    /// division is inexact.
    @inline(__always)
    private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
        let x1 = g0.multipliedFullWidth(by: cp).high
        let y = g1.multipliedFullWidth(by: cp)
        let z = (y.low &>> 1) &+ x1
        let mask: UInt64 = (1 << 63) - 1
        return (y.high &+ (z &>> 63)) | (((z & mask) &+ mask) &>> 63)
    }

    /// `floor(q · log10(2))` for |q| <= 1200 (checked exactly by the table script's method).
    @inline(__always)
    static func floorLog10Pow2(_ q: Int) -> Int { (q &* 661_971_961_083) &>> 41 }

    /// `floor(log10(3/4 · 2^q))` for |q| <= 1200.
    @inline(__always)
    static func floorLog10ThreeQuartersPow2(_ q: Int) -> Int { (q &* 661_971_961_083 &- 274_743_187_321) &>> 41 }

    /// `floor(e · log2(10))` for |e| <= 400.
    @inline(__always)
    static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) &>> 38 }
}

extension ByteBuffer {
    /// Writes `value` as ``append(shortest:)`` does into at least 48 bytes;
    /// returns the byte count (at most 25).
    ///
    /// The digits are made eight at a time as words of ASCII bytes
    /// (``asciiDigits(_:)``) and stored straight into place, the decimal
    /// point put between them by shifting the words: no loop over the digits,
    /// and no byte written only to be read back.
    @usableFromInline
    static func format(_ value: Double, into out: UnsafeMutablePointer<UInt8>) -> Int {
        // The sign written first, whatever follows (`special` takes it back for NaN).
        let bits = value.bitPattern
        out[0] = UInt8(ascii: "-")
        let position = Int(truncatingIfNeeded: bits &>> 63)
        // Without the sign: zero is 0, and infinities and NaNs have all exponent bits set.
        let magnitudeBits = bits & ~(1 &<< 63)
        guard magnitudeBits != 0, magnitudeBits < 0x7FF0_0000_0000_0000 else {
            return position + special(value.magnitude, afterSign: position == 1, into: out + position)
        }
        var (significand, exponent) = ShortestDecimal.decimal(Double(bitPattern: magnitudeBits))
        if significand % 10 == 0 {
            // Up to 16 trailing zeros (a short decimal such as 139.6406 has
            // nine) in five steps rather than one step a zero.
            significand /= 10
            exponent &+= 1
            removeTrailingZeros(&significand, &exponent, 8, 100_000_000)
            removeTrailingZeros(&significand, &exponent, 4, 10_000)
            removeTrailingZeros(&significand, &exponent, 2, 100)
            removeTrailingZeros(&significand, &exponent, 1, 10)
        }
        let count = decimalLength(significand)
        let scientific = count &- 1 &+ exponent
        // Above 2^53 (positive doubles order as their bits do), or below 1e-4.
        if magnitudeBits > (9_007_199_254_740_992.0 as Double).bitPattern || scientific < -4 {
            return position + exponential(significand, count: count, scientific: scientific, into: out + position)
        }
        // The first digit apart and the next sixteen in two words: one
        // layout whatever the digit count, with no branch on it (of the
        // numbers `innobond analytics` writes, 42 % have 16 digits and 35 %
        // have 17).
        let (leadDigit, first, second) = digitWords(significand, count: count)
        let target = out + position
        if scientific < 0 {
            // 0.ddd or 0.000ddd: "0.0000" then the digits over its tail.
            copy16(from: UnsafePointer(Self.zeros.utf8Start), to: target)
            let digits = target + (1 &- scientific)
            digits[0] = leadDigit
            store(first, at: digits + 1)
            store(second, at: digits + 9)
            return position &+ 1 &- scientific &+ count
        }
        // An integer part of scientific + 1 digits, the lead digit first.
        target[0] = leadDigit
        writeWithPoint(first, second, integerDigits: scientific, into: target + 1)
        if scientific &+ 1 >= count {
            // ddd000.0: the padding gave the zeros; one more after the point.
            target[scientific &+ 2] = UInt8(ascii: "0")
            return position &+ scientific &+ 3
        }
        return position &+ count &+ 1
    }

    /// "0.0000" followed by zeros, for the 16 bytes copied.
    private static let zeros: StaticString = "0.00000000000000"

    /// Copies 16 bytes, unaligned.
    @inline(__always)
    private static func copy16(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(target).storeBytes(
            of: UnsafeRawPointer(source).loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
    }

    /// Moves `digits` trailing zeros of `significand` into `exponent`, if it has them.
    @inline(__always)
    private static func removeTrailingZeros(
        _ significand: inout UInt64, _ exponent: inout Int, _ digits: Int, _ power: UInt64
    ) {
        let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: power)
        if remainder == 0 {
            significand = quotient
            exponent &+= digits
        }
    }

    /// Stores eight bytes, the lowest first, unaligned.
    @inline(__always)
    private static func store(_ word: UInt64, at target: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(target).storeBytes(of: word.littleEndian, as: UInt64.self)
    }

    /// Writes the sixteen digits of two words of ``asciiDigits(_:)`` with a
    /// decimal point after the first `integerDigits` (0 to 15) of them: 17
    /// bytes, the stores reaching at most 24 past `target`.
    @inline(__always)
    private static func writeWithPoint(
        _ first: UInt64, _ second: UInt64, integerDigits: Int, into target: UnsafeMutablePointer<UInt8>
    ) {
        store(first, at: target)
        if integerDigits < 8 {
            // The fraction starts in the first word: shift the two words down
            // by the integer digits, the lowest byte being the first digit.
            let shift = UInt64(8 &* integerDigits)
            let upper = integerDigits == 0 ? 0 : second &<< (64 &- shift)
            store((first &>> shift) | upper, at: target + integerDigits + 1)
            store(second &>> shift, at: target + integerDigits + 9)
        } else {
            store(second, at: target + 8)
            store(second &>> UInt64(8 &* (integerDigits &- 8)), at: target + integerDigits + 1)
        }
        target[integerDigits] = UInt8(ascii: ".")
    }

    /// The eight decimal digits of `value` (below 10^8, zeros first) as
    /// ASCII bytes of a word, the first digit in its lowest byte.
    ///
    /// Method: the digits are split in lanes of the word, halving the lanes'
    /// width at each step: two lanes of four digits, four of two, eight of
    /// one, each split by a multiply and shift that divides exactly in its
    /// range (v·10486 >> 20 = v / 100 for v < 10^4; w·103 >> 10 = w / 10 for
    /// w < 100).
    @inline(__always)
    private static func asciiDigits(_ value: UInt64) -> UInt64 {
        let (high, low) = value.quotientAndRemainder(dividingBy: 10_000)
        let fours = high | low &<< 32
        let hundreds = (fours &* 10486) &>> 20 & 0x0000_007F_0000_007F
        let pairs = hundreds | (fours &- hundreds &* 100) &<< 16
        let tens = (pairs &* 103) &>> 10 & 0x000F_000F_000F_000F
        let digits = tens | (pairs &- tens &* 10) &<< 8
        return digits &+ 0x3030_3030_3030_3030
    }

    /// `d[.ddd]e±XX`; returns the byte count.
    private static func exponential(
        _ significand: UInt64, count: Int, scientific: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        let (leadDigit, first, second) = digitWords(significand, count: count)
        out[0] = leadDigit
        writeWithPoint(first, second, integerDigits: 0, into: out + 1)
        // One digit alone takes no point.
        var position = count > 1 ? count &+ 1 : 1
        out[position] = UInt8(ascii: "e")
        out[position + 1] = scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        position += 2
        var power = abs(scientific)
        if power >= 100 {
            out[position] = UInt8(truncatingIfNeeded: power / 100) &+ 48
            position += 1
            power %= 100
        }
        out[position] = Schubfach.digitPairs.utf8Start[2 * power]
        out[position + 1] = Schubfach.digitPairs.utf8Start[2 * power + 1]
        return position + 2
    }

    /// The digits of a `count`-digit significand (1 to 17 digits): the
    /// first as an ASCII byte, and the next sixteen, padded with zeros, as
    /// two words of ``asciiDigits(_:)``.
    @inline(__always)
    private static func digitWords(_ significand: UInt64, count: Int) -> (
        lead: UInt8, first: UInt64, second: UInt64
    ) {
        // Below 10^17: seventeen digits, the first of them not zero.
        let seventeen = significand &* powerOfTen(17 &- count)
        let (lead, sixteen) = seventeen.quotientAndRemainder(dividingBy: 10_000_000_000_000_000)
        let (high, low) = sixteen.quotientAndRemainder(dividingBy: 100_000_000)
        return (UInt8(truncatingIfNeeded: lead) &+ 48, asciiDigits(high), asciiDigits(low))
    }

    /// `0.0`, `inf` or `nan` (the sign, if any, written by the caller).
    private static func special(_ magnitude: Double, afterSign: Bool, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let word: StaticString = magnitude.isNaN ? "nan" : magnitude == 0 ? "0.0" : "inf"
        // A NaN is written without its sign, over the one written before it.
        let start = magnitude.isNaN && afterSign ? -1 : 0
        for index in 0..<3 { out[start + index] = word.utf8Start[index] }
        return start + 3
    }

    /// The number of decimal digits of `value` (at least 1).
    ///
    /// Method: the bit length times log10(2) ≈ 1233/4096 gives the digit
    /// count or one less; one comparison with a power of ten settles it.
    @inline(__always)
    static func decimalLength(_ value: UInt64) -> Int {
        let estimate = ((64 &- value.leadingZeroBitCount) &* 1233) &>> 12
        return estimate &+ (value >= powerOfTen(estimate) ? 1 : 0)
    }

    /// 10^exponent for 0 <= exponent <= 19.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        // A table read, not a switch: a switch compiled to a jump table
        // whose target changes from number to number, and the mispredicted
        // jumps cost 3 % of the time of `innobond analytics` (perf).
        powersOfTen[exponent]
    }
}

/// 10^0 ... 10^19.
private let powersOfTen: [UInt64] = [
    1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
    100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
]
