import Foundation

/// `/api/reference`: the JSON API, read from its own OpenAPI document: each
/// operation with its parameters and answers, each schema with every member,
/// its type and its description. No script, nothing from elsewhere.
struct APIReferencePage: Sendable {
    static let path = "/api/reference"

    struct Parameter: Sendable {
        var name: String
        var type: String
        var required: Bool
        var description: String
    }

    struct Answer: Sendable {
        var status: String
        var description: String
        var schema: String?
        var schemaHref: String?
    }

    struct Operation: Sendable {
        var anchor: String
        var method: String
        var path: String
        var summary: String
        var needsToken: Bool
        var parameters: [Parameter]
        var hasParameters: Bool
        var body: String?
        var answers: [Answer]
    }

    struct Tag: Sendable {
        var name: String
        var anchor: String
        var operations: [Operation]
    }

    /// A member of a schema, nested members indented under their parent.
    struct Member: Sendable {
        var name: String
        /// `items[].code`: where it sits in the schema.
        var path: String
        var indent: String
        var type: String
        var required: Bool
        var description: String
    }

    struct Schema: Sendable {
        var name: String
        var anchor: String
        var description: String
        var members: [Member]
    }

    var layout: Layout
    var title: String
    var summary: String
    var tags: [Tag]
    var schemas: [Schema]

    init(current: RegistryState.Current, document: [String: Any]) {
        layout = Layout("API reference", section: nil, current: current)
        let info = document["info"] as? [String: Any] ?? [:]
        title = (info["title"] as? String ?? "API") + " reference"
        summary = info["description"] as? String ?? ""
        let paths = document["paths"] as? [String: [String: [String: Any]]] ?? [:]
        var byTag: [String: [Operation]] = [:]
        for (path, operations) in paths {
            for (method, operation) in operations {
                let tag = (operation["tags"] as? [String])?.first ?? "other"
                byTag[tag, default: []].append(Self.operation(method: method, path: path, operation))
            }
        }
        let methodOrder = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
        tags = byTag.keys.sorted().map { name in
            Tag(
                name: name, anchor: "tag-" + name,
                operations: byTag[name]!.sorted {
                    ($0.path, methodOrder.firstIndex(of: $0.method) ?? 9)
                        < ($1.path, methodOrder.firstIndex(of: $1.method) ?? 9)
                })
        }
        let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        schemas = components.keys.sorted().map { name in
            let schema = components[name] as? [String: Any] ?? [:]
            var members: [Member] = []
            Self.members(of: schema, path: "", depth: 0, into: &members)
            return Schema(
                name: name, anchor: "schema-" + name, description: schema["description"] as? String ?? "",
                members: members)
        }
    }

    static func operation(method: String, path: String, _ operation: [String: Any]) -> Operation {
        let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { parameter in
            let schema = parameter["schema"] as? [String: Any] ?? [:]
            return Parameter(
                name: (parameter["name"] as? String ?? "") + (parameter["in"] as? String == "path" ? " (path)" : ""),
                type: typeText(schema), required: parameter["required"] as? Bool ?? false,
                description: parameter["description"] as? String ?? "")
        }
        let answers = (operation["responses"] as? [String: [String: Any]] ?? [:]).sorted { $0.key < $1.key }.map {
            status, answer in
            let reference =
                (((answer["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"]
                as? [String: Any])?["$ref"] as? String
            let schema = reference.map { String($0.split(separator: "/").last ?? "") }
            return Answer(
                status: status, description: answer["description"] as? String ?? "", schema: schema,
                schemaHref: schema.map { "#schema-" + $0 })
        }
        let body = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        let anchor = operation["operationId"] as? String ?? method + path
        return Operation(
            anchor: anchor, method: method.uppercased(), path: path, summary: operation["summary"] as? String ?? "",
            needsToken: operation["requestBody"] != nil, parameters: parameters, hasParameters: !parameters.isEmpty,
            body: body.map { "Body: " + $0.keys.sorted().joined(separator: " or ") }, answers: answers)
    }

    /// The members of an object schema, depth first, with nested objects'
    /// and array items' members under them.
    static func members(of schema: [String: Any], path: String, depth: Int, into members: inout [Member]) {
        let object = (schema["items"] as? [String: Any]).flatMap { $0["properties"] == nil ? nil : $0 } ?? schema
        let prefix = schema["items"] != nil && object["properties"] != nil ? path + "[]" : path
        let required = Set(object["required"] as? [String] ?? [])
        let properties = object["properties"] as? [String: Any] ?? [:]
        for name in properties.keys.sorted() {
            let property = properties[name] as? [String: Any] ?? [:]
            let memberPath = prefix.isEmpty ? name : prefix + "." + name
            members.append(
                Member(
                    name: name, path: memberPath, indent: String(repeating: "· ", count: depth),
                    type: typeText(property), required: required.contains(name),
                    description: property["description"] as? String ?? ""))
            if depth < 6 { Self.members(of: property, path: memberPath, depth: depth + 1, into: &members) }
        }
    }

    /// A schema's type in words: `string (date)`, `array of number`, `one of a, b`.
    static func typeText(_ schema: [String: Any]) -> String {
        if let reference = schema["$ref"] as? String { return String(reference.split(separator: "/").last ?? "") }
        var text: String
        if let types = schema["type"] as? [String] {
            text = types.joined(separator: " or ")
        } else {
            text = schema["type"] as? String ?? "any"
        }
        if text == "array", let items = schema["items"] as? [String: Any] { text = "array of " + typeText(items) }
        if let format = schema["format"] as? String { text += " (\(format))" }
        if let values = schema["enum"] as? [Any] {
            let shown = values.prefix(12).map { "\($0)" }.joined(separator: ", ")
            text += ": " + shown + (values.count > 12 ? ", …" : "")
        }
        if let minimum = schema["minimum"], let maximum = schema["maximum"] { text += ", \(minimum) to \(maximum)" }
        return text
    }
}
