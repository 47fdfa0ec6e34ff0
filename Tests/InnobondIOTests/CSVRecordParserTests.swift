import InnobondIO
import PropertyBased
import Testing

/// Parses all records of a text with one parser over the whole input.
func records(_ text: String) -> [(fields: [String], line: Int, problem: CSVRecordParser.Problem?)] {
    records(bytes: Array(text.utf8))
}

/// Parses all records of bytes, which need not be UTF-8.
func records(bytes: [UInt8]) -> [(fields: [String], line: Int, problem: CSVRecordParser.Problem?)] {
    let parser = CSVRecordParser()
    var result: [([String], Int, CSVRecordParser.Problem?)] = []
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        var line = 1
        while offset < buffer.count, let extent = parser.parse(buffer, from: offset, isFinal: true) {
            if !parser.isBlank {
                result.append(((0..<parser.fieldCount).map(parser.string), line, parser.problem))
            }
            offset = extent.end
            line += extent.lineFeeds
        }
    }
    return result
}

/// Parses all records through the chunk reader, as the batch commands do.
func chunkedRecords(_ text: String, chunkSize: Int, readLimit: Int) throws -> [(fields: [String], line: Int)] {
    let reader = CSVChunkReader(input: MemoryInput(Array(text.utf8), readLimit: readLimit), chunkSize: chunkSize)
    let parser = CSVRecordParser()
    var result: [([String], Int)] = []
    while let chunk = try reader.next() {
        chunk.bytes.withUnsafeBufferPointer { buffer in
            var offset = chunk.start
            var line = chunk.firstLine
            while offset < buffer.count, let extent = parser.parse(buffer, from: offset, isFinal: true) {
                if !parser.isBlank { result.append(((0..<parser.fieldCount).map(parser.string), line)) }
                offset = extent.end
                line += extent.lineFeeds
            }
        }
    }
    return result
}

@Suite struct CSVRecordParserTests {
    @Test func rfc4180Fields() {
        let parsed = records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\r\n\"multi\nline\",2,3\n\nlast,row")
        #expect(
            parsed.map(\.fields) == [
                ["a", "b", "c"], ["x, y", "say \"hi\"", ""], ["multi\nline", "2", "3"], ["last", "row"],
            ])
        #expect(parsed.map(\.line) == [1, 2, 3, 6])
        #expect(parsed.allSatisfy { $0.problem == nil })
    }

    @Test func quotesInsideUnquotedFieldsAreCharacters() {
        #expect(records("a\"b,c\n").map(\.fields) == [["a\"b", "c"]])
    }

    @Test func crlfAndAFinalRecordWithoutLineBreak() {
        #expect(records("a,b\r\nc,d\r\n").map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records("a,b\r\nc,d").map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(records("a,b\r\nc,d\r").map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func malformedQuotingIsReported() {
        let unterminated = records("a,b\n\"open,c\n")
        #expect(unterminated.last?.problem == .unterminatedQuote(field: 0))
        let trailing = records("\"quoted\"tail,b\nnext,row\n")
        #expect(trailing.first?.problem == .textAfterClosingQuote(field: 0))
        #expect(trailing.last?.fields == ["next", "row"])
    }

    /// Splitting the input into chunks at any size, with reads of any length,
    /// gives the same records on the same lines as one pass over all of it.
    @Test func chunkingNeverChangesTheRecords() async throws {
        let pieces = ["a", "bc", ",", "\n", "\r\n", "\"", "\"\"", "\"q,\nx\"", "1.5", ""]
        let texts = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 0...60).map { $0.joined() }
        await propertyCheck(count: 500, input: texts, Gen.int(in: 1...40), Gen.int(in: 1...17)) {
            text, chunkSize, readLimit in
            let whole = records(text)
            let chunked = try chunkedRecords(text, chunkSize: chunkSize, readLimit: readLimit)
            #expect(chunked.map(\.fields) == whole.map(\.fields), "\(text.debugDescription)")
            #expect(chunked.map(\.line) == whole.map(\.line), "\(text.debugDescription)")
        }
    }

    /// Without quotes, records are the lines and fields the text between
    /// commas, at every length and alignment of a field, bytes with the high
    /// bit set (0xAC and 0x8A differ from a comma and a line feed only there)
    /// included.
    @Test func unquotedFieldsAreTheTextBetweenCommas() async {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("bcdefghijklmnopq".utf8), Array("12345678".utf8), [0x2C], [0x0A], [0x0D, 0x0A],
            [0xAC], [0x8A], [0xE4, 0xB8, 0xAD], [0x20],
        ]
        let texts = Gen.element(of: pieces).map { $0 ?? [] }.array(of: 0...80).map { Array($0.joined()) }
        await propertyCheck(count: 1000, input: texts) { bytes in
            var lines = bytes.split(separator: .lineFeed, omittingEmptySubsequences: false).map { Array($0) }
            if lines.last?.isEmpty == true { lines.removeLast() }
            var expected: [[String]] = []
            for var line in lines {
                if line.last == .carriageReturn { line.removeLast() }
                if line.isEmpty { continue }
                expected.append(
                    line.split(separator: .comma, omittingEmptySubsequences: false).map {
                        String(decoding: $0, as: UTF8.self)
                    })
            }
            #expect(records(bytes: bytes).map(\.fields) == expected, "\(bytes)")
        }
    }

    /// Records split eight bytes at a time hand over to the byte-by-byte
    /// parser at a word holding a quote, wherever it is: in a field, after
    /// the record's line feed, or in the record's last bytes.
    @Test func quotesNearWordBoundaries() {
        let text = "1234567,ab\n\"x,y\",z\r\nabcdefgh,\"q\"\nab,cd\"e,f\nabcdefghijk,lm\n\"\",1234567\nxy,z"
        let parsed = records(text)
        #expect(
            parsed.map(\.fields) == [
                ["1234567", "ab"], ["x,y", "z"], ["abcdefgh", "q"], ["ab", "cd\"e", "f"], ["abcdefghijk", "lm"],
                ["", "1234567"], ["xy", "z"],
            ])
        #expect(parsed.map(\.line) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func lineFeedsAreCountedInEveryPosition() async {
        let bytes = Gen.uint8(in: 0...255).map { $0 % 3 == 0 ? UInt8.lineFeed : $0 }.array(of: 0...70)
        await propertyCheck(count: 500, input: bytes) { bytes in
            let counted = bytes.withUnsafeBufferPointer(countLineFeeds)
            #expect(counted == bytes.filter { $0 == .lineFeed }.count)
        }
        // Past 255 blocks of sixteen bytes, where the byte counters are added up.
        for count in [255 * 16 - 1, 255 * 16, 255 * 16 + 1, 3 * 255 * 16 + 21] {
            let allLineFeeds = [UInt8](repeating: .lineFeed, count: count)
            #expect(allLineFeeds.withUnsafeBufferPointer(countLineFeeds) == count)
            let everyThird = (0..<count).map { $0 % 3 == 1 ? UInt8.lineFeed : UInt8(ascii: "x") }
            #expect(everyThird.withUnsafeBufferPointer(countLineFeeds) == (count + 1) / 3)
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let chunked = try chunkedRecords("\u{FEFF}id,x\n1,2\n", chunkSize: 4, readLimit: 2)
        #expect(chunked.map(\.fields) == [["id", "x"], ["1", "2"]])
    }

    @Test func fieldsAreQuotedOnOutputWhenNeeded() {
        let buffer = ByteBuffer()
        for field in ["plain", "a,b", "say \"hi\"", "two\nlines", ""] {
            buffer.append(csvField: field)
            buffer.append(.comma)
        }
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,")
    }
}
