import InnobondIO
import PropertyBased
import Testing

@Suite struct DecimalParserTests {
    func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { DecimalParser.parseDouble($0) }
    }

    @Test(arguments: [
        ("3.25", 3.25), ("-0.5", -0.5), ("+7", 7.0), ("100", 100.0), ("0", 0.0), ("-0", -0.0), (".5", 0.5),
        ("5.", 5.0), ("1e3", 1000.0), ("1.5E-2", 0.015), ("0.000123", 0.000123), ("19.148340", 19.14834),
        ("123456789012345678901234567890", 123456789012345678901234567890.0),
        ("0.1000000000000000055511151231257827", 0.1), ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("1.7976931348623157e308", 1.7976931348623157e308),
        ("1e400", .infinity),
    ])
    func parsesDecimals(text: String, value: Double) {
        let parsed = parse(text)
        #expect(parsed == value)
        #expect(parsed?.sign == value.sign)
    }

    @Test(arguments: [
        "", "abc", "par", "4,5", "1.2.3", "--3", "+-3", "1e", "1e+", ".", "-", "nan", "inf", "0x10", " 1", "1 ",
        "1_000", "１",
    ])
    func rejectsEverythingElse(text: String) {
        #expect(parse(text) == nil)
    }

    /// Whatever the digits, the result is the correctly rounded value, as the
    /// standard library's parser gives it.
    @Test func agreesWithTheStandardLibrary() async {
        let digits = Gen.character(in: "0"..."9").string(of: 1...22)
        await propertyCheck(count: 2000, input: digits, Gen.int(in: 0...22), Gen.int(in: -40...40), Gen.bool) {
            mantissa, point, exponent, negative in
            var text = mantissa
            if point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            text = (negative ? "-" : "") + text + (exponent == 0 ? "" : "e\(exponent)")
            #expect(parse(text) == Double(text), "\(text)")
        }
    }

    /// The shortest-decimal writer gives exactly the standard library's
    /// `description`, over every kind of finite double: any bit pattern,
    /// ordinary magnitudes, integers, powers of two, short decimals and
    /// their neighbours, and the edge values.
    @Test func shortestOutputIsTheStandardLibrarysDescription() async {
        func check(_ number: Double) {
            let buffer = ByteBuffer()
            buffer.append(shortest: number)
            let text = String(decoding: buffer.bytes, as: UTF8.self)
            #expect(text == number.description)
            if number.isFinite { #expect(parse(text) == number, "\(text)") }
        }
        await propertyCheck(count: 20000, input: Gen.uint64(in: 0...UInt64.max)) { bits in
            check(Double(bitPattern: bits))
        }
        await propertyCheck(count: 20000, input: Gen.double(in: -1e6...1e6), Gen.int(in: -60...60)) { value, scale in
            check(value * Double(sign: .plus, exponent: scale, significand: 1))
            check((value * 10000).rounded() / 10000)
            check(value.rounded())
        }
        for exponent in -1074...1023 { check(Double(sign: .plus, exponent: exponent, significand: 1)) }
        // Integers, whose shortest decimal is their own digits below 2^53.
        for integer in 0..<5000 {
            check(Double(integer))
            check(Double(1 << 53 - integer))
            check(Double(integer) * 1e12)
        }
        // Subnormals, whose rounding intervals are widest relative to their value.
        for significand in UInt64(1)...20000 { check(Double(bitPattern: significand)) }
        for significand in UInt64(1)...20000 { check(Double(bitPattern: (1 << 52) - significand)) }
        for number in [
            0.0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .leastNormalMagnitude,
            .greatestFiniteMagnitude, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e-4, 9.9999e-5, 1e15, 1e16,
            1e22, 1e23, 0.1, 0.2, 0.3, 123_456_789_012_345_680,
            // The decimal point after each of 0 to 16 digits, with 16 and 17 significant digits.
            1_234_567_890_123_456, 9_007_199_254_740_991, 4_503_599_627_370_495.5, 0.000_123_456_789_012_345_67,
        ] { check(number) }
        // Short decimals and their neighbours, at the ends of the rounding
        // intervals where a shorter decimal is only just inside or outside.
        for digits in 1..<1000 {
            for exponent in stride(from: -320, through: 300, by: 13) {
                let number = Double("\(digits)e\(exponent)")!
                for neighbour in [number, number.nextUp, number.nextDown] where neighbour > 0 { check(neighbour) }
            }
        }
        var scale = 1e-4
        for _ in -4...16 {
            check(0.123_456_789_012_345_68 * scale)
            check(0.987_654_321_098_765_4 * scale)
            check(0.1 * scale + 1e-20)
            scale *= 10
        }
    }

    /// A text is said to be the shortest decimal of its value only when the
    /// shortest-decimal writer writes that text for the value, and always
    /// when it does and the text is short. Texts of
    /// every shape: signs, leading and trailing zeros, long and short, with
    /// an exponent.
    @Test func textsThatAreTheShortestDecimalOfTheirValue() async {
        func check(_ text: String) {
            var text = text
            guard let number = text.withUTF8({ DecimalParser.parseNumber($0) }) else { return }
            let written = ByteBuffer()
            written.append(shortest: number.value)
            let isWritten = written.bytes == Array(text.utf8)
            if number.isShortestText { #expect(isWritten, "\(text)") }
            // Said of every such text of 15 digits or fewer but zero.
            if isWritten, text.filter(\.isNumber).count <= 15, number.value != 0 {
                #expect(number.isShortestText, "\(text)")
            }
        }
        let digits = Gen.int(in: 0...9)
        await propertyCheck(
            count: 20000, input: Gen.int(in: 0...2), digits.array(of: 0...17), digits.array(of: 0...19),
            Gen.int(in: -8...8)
        ) { sign, integer, fraction, exponent in
            var text = ["", "-", "+"][sign] + integer.map(String.init).joined()
            if !fraction.isEmpty || exponent == 0 { text += "." + fraction.map(String.init).joined() }
            if exponent == 1 { text += "e3" }
            check(text)
        }
        // Short decimals of every length and position of the point.
        await propertyCheck(count: 20000, input: Gen.int(in: 1...999_999_999_999_999), Gen.int(in: 0...20)) {
            significand, point in
            var text = String(significand)
            while text.count <= point { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -point))
            if point == 0 { text += "0" }
            check(text)
            check("-" + text)
        }
        for text in [
            "139.6406", "-0.126516", "100.0", "100.00", "0.0001", "0.00001", "-0.0", "0.0", "007.5", ".5", "5.", "1e2",
            "123456789012345.6", "12345678901234.5", "9007199254740993.0", "0.1", "4.35", "+4.35",
            "0.000123456789012345",
        ] { check(text) }
        for text in ["139.6406", "-0.126516", "100.0", "0.0001", "12345678901234.5"] {
            #expect(
                text.utf8.withContiguousStorageIfAvailable { DecimalParser.parseNumber($0)?.isShortestText } == true)
        }
    }

    @Test func integers() {
        var text = "12"
        #expect(text.withUTF8 { DecimalParser.parseInt($0) } == 12)
        text = "1.0"
        #expect(text.withUTF8 { DecimalParser.parseInt($0) } == nil)
        text = ""
        #expect(text.withUTF8 { DecimalParser.parseInt($0) } == nil)
    }
}
