import Foundation
import InnobondInsights
import InnobondModel
import InnobondStore

/// The OpenAPI 3.1 document of the JSON API, built from the same route list
/// as the router.
enum OpenAPIDocument {
    static func json(_ routes: [APIRoute] = APIRoutes.all) -> [UInt8] {
        let data = try! JSONSerialization.data(
            withJSONObject: document(routes), options: [.sortedKeys, .prettyPrinted])
        return Array(data)
    }

    static func document(_ routes: [APIRoute]) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            paths[route.openAPIPath, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        for (path, id, summary) in [
            ("/health", "health", "Whether the server can serve the registry (503 while the store does not answer)"),
            ("/health/ready", "ready", "The same as /health, under the name orchestrators use"),
            ("/health/live", "live", "Whether the process answers at all"),
        ] {
            var responses: [String: Any] = ["200": response("Health")]
            if path != "/health/live" { responses["503"] = response("Health") }
            paths[path] = [
                "get": [
                    "summary": summary, "tags": ["operations"], "operationId": id, "responses": responses,
                ] as [String: Any]
            ]
        }
        var schemas = Dictionary(
            uniqueKeysWithValues: responseSchemas.merging(objectSchemas) { _, written in written }.map {
                ($0.key, Self.stated($0.value, path: $0.key))
            }
        ).merging(recordSchemas) { _, record in record }
        for name in Set(routes.map(\.schema)) where schemas[name] == nil {
            schemas[name] = ["type": "object"]
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "innobond API", "version": "1",
                "description":
                    "Sci-tech innovation bonds: the registry, analytics and insights. Reads are open unless the "
                    + "server is private; writes need a token (Authorization: Bearer ...). Errors are JSON bodies "
                    + "naming the field at fault.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
    }

    static func operation(_ route: APIRoute) -> [String: Any] {
        var parameters: [[String: Any]] = route.pathParameters.map { name in
            var schema: [String: Any] = ["type": "string"]
            if let pattern = APIRoute.pathPatterns[name] { schema["pattern"] = pattern }
            var entry: [String: Any] = ["name": name, "in": "path", "required": true, "schema": schema]
            if let description = APIRoute.pathDescriptions[name] { entry["description"] = description }
            return entry
        }
        for parameter in route.parameters {
            var schema: [String: Any]
            switch parameter.kind {
            case .string: schema = ["type": "string"]
            case .integer: schema = ["type": "integer"]
            case .number: schema = ["type": "number"]
            case .boolean: schema = ["type": "boolean"]
            case .date: schema = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
            }
            if let range = parameter.range {
                schema["minimum"] = parameter.kind == .integer ? Int(range.lowerBound) as Any : range.lowerBound
                schema["maximum"] = parameter.kind == .integer ? Int(range.upperBound) as Any : range.upperBound
            }
            if !parameter.values.isEmpty { schema["enum"] = parameter.values }
            var entry: [String: Any] = [
                "name": parameter.name, "in": "query", "required": parameter.required,
                "description": parameter.description + Self.enforced(parameter),
            ]
            if parameter.list {
                // Several values, comma-separated: `market=IB,SH`.
                entry["schema"] = ["type": "array", "items": schema]
                entry["style"] = "form"
                entry["explode"] = false
            } else {
                entry["schema"] = schema
            }
            // An empty value is taken as absent, as HTML forms send them.
            if !parameter.required { entry["allowEmptyValue"] = true }
            parameters.append(entry)
        }
        var responses: [String: Any] = ["200": response(route.schema)]
        var errors = route.errors
        // Every operation refuses a query parameter it does not take, and a
        // token that is not valid (reads need one on a private server).
        if errors[400] == nil { errors[400] = "A parameter is not valid, or not one this operation takes" }
        if errors[401] == nil {
            errors[401] =
                route.method == .get
                ? "The token is not valid, or the server is private and none was given"
                : "No token, or one that is not valid"
        }
        for (status, description) in errors {
            responses[String(status)] = [
                "description": description,
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ]
        }
        if route.errors[422] != nil { responses["422"] = response("ImportReport", "Bad rows") }
        var operation: [String: Any] = [
            "summary": route.summary, "tags": [route.tag], "parameters": parameters, "responses": responses,
            "operationId": operationID(route),
        ]
        if !route.bodyTypes.isEmpty {
            operation["requestBody"] = [
                "required": true,
                "content": Dictionary(
                    uniqueKeysWithValues: route.bodyTypes.map { type in (type, ["schema": Self.bodySchema(route, type)])
                    }),
            ]
            operation["security"] = [["bearer": []]]
        } else {
            // Reads take a token where they need one: on a private server.
            operation["security"] = [[:], ["bearer": []]] as [[String: [String]]]
        }
        return operation
    }

    static func response(_ schema: String, _ description: String = "OK") -> [String: Any] {
        [
            "description": description,
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]],
        ]
    }

    /// `getApiV1BondsCode` for `GET /api/v1/bonds/:code`.
    static func operationID(_ route: APIRoute) -> String {
        let words = route.path.split(whereSeparator: { "/:._-".contains($0) }).map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        return route.method.rawValue.lowercased() + words.joined()
    }

    /// The schemas of the reads' answers, inferred from the answers to many
    /// requests on the demo registry and checked against them by a test
    /// (Tests/InnobondServerTests/ResponseSchemaTests.swift).
    static var responseSchemas: [String: Any] {
        guard let url = Bundle.module.url(forResource: "response-schemas", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let schemas = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return schemas
    }

    /// A response schema with what the registry enforces of its members
    /// stated (provinces are the province-level regions, spelt as the
    /// registry spells them), and each member described with its unit
    /// (``PropertyGlossary``). `path` is `Schema.member[].member`.
    static func stated(_ schema: Any, path: String) -> Any {
        guard var object = schema as? [String: Any] else { return schema }
        if var properties = object["properties"] as? [String: Any] {
            for (name, property) in properties {
                let memberPath = path + "." + name
                guard var stated = Self.stated(property, path: memberPath) as? [String: Any] else { continue }
                if name == "province" { stated["enum"] = Province.names }
                if stated["description"] == nil {
                    stated["description"] = PropertyGlossary.byPath[memberPath] ?? PropertyGlossary.byName[name]
                }
                properties[name] = stated
            }
            object["properties"] = properties
        }
        if let items = object["items"] { object["items"] = Self.stated(items, path: path + "[]") }
        return object
    }

    /// The schema of a request body: an import's JSON body is an array of
    /// records of one kind (the kind of the path), a change's an object;
    /// CSV is text in the formats of docs/formats/registry.md.
    static func bodySchema(_ route: APIRoute, _ type: String) -> [String: Any] {
        guard type == "application/json" else {
            return [
                "type": "string", "description": "CSV in the formats of docs/formats/registry.md, a header row first",
            ]
        }
        if route.path.hasPrefix("/api/v1/import") {
            return [
                "type": "array", "description": "Records of the path's kind",
                "items": [
                    "oneOf": RecordKind.allCases.map { ["$ref": "#/components/schemas/\(recordSchemaName($0))"] }
                ],
            ]
        }
        return [
            "type": "object", "required": ["key", "revision", "set"],
            "properties": [
                "key": [
                    "type": "object", "description": "The record's key columns",
                    "additionalProperties": ["type": "string"],
                ],
                "revision": ["type": "integer", "description": "The revision the change was made from"],
                "set": [
                    "type": "object", "description": "New values by column, as files write them; null clears one",
                    "additionalProperties": ["type": ["string", "null"]],
                ],
            ],
        ]
    }

    /// The name of a kind's record schema.
    static func recordSchemaName(_ kind: RecordKind) -> String {
        "Record_" + kind.rawValue
    }

    /// A record of each kind, from its declaration: its columns with their
    /// JSON types and formats, the required ones, what a row is.
    static var recordSchemas: [String: Any] {
        Dictionary(
            uniqueKeysWithValues: RecordKind.allCases.map { kind -> (String, Any) in
                let declaration = kind.declaration
                let properties = Dictionary(
                    uniqueKeysWithValues: kind.columns.map { column -> (String, Any) in
                        // A typed value as export writes it, or its text as a
                        // file writes it; null (or absent) when optional.
                        var types: [String]
                        var schema: [String: Any] = [:]
                        schema["description"] = PropertyGlossary.recordColumns[kind.rawValue + "." + column.name]
                        switch column.storage {
                        case .text: types = ["string"]
                        case .date:
                            types = ["string"]
                            schema["format"] = "date"
                        case .integer: types = ["integer", "string"]
                        case .real: types = ["number", "string"]
                        case .money:
                            types = ["number", "string"]
                            schema["description"] =
                                (schema["description"] as? String ?? "Yuan") + "; stored as integer fen"
                        case .boolean: types = ["boolean", "string"]
                        }
                        if !column.required { types.append("null") }
                        schema["type"] = types.count == 1 ? types[0] : types
                        if declaration.states?.column == column.name {
                            schema["enum"] = Array(declaration.states!.next.keys).sorted()
                        }
                        return (column.name, schema)
                    })
                var schema: [String: Any] = [
                    "type": "object", "properties": properties,
                    "required": kind.columns.filter(\.required).map(\.name),
                    "description": declaration.summary + " (key: " + declaration.key.joined(separator: ", ")
                        + "; writers: \(declaration.writer.rawValue) tokens; merge: \(declaration.merge.rawValue))",
                ]
                schema["additionalProperties"] = false
                return (recordSchemaName(kind), schema)
            })
    }

    /// What the API enforces of a parameter beyond its schema's type.
    static func enforced(_ parameter: APIRoute.Parameter) -> String {
        switch parameter.kind {
        case .date:
            let range = DateRange.analysable
            return " (YYYY-MM-DD, from \(range.lowerBound) to \(range.upperBound))"
        case .string where parameter.name == "cursor":
            return " (opaque: URL-safe base64 text, valid only with the same filters and order)"
        default: return ""
        }
    }

    /// Schemas written by hand: errors, health and import reports.
    static var objectSchemas: [String: Any] {
        [
            "Error": [
                "type": "object", "required": ["error"],
                "properties": [
                    "error": [
                        "type": "object", "required": ["status", "message"],
                        "properties": [
                            "status": ["type": "integer"], "message": ["type": "string"],
                            "field": ["type": "string", "description": "The parameter or member at fault"],
                            "current_revision": [
                                "type": "integer", "description": "With 409: the record's current revision",
                            ],
                            "details": [
                                "type": "array", "description": "Further problems, such as each bad row of a body",
                                "items": [
                                    "type": "object", "required": ["message"],
                                    "properties": [
                                        "line": ["type": "integer", "description": "The line of the body"],
                                        "column": ["type": "string", "description": "The column or member"],
                                        "message": ["type": "string"],
                                    ],
                                ],
                            ],
                        ],
                    ]
                ],
            ],
            "ChangeResult": [
                "type": "object", "required": ["kind", "key", "revision", "record", "changed"],
                "properties": [
                    "kind": ["type": "string"],
                    "key": ["type": "object", "additionalProperties": ["type": "string"]],
                    "revision": ["type": "integer", "description": "The record's revision now"],
                    "record": [
                        "type": "object", "description": "The record now, by column, as files write it",
                        "additionalProperties": ["type": ["string", "null"]],
                    ],
                    "changed": [
                        "type": "array",
                        "items": [
                            "type": "object", "required": ["column"],
                            "properties": [
                                "column": ["type": "string"], "before": ["type": "string"], "after": ["type": "string"],
                            ],
                        ],
                    ],
                ],
            ],
            "AuditPage": [
                "type": "object", "required": ["items"],
                "properties": [
                    "items": [
                        "type": "array",
                        "items": [
                            "type": "object",
                            "required": [
                                "id", "at", "actor", "action", "rows_read", "inserted", "replaced", "unchanged",
                                "rejected", "version", "previous_hash", "hash",
                            ],
                            "properties": [
                                "id": ["type": "integer"],
                                "at": ["type": "string", "format": "date-time", "description": "UTC"],
                                "actor": ["type": "string", "description": "token N (name, role), or cli (user)"],
                                "token_id": ["type": "integer"],
                                "action": [
                                    "type": "string", "enum": AuditEntry.Action.allCases.map(\.rawValue),
                                ],
                                "kind": ["type": "string", "enum": RecordKind.allCases.map(\.rawValue)],
                                "rows_read": ["type": "integer"], "inserted": ["type": "integer"],
                                "replaced": ["type": "integer"], "unchanged": ["type": "integer"],
                                "rejected": ["type": "integer"],
                                "sha256": ["type": "string", "description": "SHA-256 of the file or body imported"],
                                "detail": ["type": "string"],
                                "version": [
                                    "type": "integer", "description": "The registry's version after the write",
                                ],
                                "previous_hash": ["type": "string"],
                                "hash": [
                                    "type": "string",
                                    "description": "SHA-256 of the entry's fields and the previous hash",
                                ],
                            ],
                        ],
                    ],
                    "next_after": ["type": "integer", "description": "The after of the next page; absent on the last"],
                ],
            ],
            "ExposureList": [
                "type": "object", "required": ["uscc", "as_of", "items"],
                "description": "The measures that reach an issuer on a day (docs/shield.md)",
                "properties": [
                    "uscc": ["type": "string", "description": "The issuer's unified social credit code"],
                    "as_of": ["type": "string", "format": "date", "description": "The day asked about"],
                    "items": [
                        "type": "array", "description": "One a measure and route by which it reaches the issuer",
                        "items": [
                            "type": "object",
                            "required": [
                                "measure_id", "side", "jurisdiction", "authority", "instrument", "citation", "kind",
                                "standing", "target_id", "target_name", "matched_by", "direct", "chains", "source",
                                "counter_measures",
                            ],
                            "properties": [
                                "measure_id": ["type": "string", "description": "The listing measure"],
                                "side": [
                                    "type": "string", "enum": ["foreign", "chinese"], "description": "Whose measure",
                                ],
                                "jurisdiction": ["type": "string", "description": "The state that made it"],
                                "authority": ["type": "string", "description": "The authority that made it"],
                                "instrument": ["type": "string", "description": "What it is, as published"],
                                "citation": ["type": "string", "description": "Where it is published"],
                                "kind": [
                                    "type": "string", "enum": Measure.Kind.allCases.map(\.rawValue),
                                    "description": "The kind of measure",
                                ],
                                "standing": [
                                    "type": "string", "enum": ["in_force"],
                                    "description": "Where the measure stands on the day: only measures in force reach",
                                ],
                                "target_id": ["type": "string", "description": "The party the measure names"],
                                "target_name": ["type": "string", "description": "Its name as published"],
                                "matched_by": [
                                    "type": "string", "enum": ["uscc", "name", "review"],
                                    "description":
                                        "How the named party was recognised: by code, by a name's key, or by an "
                                        + "analyst's confirmation",
                                ],
                                "direct": [
                                    "type": "boolean",
                                    "description": "Whether the measure names the issuer itself (else its owner)",
                                ],
                                "rule_id": [
                                    "type": "string",
                                    "description": "For a reach through ownership: the ownership rule in force",
                                ],
                                "owner": [
                                    "type": "string",
                                    "description":
                                        "For a reach through ownership: the listed owner's key (a code or a name key)",
                                ],
                                "owned_percent": [
                                    "type": "number",
                                    "description": "The owner's effective share of the issuer on the day, percent",
                                ],
                                "chains": [
                                    "type": "array",
                                    "description": "The chains of holdings from the owner down to the issuer",
                                    "items": [
                                        "type": "object",
                                        "properties": [
                                            "parties": [
                                                "type": "array", "items": ["type": "string"],
                                                "description": "The parties' keys from the owner to the issuer",
                                            ],
                                            "percent": [
                                                "type": "number", "description": "The product of the shares, percent",
                                            ],
                                        ],
                                    ],
                                ],
                                "source": ["type": "string", "description": "Where the measure's facts come from"],
                                "counter_measures": [
                                    "type": "array", "items": ["type": "string"],
                                    "description":
                                        "Chinese measures in force that counter this one (a prohibition order "
                                        + "naming it), by key",
                                ],
                            ],
                        ],
                    ],
                ],
            ],
            "Health": [
                "type": "object",
                "required": ["status"],
                "description":
                    "version, bonds, store, stale_since and store_error are left out for anonymous callers of a "
                    + "private server",
                "properties": [
                    "status": ["type": "string", "enum": ["ok", "unavailable"]], "version": ["type": "integer"],
                    "bonds": ["type": "integer"], "store": ["type": "string"],
                    "stale_since": [
                        "type": "string", "format": "date-time",
                        "description": "Since when the store has not answered; reads serve the registry as last read",
                    ],
                    "store_error": ["type": "string", "description": "Why the store does not answer"],
                ],
            ],
            "ScreeningListReport": [
                "type": "object", "required": ["entries", "lists", "removed", "imports"],
                "description": "What a release of the Consolidated Screening List did to the register",
                "properties": [
                    "entries": ["type": "integer", "description": "Entries read"],
                    "lists": ["type": "integer", "description": "Lists (measures) the release holds"],
                    "removed": [
                        "type": "integer",
                        "description": "Parties stored before that the release no longer holds, now removed",
                    ],
                    "imports": [
                        "type": "array", "description": "The store's reports: the measures, then the named parties",
                        "items": ["$ref": "#/components/schemas/ImportReport"],
                    ],
                ],
            ],
            "ImportReport": [
                "type": "object",
                "properties": [
                    "kind": ["type": "string"], "rows_read": ["type": "integer"], "rows_written": ["type": "integer"],
                    "bad_rows": ["type": "integer"], "committed": ["type": "boolean"],
                    "issues": [
                        "type": "array", "description": "The bad rows",
                        "items": [
                            "type": "object", "required": ["column", "message"],
                            "properties": [
                                "line": ["type": "integer", "description": "The line of a CSV body"],
                                "record": [
                                    "type": "integer", "description": "The record's position in a JSON body, from 1",
                                ],
                                "column": ["type": "string", "description": "The column or member at fault"],
                                "message": ["type": "string"],
                            ],
                        ],
                    ],
                    "summary": ["type": "string"],
                ],
            ],
        ]
    }
}
