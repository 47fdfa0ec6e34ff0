import Foundation

/// An object of a ``JSONStream``: each member written as it comes, after
/// its key.
struct JSONStreamObject<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONStream
    /// The object among the stream's open containers (-1: none, failed).
    let id: Int

    var codingPath: [any CodingKey] { stream.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.writeNull()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        try stream.write(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        try stream.write(value)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: Int128, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode(_ value: UInt128, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        stream.write(value)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try stream.beginMember(of: id, key: key)
        try stream.encodeValue(value, key: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        do {
            try stream.beginMember(of: id, key: key)
        } catch {
            stream.fail()
        }
        return KeyedEncodingContainer(
            JSONStreamObject<NestedKey>(
                stream: stream, id: stream.nestedContainer(keyType: ObjectIdentifier(NestedKey.self), in: id, key: key))
        )
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        do {
            try stream.beginMember(of: id, key: key)
        } catch {
            stream.fail()
        }
        return JSONStreamArray(stream: stream, id: stream.nestedContainer(keyType: nil, in: id, key: key))
    }

    /// Foundation writes a superclass's members under `super`; left to it.
    mutating func superEncoder() -> any Encoder {
        stream.fail()
        return stream
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        stream.fail()
        return stream
    }
}
