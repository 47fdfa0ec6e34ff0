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

    @Test func shortestOutputReadsBack() async {
        await propertyCheck(count: 2000, input: Gen.double(in: -1e6...1e6), Gen.int(in: -30...30)) { value, scale in
            var buffer = ByteBuffer()
            let number = value * Double(sign: .plus, exponent: scale, significand: 1)
            buffer.append(shortest: number)
            let text = String(decoding: buffer.bytes, as: UTF8.self)
            #expect(parse(text) == number, "\(text)")
            #expect(text == number.description)
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
