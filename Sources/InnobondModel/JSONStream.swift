import Foundation

/// The encoder behind ``APIJSON``: writes each value to `bytes` as it is
/// encoded and sorts an object's members by their keys' UTF-8 when the
/// object ends. Containers must be used innermost first, as synthesized
/// `Codable` does; anything else throws ``Unsupported`` (or sets
/// `failed` where the protocol cannot throw), and ``APIJSON`` then asks
/// Foundation.
///
/// A stream is used by one encoding on one thread, and no method holds
/// one of its properties while another changes it: their accesses are not
/// checked at run time (the checks were a fifth of the stream's CPU).
final class JSONStream: Encoder {
    /// What this stream does not write as Foundation would.
    struct Unsupported: Error {}

    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
    /// Whether keys are converted to snake case (``JSONEncoder/api``).
    let convertsKeys: Bool
    /// The keys to the value or container being written.
    @exclusivity(unchecked) private(set) var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Set where the protocol cannot throw; the encoding then fails.
    @exclusivity(unchecked) private(set) var failed = false

    /// An open object or array.
    private struct Open {
        var id: Int
        /// Members or elements written so far.
        var count = 0
        /// The object's first member in `members` and `starts`.
        var firstMember: Int
        /// Whether the members came in order so far.
        var inOrder = true
        /// Whether opening it put a key on `codingPath`.
        var pushedKey: Bool
        /// An object's keys, by their place in `keyTables`; `nil` for an array.
        var keys: Int?
        /// Where the object's next key is looked for first in its keys.
        var cursor = 0
        var keyed: Bool { keys != nil }
    }
    @exclusivity(unchecked) private var open: [Open] = []
    @exclusivity(unchecked) private var nextID = 0
    /// The open objects' members: each key (its number in its object's
    /// ``JSONStreamKeys``) and where its `"key":` begins.
    @exclusivity(unchecked) private var members: [Int] = []
    @exclusivity(unchecked) private var starts: [Int] = []
    /// The value now being encoded, and whether it has written nothing yet.
    @exclusivity(unchecked) private var slot = 0
    @exclusivity(unchecked) private var slotEmpty = false
    /// How many containers were open when the current value began.
    @exclusivity(unchecked) private var slotDepth = 0
    /// Key types known to be, or not to be, a dictionary's.
    @exclusivity(unchecked) private var dictionaryKeys: [ObjectIdentifier: Bool] = [:]
    /// The keys objects of each key type have written (the objects of a
    /// list repeat them), and the place of each key type's.
    @exclusivity(unchecked) private var keyTables: [JSONStreamKeys] = []
    @exclusivity(unchecked) private var keyTablePlaces: [ObjectIdentifier: Int] = [:]
    /// Members being put in order.
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    init(convertsKeys: Bool) {
        self.convertsKeys = convertsKeys
        bytes.reserveCapacity(4096)
    }

    /// `value`'s JSON; throws when Foundation must encode it.
    func encodeTopLevel<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encodeValue(value, key: nil, topLevel: true)
        if failed { throw Unsupported() }
        return bytes
    }

    // MARK: - Values

    /// Encodes a value in the current slot (after its key or comma), under
    /// `key` on the coding path.
    func encodeValue<T: Encodable>(_ value: T, key: (any CodingKey)?, topLevel: Bool = false) throws {
        if T.self == Date.self || T.self == URL.self || T.self == Decimal.self || T.self == Data.self {
            throw Unsupported()
        }
        let saved = (slot, slotEmpty, slotDepth)
        nextID += 1
        slot = nextID
        slotEmpty = true
        slotDepth = open.count
        if let key { codingPath.append(key) }
        try value.encode(to: self)
        if failed { throw Unsupported() }
        if slotEmpty {
            // Foundation writes a nested value that encoded nothing as {}.
            if topLevel { throw Unsupported() }
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        }
        while open.count > slotDepth { try close() }
        if key != nil { codingPath.removeLast() }
        (slot, slotEmpty, slotDepth) = saved
    }

    /// Takes the current slot for a single value written by `slotID`'s container.
    func fill(_ slotID: Int) throws {
        guard !failed, slotID == slot, slotEmpty else { throw Unsupported() }
        slotEmpty = false
    }

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func write(_ value: Bool) {
        if value {
            bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        } else {
            bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A string in quotes, escaped as Foundation escapes it (slashes kept).
    func write(_ value: String) {
        Self.appendQuoted(value, to: &bytes)
    }

    /// `value` in quotes, escaped as ``write(_:)-(String)`` writes it.
    static func quoted(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return bytes
    }

    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            var mark = 0
            for index in text.indices {
                let byte = text[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[mark..<index]))
                mark = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    bytes.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
                    ])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[mark...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// An integer in decimal, as its `description`.
    func write(_ value: some FixedWidthInteger) {
        if value.bitWidth > 64 {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = UInt64(value.magnitude)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[end...]))
        }
    }

    /// A finite number as Foundation writes it: its `description` without a
    /// trailing `.0`.
    func write<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
        guard value.isFinite else { throw Unsupported() }
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8.dropLast(0))
    }

    // MARK: - Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if convertsKeys && isDictionaryKey(Key.self) { failed = true }
        if !failed && slotEmpty {
            slotEmpty = false
            return KeyedEncodingContainer(
                JSONStreamObject<Key>(stream: self, id: openContainer(keyType: ObjectIdentifier(Key.self))))
        }
        // A value may ask again for the object it opened (Foundation merges them).
        if !failed, open.count == slotDepth + 1, let own = open.last, own.keyed {
            return KeyedEncodingContainer(JSONStreamObject<Key>(stream: self, id: own.id))
        }
        failed = true
        return KeyedEncodingContainer(JSONStreamObject<Key>(stream: self, id: -1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if !failed && slotEmpty {
            slotEmpty = false
            return JSONStreamArray(stream: self, id: openContainer(keyType: nil))
        }
        failed = true
        return JSONStreamArray(stream: self, id: -1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONStreamValue(stream: self, slot: slot)
    }

    /// Opens an object (keys of `keyType`) or an array (`nil`) in the
    /// current slot or after a key.
    private func openContainer(keyType: ObjectIdentifier?, pushing key: (any CodingKey)? = nil) -> Int {
        nextID += 1
        bytes.append(keyType != nil ? UInt8(ascii: "{") : UInt8(ascii: "["))
        if let key { codingPath.append(key) }
        var keys: Int?
        if let keyType {
            if let place = keyTablePlaces[keyType] {
                keys = place
            } else {
                keys = keyTables.count
                keyTablePlaces[keyType] = keyTables.count
                keyTables.append(JSONStreamKeys(convertsKeys: convertsKeys))
            }
        }
        open.append(Open(id: nextID, firstMember: members.count, pushedKey: key != nil, keys: keys))
        return nextID
    }

    /// Makes container `id` the innermost open one, ending those opened
    /// after it; throws when it has ended.
    private func enter(_ id: Int) throws {
        guard !failed else { throw Unsupported() }
        while let last = open.last, last.id > id, open.count > slotDepth { try close() }
        guard open.last?.id == id else { throw Unsupported() }
    }

    /// Before an object's member: the comma, then `"key":`.
    func beginMember(of id: Int, key: some CodingKey) throws {
        try enter(id)
        let index = open.count - 1
        guard let keys = open[index].keys else { throw Unsupported() }
        let table = keyTables[keys]
        let member = try table.number(of: key.stringValue, from: &open[index].cursor)
        if open[index].count > 0 {
            bytes.append(UInt8(ascii: ","))
            let previous = table.rank(of: members[members.count - 1])
            let rank = table.rank(of: member)
            // The same name twice: Foundation keeps one.
            if previous == rank { throw Unsupported() }
            if previous > rank { open[index].inOrder = false }
        }
        open[index].count += 1
        members.append(member)
        starts.append(bytes.count)
        table.write(member, to: &bytes)
    }

    /// Before an array's element: the comma; the element's index.
    func beginElement(of id: Int) throws -> Int {
        try enter(id)
        let index = open.count - 1
        if open[index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[index].count += 1
        return open[index].count - 1
    }

    /// An object (keys of `keyType`) or array (`nil`) opened after a
    /// member's key or as an array's element.
    func nestedContainer(keyType: ObjectIdentifier?, in id: Int, key: (any CodingKey)?) -> Int {
        guard !failed else { return -1 }
        return openContainer(keyType: keyType, pushing: key)
    }

    func fail() { failed = true }

    func elementCount(of id: Int) -> Int {
        open.last(where: { $0.id == id })?.count ?? 0
    }

    /// Ends the innermost container, putting an object's members in order.
    private func close() throws {
        let ending = open.removeLast()
        if let keys = ending.keys {
            let first = ending.firstMember
            if !ending.inOrder { try sortMembers(from: first, keys: keys) }
            members.removeSubrange(first...)
            starts.removeSubrange(first...)
            bytes.append(UInt8(ascii: "}"))
        } else {
            bytes.append(UInt8(ascii: "]"))
        }
        if ending.pushedKey { codingPath.removeLast() }
    }

    /// Rewrites the members from `first` to the end of `bytes` in their
    /// keys' order.
    private func sortMembers(from first: Int, keys: Int) throws {
        let order = try keyTables[keys].order(of: members[first...])
        let base = starts[first]
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[base...])
        bytes.removeSubrange(base...)
        for (position, member) in order.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            let start = starts[first + member] - base
            // A member ends at the comma before the next, or at the end.
            let end = first + member + 1 < members.count ? starts[first + member + 1] - base - 1 : scratch.count
            bytes.append(contentsOf: scratch[start..<end])
        }
    }

    /// Whether `a` sorts before `b` by their UTF-8, as Foundation's sorted keys.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let compared = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return compared < 0 || (compared == 0 && x.count < y.count)
            }
        }
    }

    /// Whether `Key` is the standard library's key of a dictionary's
    /// entries: Foundation writes a string-keyed dictionary's keys without
    /// converting them.
    private func isDictionaryKey<Key: CodingKey>(_ type: Key.Type) -> Bool {
        let id = ObjectIdentifier(type)
        if let known = dictionaryKeys[id] { return known }
        let isDictionary = String(reflecting: type) == "Swift._DictionaryCodingKey"
        dictionaryKeys[id] = isDictionary
        return isDictionary
    }
}
