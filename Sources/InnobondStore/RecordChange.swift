import Foundation
import InnobondModel

/// A change of one stored record of a versioned kind: which record, the
/// revision it was read at, and its new values. Applied in one write unit
/// (the current row superseded, the new one a revision up, the audit entry
/// with what changed); a stale revision is refused, so two people working
/// on one record never overwrite each other silently.
public struct RecordChange: Sendable {
    public var kind: RecordKind
    /// The record's key: its key columns' values, as files write them.
    public var key: [String: String]
    /// The revision the change was made from.
    public var revision: Int
    /// New values by file column, as files write them; `nil` clears one.
    public var values: [String: String?]

    public init(kind: RecordKind, key: [String: String], revision: Int, values: [String: String?]) {
        self.kind = kind
        self.key = key
        self.revision = revision
        self.values = values
    }

    /// What a change did: the new revision and row, and each changed
    /// column's value before and after.
    public struct Outcome: Sendable {
        public var revision: Int
        /// The record's file texts now, in column order.
        public var texts: [String?]
        public var changed: [(column: String, before: String?, after: String?)]
    }

    /// The key's values in the schema's key order, or why not.
    public func keyValues(_ schema: TableSchema) throws -> [SQLValue] {
        try schema.declaration.key.map { name in
            guard let text = key[name], !text.isEmpty else {
                throw StoreError.rejected("give the record's \(name)")
            }
            let column = schema.column(name)
            switch column.storage {
            case .integer: return Int64(text).map(SQLValue.integer) ?? .text(text)
            default: return .text(text)
            }
        }
    }

    /// The record's new values from its current texts, validated as an
    /// import would, its state change checked against the kind's states.
    public func apply(to current: [String?], schema: TableSchema) throws -> Outcome {
        let columns = schema.kind.columns
        let revisionColumn = RecordDeclaration.revisionColumn
        for name in values.keys {
            guard columns.contains(where: { $0.name == name }), name != revisionColumn else {
                throw StoreError.rejected("'\(name)' is no column of \(schema.kind.rawValue) a change may set")
            }
            guard !schema.declaration.key.contains(name) else {
                throw StoreError.rejected("'\(name)' is part of the record's key: it never changes")
            }
        }
        var texts = current
        for (index, column) in columns.enumerated() {
            if let value = values[column.name] { texts[index] = value.flatMap { $0.isEmpty ? nil : $0 } }
        }
        if let index = columns.firstIndex(where: { $0.name == revisionColumn }) { texts[index] = String(revision + 1) }
        let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        let record: any RegistryRecord
        do {
            record = try schema.kind.recordType.read { name in positions[name].flatMap { texts[$0] } }
        } catch {
            throw StoreError.rejected(error.issues.map { "\($0.column): \($0.reason)" }.joined(separator: "; "))
        }
        let validated = record.fieldTexts
        if let states = schema.declaration.states, let index = positions[states.column] {
            let from = current[index] ?? ""
            let to = validated[index] ?? ""
            guard states.allows(from: from, to: to) else {
                let allowed = (states.next[from] ?? []).joined(separator: ", ")
                throw StoreError.rejected(
                    "a \(schema.kind.rawValue) record goes from \(from) to \(allowed.isEmpty ? "no other state" : allowed), "
                        + "not to \(to)")
            }
        }
        let changed = columns.enumerated().compactMap { index, column -> (String, String?, String?)? in
            guard column.name != revisionColumn, current[index] != validated[index] else { return nil }
            return (column.name, current[index], validated[index])
        }
        return Outcome(revision: revision + 1, texts: validated, changed: changed)
    }
}

extension RecordChange.Outcome {
    /// The audit entry's detail: the key, the revisions, and each changed
    /// column before and after, as JSON.
    public func detail(key: [String: String], from revision: Int) -> String {
        struct Detail: Encodable {
            var key: [String: String]
            var fromRevision: Int
            var toRevision: Int
            var before: [String: String?]
            var after: [String: String?]
        }
        let detail = Detail(
            key: key, fromRevision: revision, toRevision: self.revision,
            before: Dictionary(uniqueKeysWithValues: changed.map { ($0.column, $0.before) }),
            after: Dictionary(uniqueKeysWithValues: changed.map { ($0.column, $0.after) }))
        let encoder = JSONEncoder.api
        return String(decoding: (try? encoder.encode(detail)) ?? Data(), as: UTF8.self)
    }
}

/// The SQL of a change, from the kind's schema.
public struct ChangeStatements: Sendable {
    public let schema: TableSchema
    public let dialect: SQLDialect

    public init(schema: TableSchema, dialect: SQLDialect) {
        self.schema = schema
        self.dialect = dialect
    }

    private func parameter(_ index: Int) -> String { dialect == .sqlite ? "?" : "$\(index)" }

    /// The key's condition on the current row, its parameters from `first`.
    private func currentRow(from first: Int) -> String {
        (schema.keyColumns.enumerated().map { "\($1) = \(parameter(first + $0))" } + [schema.current()])
            .joined(separator: " AND ")
    }

    /// The current row's columns, locked for the transaction on PostgreSQL.
    public func selectCurrent(lock: Bool, select: [String]) -> String {
        "SELECT \(select.joined(separator: ", ")) FROM \(schema.table) WHERE \(currentRow(from: 1))"
            + (lock && dialect == .postgres ? " FOR UPDATE" : "")
    }

    /// Closes the current row: the moment, then the key.
    public var supersede: String {
        "UPDATE \(schema.table) SET \(TableSchema.validTo) = \(parameter(1)) WHERE \(currentRow(from: 2))"
    }

    /// Inserts the new row: its columns, then the moment.
    public var insert: String {
        let names = schema.columns.map(\.name) + [TableSchema.validFrom]
        return "INSERT INTO \(schema.table) (\(names.joined(separator: ", "))) VALUES ("
            + names.indices.map { index in
                let storage = index < schema.columns.count ? schema.columns[index].storage : .text
                let placeholder = parameter(index + 1)
                guard dialect == .postgres else { return placeholder }
                switch storage {
                case .date: return "\(placeholder)::date"
                case .boolean: return "(\(placeholder)::bigint <> 0)"
                default: return placeholder
                }
            }.joined(separator: ", ") + ")"
    }
}
