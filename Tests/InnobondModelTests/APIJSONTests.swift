import Foundation
import PropertyBased
import Testing

@testable import InnobondModel

/// `APIJSON` against Foundation's `JSONEncoder` (`.api`, `.apiKeysAsWritten`),
/// the oracle: random values of every kind a `Codable` type can write,
/// encoded by both, must give the same bytes or both fail.
@Suite struct APIJSONTests {
    @Test func randomValuesEncodeAsFoundationEncodesThem() throws {
        var random = Xoshiro(seed: (0x1A2B, 0x3C4D, 0x5E6F, 0x7081))
        var streamed = 0
        var fellBack = 0
        let count = 3000
        for index in 0..<count {
            let shape = Shape.random(&random, depth: 0)
            for converting in [false, true] {
                let foundation: JSONEncoder = converting ? .api : .apiKeysAsWritten
                let expected = try? Array(foundation.encode(shape))
                let actual = try? APIJSON.encode(shape, convertingKeys: converting)
                #expect(
                    actual == expected,
                    "value \(index), converting keys \(converting): \(String(decoding: actual ?? [], as: UTF8.self)) against \(String(decoding: expected ?? [], as: UTF8.self))"
                )
                if let bytes = try? JSONStream(convertsKeys: converting).encodeTopLevel(shape) {
                    streamed += 1
                    #expect(bytes == expected, "value \(index) streamed")
                } else {
                    fellBack += 1
                }
            }
        }
        // The stream itself, not Foundation behind it, wrote most of them.
        #expect(streamed > count, "\(streamed) streamed, \(fellBack) left to Foundation")
        #expect(fellBack > count / 10, "\(streamed) streamed, \(fellBack) left to Foundation")
    }

    @Test func membersAreSortedByTheirKeysUTF8AndConvertedOnce() throws {
        struct Item: Encodable {
            var zebra = 1
            var issuerName: String? = "a/b \"c\"\n"
            var upperZebra = 2.5
            var absent: Int? = nil
            var nested = [["B": 1, "a": 2]]

            enum CodingKeys: String, CodingKey {
                case zebra, issuerName, absent, nested
                case upperZebra = "Zebra"
            }
        }
        #expect(
            String(decoding: try APIJSON.encode(Item(), convertingKeys: false), as: UTF8.self)
                == #"{"Zebra":2.5,"issuerName":"a/b \"c\"\n","nested":[{"B":1,"a":2}],"zebra":1}"#)
        #expect(
            String(decoding: try APIJSON.encode(Item(), convertingKeys: true), as: UTF8.self)
                == #"{"issuer_name":"a/b \"c\"\n","nested":[{"B":1,"a":2}],"zebra":2.5}"#
        )
        // Objects of one type in a list, their members out of order, some
        // absent: the order kept for the type is used only for the same keys.
        var items = (0..<6).map { index in Item(zebra: index, upperZebra: Double(index) / 4) }
        items[2].issuerName = nil
        items[4].absent = 7
        items[5].issuerName = nil
        #expect(
            try APIJSON.encode(items, convertingKeys: false) == Array(try JSONEncoder.apiKeysAsWritten.encode(items)))
        // Keys alike but for their bytes (a composed and a decomposed é).
        let accents = [["caf\u{E9}": 1], ["cafe\u{301}": 2]]
        #expect(
            try APIJSON.encode(accents, convertingKeys: false)
                == Array(try JSONEncoder.apiKeysAsWritten.encode(accents)))
        // More keys than a type has (a dictionary's): written alike.
        let wide = Dictionary(uniqueKeysWithValues: (0..<300).map { ("k\($0)", [$0]) })
        #expect(try APIJSON.encode(wide, convertingKeys: false) == Array(try JSONEncoder.apiKeysAsWritten.encode(wide)))
    }
}

/// What a random value's `encode(to:)` does.
private indirect enum Shape: Encodable {
    case object([(String, Member)])
    case array([Member])
    case single(Member)
    /// Asks for no container.
    case nothing
    /// Asks for its keyed container twice.
    case twice([(String, Member)], [(String, Member)])
    /// A nested keyed container between members of the parent, used in order.
    case nested([(String, Member)], inner: [(String, Member)], after: [(String, Member)])
    /// A nested container written after a later sibling.
    case interleaved
    case superEncoder
    case date(Date)
    case url(URL)
    case data(Data)
    case decimal(Decimal)
    case stringDictionary([String: Shape])
    case intDictionary([Int: Shape])
    case optionals([Shape?])
    case integers([Int])
    case texts([String])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `value` as this value's single value.
    private func single(_ value: some Encodable, _ encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in members { try member.encode(into: &container, key: Key(key)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try element.encode(into: &container) }
        case .single(let member):
            try member.encode(to: encoder)
        case .nothing:
            break
        case .twice(let first, let second):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in first { try member.encode(into: &container, key: Key(key)) }
            var again = encoder.container(keyedBy: Key.self)
            for (key, member) in second { try member.encode(into: &again, key: Key(key)) }
        case .nested(let before, let inner, let after):
            var container = encoder.container(keyedBy: Key.self)
            for (key, member) in before where key != "inner" {
                try member.encode(into: &container, key: Key(key))
            }
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key("inner"))
            for (key, member) in inner { try member.encode(into: &nested, key: Key(key)) }
            for (key, member) in after where key != "inner" {
                try member.encode(into: &container, key: Key(key))
            }
        case .interleaved:
            var container = encoder.container(keyedBy: Key.self)
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key("inner"))
            try container.encode(1, forKey: Key("first"))
            try nested.encode(2, forKey: Key("later"))
        case .superEncoder:
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: Key("own"))
            var parent = container.superEncoder().container(keyedBy: Key.self)
            try parent.encode(2, forKey: Key("inherited"))
        case .date(let date): try single(date, encoder)
        case .url(let url): try single(url, encoder)
        case .data(let data): try single(data, encoder)
        case .decimal(let decimal): try single(decimal, encoder)
        case .stringDictionary(let dictionary): try single(dictionary, encoder)
        case .intDictionary(let dictionary): try single(dictionary, encoder)
        case .optionals(let values): try single(values, encoder)
        case .integers(let values): try single(values, encoder)
        case .texts(let values): try single(values, encoder)
        }
    }

    static func random(_ random: inout Xoshiro, depth: Int) -> Shape {
        let leaf = depth >= 3
        func members(_ count: Int) -> [(String, Member)] {
            (0..<count).map { _ in (Member.key(&random), Member.random(&random, depth: depth + 1)) }
        }
        var kind = Int.random(in: 0..<(leaf ? 9 : 18), using: &random)
        // What Foundation is left with is drawn less often, so that most
        // values are written by the stream.
        if [5, 6, 7, 8, 11].contains(kind) && Int.random(in: 0..<4, using: &random) > 0 { kind = 0 }
        switch kind {
        case 0, 1: return .object(members(Int.random(in: 0...6, using: &random)))
        case 2:
            return .array(
                (0..<Int.random(in: 0...5, using: &random)).map { _ in Member.random(&random, depth: depth + 1) })
        case 3: return .single(Member.random(&random, depth: depth + 1))
        case 4: return .nothing
        case 5: return .date(Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...1e9, using: &random)))
        case 6: return .url(URL(string: "https://example.com/a/b?c=\(Int.random(in: 0...99, using: &random))")!)
        case 7:
            return .data(
                Data((0..<Int.random(in: 0...5, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
            )
        case 8: return .decimal(Decimal(Int.random(in: -999...999, using: &random)) / 100)
        case 9:
            return .twice(
                members(Int.random(in: 0...3, using: &random)), members(Int.random(in: 0...3, using: &random)))
        case 10:
            return .nested(
                members(Int.random(in: 0...3, using: &random)), inner: members(Int.random(in: 0...3, using: &random)),
                after: members(Int.random(in: 0...3, using: &random)))
        case 11: return Bool.random(using: &random) ? .interleaved : .superEncoder
        case 12:
            var dictionary: [String: Shape] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                dictionary[Member.key(&random)] = Shape.random(&random, depth: depth + 1)
            }
            return .stringDictionary(dictionary)
        case 13:
            var dictionary: [Int: Shape] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                dictionary[Int.random(in: -20...20, using: &random)] = Shape.random(&random, depth: depth + 1)
            }
            return .intDictionary(dictionary)
        case 14:
            return .optionals(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    Bool.random(using: &random) ? nil : Shape.random(&random, depth: depth + 1)
                })
        case 15:
            return .integers(
                (0..<Int.random(in: 0...4, using: &random)).map { _ in Int(truncatingIfNeeded: random.next()) })
        case 16: return .texts((0..<Int.random(in: 0...4, using: &random)).map { _ in Member.text(&random) })
        default: return .object(members(Int.random(in: 1...8, using: &random)))
        }
    }
}

/// One value a container writes.
private enum Member: Encodable {
    case null
    case absent
    case bool(Bool)
    case string(String)
    case double(Double)
    case float(Float)
    case int(Int)
    case int8(Int8)
    case uint64(UInt64)
    case int64(Int64)
    case shape(Shape)

    static let keys = [
        "a", "b", "B", "issuerName", "URLValue", "a_b", "_x", "x_", "HTTPServer2", "é", "日本", "z", "", "aa", "a\"q",
        "new\nline", "slash/", "Zebra", "zebra", "myURL", "ABC", "a1", "a10", "a2", "sciTech", "gSpreadBp",
    ]

    static func key(_ random: inout Xoshiro) -> String { keys[Int.random(in: 0..<keys.count, using: &random)] }

    static let pieces = [
        "plain", "a/b", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
        "日本語", "🙂", "\u{2028}", " ", "<&>", "",
    ]

    static func text(_ random: inout Xoshiro) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)]
        }
        .joined()
    }

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 1.5, 100, 1e16, 1e-7, 0.1, 123_456_789_012_345_680_000, .nan, .infinity, -.infinity,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.675,
    ]

    static func random(_ random: inout Xoshiro, depth: Int) -> Member {
        switch Int.random(in: 0..<13, using: &random) {
        case 0: return .null
        case 1: return .absent
        case 2: return .bool(Bool.random(using: &random))
        case 3: return .string(text(&random))
        case 4:
            return .double(
                Bool.random(using: &random)
                    ? doubles[Int.random(in: 0..<doubles.count, using: &random)]
                    : Double(bitPattern: random.next()))
        case 5: return .float(Float(bitPattern: UInt32(truncatingIfNeeded: random.next())))
        case 6: return .int(Int.random(in: -1000...1000, using: &random))
        case 7: return .int8(Int8(truncatingIfNeeded: random.next()))
        case 8: return .uint64(random.next())
        case 9: return .int64(Bool.random(using: &random) ? .min : Int64(truncatingIfNeeded: random.next()))
        default: return .shape(Shape.random(&random, depth: depth))
        }
    }

    func encode<Key: CodingKey>(into container: inout KeyedEncodingContainer<Key>, key: Key) throws {
        switch self {
        case .null: try container.encodeNil(forKey: key)
        case .absent: try container.encodeIfPresent(Int?.none, forKey: key)
        case .bool(let value): try container.encode(value, forKey: key)
        case .string(let value): try container.encode(value, forKey: key)
        case .double(let value): try container.encode(value, forKey: key)
        case .float(let value): try container.encode(value, forKey: key)
        case .int(let value): try container.encode(value, forKey: key)
        case .int8(let value): try container.encode(value, forKey: key)
        case .uint64(let value): try container.encode(value, forKey: key)
        case .int64(let value): try container.encode(value, forKey: key)
        case .shape(let value): try container.encode(value, forKey: key)
        }
    }

    func encode(into container: inout any UnkeyedEncodingContainer) throws {
        switch self {
        case .null: try container.encodeNil()
        case .absent: try container.encode(Int?.none)
        case .bool(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .float(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .int8(let value): try container.encode(value)
        case .uint64(let value): try container.encode(value)
        case .int64(let value): try container.encode(value)
        case .shape(let value): try container.encode(value)
        }
    }

    /// As a value of its own: each kind by its own `encode(to:)`, which
    /// writes it through a single value container.
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null: try Int?.none.encode(to: encoder)
        case .absent: return
        case .bool(let value): try value.encode(to: encoder)
        case .string(let value): try value.encode(to: encoder)
        case .double(let value): try value.encode(to: encoder)
        case .float(let value): try value.encode(to: encoder)
        case .int(let value): try value.encode(to: encoder)
        case .int8(let value): try value.encode(to: encoder)
        case .uint64(let value): try value.encode(to: encoder)
        case .int64(let value): try value.encode(to: encoder)
        case .shape(let value): try value.encode(to: encoder)
        }
    }
}
