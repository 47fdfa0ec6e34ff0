import InnobondIO
import Testing

/// The objects of an array found as they stream by, one byte a read too.
@Suite struct JSONObjectStreamTests {
    func objects(_ text: String, readLimit: Int = .max) throws -> [(Int, String)] {
        let stream = JSONObjectStream(input: MemoryInput(Array(text.utf8), readLimit: readLimit))
        var found: [(Int, String)] = []
        while let object = try stream.next() {
            found.append((object.line, String(decoding: object.bytes, as: UTF8.self)))
        }
        return found
    }

    @Test(arguments: [1, 3, 1 << 16])
    func theResultsMemberAfterOthersWithStringsThatLookLikeStructure(readLimit: Int) throws {
        let text = """
            {"total": 2, "sources_used": [{"source": "a ] b"}], "note": "}{",
             "results": [
              {"name": "A \\"quoted\\" {brace}", "ids": [{"type": "x", "number": "1"}], "n": 1.5},
              {"name": "B", "alt_names": null}
             ], "offset": 0}
            """
        let found = try objects(text, readLimit: readLimit)
        #expect(found.map(\.0) == [3, 4])
        #expect(found[0].1 == #"{"name": "A \"quoted\" {brace}", "ids": [{"type": "x", "number": "1"}], "n": 1.5}"#)
        #expect(found[1].1 == #"{"name": "B", "alt_names": null}"#)
    }

    @Test func aBareArrayAndAnEmptyOne() throws {
        #expect(try objects("[{\"a\": 1},{\"b\": [2]}]").map(\.1) == ["{\"a\": 1}", "{\"b\": [2]}"])
        #expect(try objects("\u{FEFF}[ ]").isEmpty)
    }

    @Test func whatIsNotAnArrayOfObjectsIsAnError() {
        #expect(throws: JSONRecordReader.SyntaxError.self) { try objects("{\"total\": 0}") }
        #expect(throws: JSONRecordReader.SyntaxError.self) { try objects("[1, 2]") }
        #expect(throws: JSONRecordReader.SyntaxError.self) { try objects("[{\"a\": \"open]") }
        #expect(throws: JSONRecordReader.SyntaxError.self) { try objects("{\"results\": 3}") }
    }
}
