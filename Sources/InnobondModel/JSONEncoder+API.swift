import Foundation
import Synchronization

extension JSONEncoder {
    /// The encoder of the API and of the commands' JSON: snake_case keys,
    /// sorted, dates as written.
    public static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom(SnakeCaseKeys.key)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension JSONEncoder {
    /// ``api`` for values whose keys are snake case as written
    /// (``SnakeCaseKeyed``): the same bytes without converting a key.
    public static var apiKeysAsWritten: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = api.outputFormatting
        return encoder
    }
}

/// A value whose keys, through its whole tree, are snake case as written,
/// so that ``JSONEncoder/apiKeysAsWritten`` encodes it as
/// ``JSONEncoder/api`` does. Converting keys costs a coding path a key: a
/// sixth of a JSON bond list's CPU at 1,000,000 bonds.
public protocol SnakeCaseKeyed: Encodable {}

/// Foundation's `convertToSnakeCase`, each name converted once: converting
/// every key of every answer anew was a tenth of a bond list's CPU.
enum SnakeCaseKeys {
    /// Names converted so far; at most `limit`, as dictionary keys from
    /// data are converted too.
    private static let converted = Mutex<[String: String]>([:])
    private static let limit = 4096

    static func key(_ path: [any CodingKey]) -> any CodingKey {
        Key(name(path.last!.stringValue))
    }

    /// `name` in snake case.
    static func name(_ name: String) -> String {
        if let known = converted.withLock({ $0[name] }) { return known }
        let snake = convert(name)
        converted.withLock { if $0.count < limit { $0[name] = snake } }
        return snake
    }

    /// `name` as Foundation's `convertToSnakeCase` writes it, by Foundation itself.
    static func convert(_ name: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(OneKey(name: name)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Int], let key = object.keys.first
        else { return name }
        return key
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ stringValue: String) { self.stringValue = stringValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// An object of one key, `name`.
    private struct OneKey: Encodable {
        var name: String
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(name))
        }
    }
}
