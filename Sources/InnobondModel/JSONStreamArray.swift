import Foundation

/// An array of a ``JSONStream``: each element written as it comes.
struct JSONStreamArray: UnkeyedEncodingContainer {
    let stream: JSONStream
    /// The array among the stream's open containers (-1: none, failed).
    let id: Int

    var codingPath: [any CodingKey] { stream.codingPath }
    var count: Int { stream.elementCount(of: id) }

    mutating func encodeNil() throws {
        _ = try stream.beginElement(of: id)
        stream.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: String) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Double) throws {
        _ = try stream.beginElement(of: id)
        try stream.write(value)
    }

    mutating func encode(_ value: Float) throws {
        _ = try stream.beginElement(of: id)
        try stream.write(value)
    }

    mutating func encode(_ value: Int) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Int8) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Int16) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Int32) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Int64) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt8) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt16) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt32) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt64) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: Int128) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode(_ value: UInt128) throws {
        _ = try stream.beginElement(of: id)
        stream.write(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = try stream.beginElement(of: id)
        try stream.encodeValue(value, key: JSONStreamIndex(intValue: index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let key = element()
        return KeyedEncodingContainer(
            JSONStreamObject<NestedKey>(
                stream: stream, id: stream.nestedContainer(keyType: ObjectIdentifier(NestedKey.self), in: id, key: key))
        )
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = element()
        return JSONStreamArray(stream: stream, id: stream.nestedContainer(keyType: nil, in: id, key: key))
    }

    /// Foundation writes a superclass into the next element; left to it.
    mutating func superEncoder() -> any Encoder {
        stream.fail()
        return stream
    }

    /// Begins an element for a nested container: its index as a key.
    private func element() -> JSONStreamIndex {
        do {
            return JSONStreamIndex(intValue: try stream.beginElement(of: id))
        } catch {
            stream.fail()
            return JSONStreamIndex(intValue: 0)
        }
    }
}

/// An array element's place on the coding path, named as Foundation names it.
struct JSONStreamIndex: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }

    init(intValue: Int) { index = intValue }
    init?(stringValue: String) { nil }
}
