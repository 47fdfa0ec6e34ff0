import Foundation

/// A single value of a ``JSONStream``, written in the slot of the value
/// that asked for it.
struct JSONStreamValue: SingleValueEncodingContainer {
    let stream: JSONStream
    /// The value whose slot this fills.
    let slot: Int

    var codingPath: [any CodingKey] { stream.codingPath }

    mutating func encodeNil() throws {
        try stream.fill(slot)
        stream.writeNull()
    }

    mutating func encode(_ value: Bool) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: String) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Double) throws {
        try stream.fill(slot)
        try stream.write(value)
    }

    mutating func encode(_ value: Float) throws {
        try stream.fill(slot)
        try stream.write(value)
    }

    mutating func encode(_ value: Int) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Int8) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Int16) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Int32) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Int64) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt8) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt16) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt32) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt64) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: Int128) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode(_ value: UInt128) throws {
        try stream.fill(slot)
        stream.write(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try stream.fill(slot)
        try stream.encodeValue(value, key: nil)
    }
}
