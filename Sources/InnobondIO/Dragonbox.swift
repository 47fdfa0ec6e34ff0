/// The shortest decimal in the rounding interval of a double whose interval
/// is symmetric (every finite double but the powers of two and the
/// subnormals), and among the shortest the closest (ties to an even digit).
///
/// Method: J. Jeon, "Dragonbox: A New Floating-Point Binary-to-Decimal
/// Conversion Algorithm" (2020), the round-to-nearest, ties-to-even case for
/// binary64 (κ = 2): one 64×128-bit product gives the interval's upper end
/// scaled by a power of ten (``dragonboxTable``), and the interval's width
/// comes from the same table entry by a shift. A decimal with three digits
/// fewer is tried first; otherwise the closest of the digits that remain is
/// found with a division by 100, and a second product only when the
/// remainder leaves a tie to settle (one case in a hundred). Schubfach
/// takes three products for every number, and `innobond analytics` writes
/// eight numbers a row (docs/benchmarks.md).
enum Dragonbox {
    private static let kappa = 2
    private static let minimumK = -292

    /// `value = significand · 10^exponent` for `value = c · 2^q`, where
    /// 2^52 < c < 2^53, or c = 2^52 and q = -1074: a normal double that is
    /// not a power of two, or the smallest normal one. The significand may
    /// end in zeros.
    @inline(__always)
    static func decimal(c: UInt64, q: Int) -> (significand: UInt64, exponent: Int) {
        let minusK = Schubfach.floorLog10Pow2(q) &- kappa
        // beta is 6 to 9 over every binary64 exponent, so masking shifts
        // shift exactly.
        let beta = q &+ Schubfach.floorLog2Pow10(-minusK)
        let index = 2 &* (-minusK &- minimumK)
        let cacheHigh = dragonboxTable[index]
        let cacheLow = dragonboxTable[index + 1]
        let delta = cacheHigh &>> UInt64(63 &- beta)
        let twoC = c &<< 1
        let even = c & 1 == 0

        // The interval's upper end z, an integer part and whether it is exact.
        let z = multiplyUpper((twoC | 1) &<< UInt64(beta), cacheHigh, cacheLow)
        var significand = z.integer / 1000
        var remainder = z.integer &- significand &* 1000

        var fewerDigits: Bool
        if remainder < delta {
            // Inside the interval, unless it is its upper end, excluded for an odd c.
            fewerDigits = !(remainder == 0 && z.isInteger && !even)
            if !fewerDigits {
                significand &-= 1
                remainder = 1000
            }
        } else if remainder > delta {
            fewerDigits = false
        } else {
            // At the lower end: inside when it is included and exact, or
            // when the lower end's fraction is below the upper end's.
            let x = multiplyParity(twoC &- 1, cacheHigh, cacheLow, beta: beta)
            fewerDigits = x.parity || (x.isInteger && even)
        }
        if fewerDigits { return (significand, minusK &+ kappa &+ 1) }

        // One digit more than tried: the closest decimal, from the distance
        // of its neighbourhood to the upper end.
        let distance = remainder &- delta / 2 &+ 50
        let approximateParity = (distance ^ 50) & 1 != 0
        let (steps, rest) = distance.quotientAndRemainder(dividingBy: 100)
        significand = significand &* 10 &+ steps
        if rest == 0 {
            // The value itself decides between two candidates: by its
            // parity, and on a tie by the even digit.
            let y = multiplyParity(twoC, cacheHigh, cacheLow, beta: beta)
            if y.parity != approximateParity {
                significand &-= 1
            } else if y.isInteger && significand & 1 != 0 {
                significand &-= 1
            }
        }
        return (significand, minusK &+ kappa)
    }

    /// The upper 128 bits of the 192-bit product `x · cache`: its high word,
    /// and whether its low word is zero.
    @inline(__always)
    private static func multiplyUpper(_ x: UInt64, _ cacheHigh: UInt64, _ cacheLow: UInt64) -> (
        integer: UInt64, isInteger: Bool
    ) {
        let high = x.multipliedFullWidth(by: cacheHigh)
        let carry = x.multipliedFullWidth(by: cacheLow).high
        let (low, overflow) = high.low.addingReportingOverflow(carry)
        return (high.high &+ (overflow ? 1 : 0), low == 0)
    }

    /// From the lower 128 bits of the 192-bit product `x · cache`: the bit
    /// of weight 2^0 after a shift by `beta`, and whether the bits below it
    /// are all zero.
    @inline(__always)
    private static func multiplyParity(_ x: UInt64, _ cacheHigh: UInt64, _ cacheLow: UInt64, beta: Int) -> (
        parity: Bool, isInteger: Bool
    ) {
        let lowProduct = x.multipliedFullWidth(by: cacheLow)
        let high = x &* cacheHigh &+ lowProduct.high
        let low = lowProduct.low
        let shift = UInt64(beta)
        return (
            (high &>> (64 &- shift)) & 1 != 0,
            (high &<< shift) | (low &>> (64 &- shift)) == 0
        )
    }
}
