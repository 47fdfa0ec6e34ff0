import Foundation

/// The API's JSON written straight to bytes: the same bytes as
/// ``JSONEncoder/api`` (keys converted to snake case) or
/// ``JSONEncoder/apiKeysAsWritten`` (keys as written), each model's
/// `encode(to:)` still the one statement of its fields.
///
/// Foundation's encoder builds a tree of values, a dictionary an object, and
/// casts every value to the types it treats apart: about half of a JSON bond
/// list's CPU. ``JSONStream`` writes each value as it comes and sorts an
/// object's members when it ends. What it does not write as Foundation
/// would (dates, URLs, decimals and data; string-keyed dictionaries when
/// keys are converted; a key written twice, or two keys of one type that
/// convert to one name; more than 256 keys of one key type in a value, as
/// dictionaries may hold; containers used after a later
/// sibling; `superEncoder`; numbers that are not finite; a value that throws
/// or encodes nothing at the top) is encoded by Foundation instead, from
/// the start, so that the bytes or the error are Foundation's.
public enum APIJSON {
    /// `value` as JSON: sorted keys, slashes unescaped; snake_case keys
    /// when `convertingKeys`.
    public static func encode<T: Encodable>(_ value: T, convertingKeys: Bool) throws -> [UInt8] {
        let stream = JSONStream(convertsKeys: convertingKeys)
        if let bytes = try? stream.encodeTopLevel(value) { return bytes }
        let encoder: JSONEncoder = convertingKeys ? .api : .apiKeysAsWritten
        return Array(try encoder.encode(value))
    }
}
