import Foundation

/// A JSON value as decoded, telling booleans, whole numbers and other numbers apart.
enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    init(_ data: Data) throws { self = try JSONDecoder().decode(JSONValue.self, from: data) }
}

/// The JSON Schema of the values seen: types, `date` strings, the members of
/// objects and array items.
struct InferredSchema: Equatable {
    var types: Set<String> = []
    /// Every string seen was a YYYY-MM-DD date.
    var isDate = true
    var properties: [String: InferredSchema] = [:]
    /// The schema of array items, when any array was seen (0 or 1 element).
    var items: [InferredSchema] = []

    init() {}

    init(_ value: JSONValue) {
        switch value {
        case .null: types = ["null"]
        case .bool: types = ["boolean"]
        case .integer: types = ["integer"]
        case .number: types = ["number"]
        case .string(let text):
            types = ["string"]
            isDate = Self.isDate(text)
        case .array(let elements):
            types = ["array"]
            if let first = elements.first {
                items = [elements.dropFirst().reduce(InferredSchema(first)) { $0.merged(InferredSchema($1)) }]
            }
        case .object(let members):
            types = ["object"]
            properties = members.mapValues(InferredSchema.init)
        }
    }

    static func isDate(_ text: String) -> Bool { text.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}/) != nil }

    /// The schema of the values of both.
    func merged(_ other: InferredSchema) -> InferredSchema {
        var result = self
        result.types.formUnion(other.types)
        if result.types.contains("number") { result.types.remove("integer") }
        result.isDate = (isDate || !types.contains("string")) && (other.isDate || !other.types.contains("string"))
        for (name, schema) in other.properties {
            result.properties[name] = properties[name].map { $0.merged(schema) } ?? schema
        }
        if let theirs = other.items.first {
            result.items = [items.first.map { $0.merged(theirs) } ?? theirs]
        }
        return result
    }

    /// The members the API answers with whole numbers by their nature
    /// (counts, fen, years, days). Any other number is a `number`, even
    /// when every value seen happened to be whole: a Double of 2.0 is
    /// written `2`.
    static let integerMembers: Set<String> = [
        "amount_fen", "approval_days", "bonds", "count", "days", "frequency", "invention_patents", "issuers",
        "minimum_pairs", "pairs", "points", "spacing_days", "total", "unmatched", "year", "version", "working_days",
    ]

    /// As JSON Schema, for the OpenAPI document.
    var json: [String: Any] { json(member: nil) }

    /// As JSON Schema, as the value of `member`.
    func json(member: String?) -> [String: Any] {
        var schema: [String: Any] = [:]
        var types = types
        if types.contains("integer"), !Self.integerMembers.contains(member ?? "") {
            types.remove("integer")
            types.insert("number")
        }
        let sorted = types.sorted()
        schema["type"] = sorted.count == 1 ? sorted[0] : sorted
        if types.contains("string") && isDate { schema["format"] = "date" }
        // No `required`: members present in every answer seen may still be
        // absent from others (an empty period has no averages).
        if types.contains("object") {
            schema["properties"] = Dictionary(uniqueKeysWithValues: properties.map { ($0, $1.json(member: $0)) })
        }
        if types.contains("array") { schema["items"] = items.first?.json(member: member) ?? [:] }
        return schema
    }
}

/// Checks a value against a JSON Schema as `InferredSchema.json` writes
/// them: types, date format, required and unknown members, items. Returns
/// what is wrong, each with its path.
enum SchemaCheck {
    static func problems(_ value: JSONValue, _ schema: [String: Any], path: String = "$") -> [String] {
        let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String)].compactMap { $0 }
        func allows(_ type: String) -> Bool { types.isEmpty || types.contains(type) }
        switch value {
        case .null: return allows("null") ? [] : ["\(path): null, expected \(types)"]
        case .bool: return allows("boolean") ? [] : ["\(path): a boolean, expected \(types)"]
        case .integer: return allows("integer") || allows("number") ? [] : ["\(path): a number, expected \(types)"]
        case .number: return allows("number") ? [] : ["\(path): a fraction, expected \(types)"]
        case .string(let text):
            guard allows("string") else { return ["\(path): a string, expected \(types)"] }
            if schema["format"] as? String == "date", !InferredSchema.isDate(text) {
                return ["\(path): '\(text)' is not a date"]
            }
            return []
        case .array(let elements):
            guard allows("array") else { return ["\(path): an array, expected \(types)"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return elements.enumerated().flatMap { problems($1, items, path: "\(path)[\($0)]") }
        case .object(let members):
            guard allows("object") else { return ["\(path): an object, expected \(types)"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            var found = ((schema["required"] as? [String]) ?? []).filter { members[$0] == nil }
                .map { "\(path).\($0): required, missing" }
            for (name, member) in members {
                guard let property = properties[name] else {
                    found.append("\(path).\(name): not in the schema")
                    continue
                }
                found += problems(member, property, path: "\(path).\(name)")
            }
            return found
        }
    }
}
