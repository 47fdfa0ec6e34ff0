import InnobondModel

extension TableSchema {
    /// The columns a versioned table keeps beside the declared ones: when
    /// a revision became current and, once superseded, when it stopped.
    public static let validFrom = "valid_from"
    public static let validTo = "valid_to"

    /// When an insert-only ledger's row was recorded (the import's moment):
    /// what "as of" questions read.
    public static let recordedAt = "recorded_at"

    /// Whether the kind keeps superseded rows.
    public var isVersioned: Bool { declaration.merge == .versioned }

    /// The columns the table keeps beside the declared ones, by its merge
    /// policy: a versioned row's period, a ledger row's moment. Not in files.
    public var keptColumns: [String] {
        switch declaration.merge {
        case .upsert: return []
        case .insertOnly: return [Self.recordedAt]
        case .versioned: return [Self.validFrom, Self.validTo]
        }
    }

    /// The key of the table's rows: the declared key, and for a versioned
    /// kind the revision.
    public var storedKey: [String] {
        isVersioned ? keyColumns + [RecordDeclaration.revisionColumn] : keyColumns
    }

    /// The condition that selects the rows known at `moment`, or now when
    /// nil: a versioned table's revisions current then, a ledger's rows
    /// recorded by then; empty when every row counts (an upserted kind
    /// keeps no history, so its rows are those of now).
    public func knownCondition(at moment: KnownMoment?) -> String {
        guard let moment else { return current() }
        switch declaration.merge {
        case .upsert: return ""
        case .insertOnly: return "\(Self.recordedAt) <= '\(moment.text)'"
        case .versioned:
            return
                "\(Self.validFrom) <= '\(moment.text)' AND (\(Self.validTo) IS NULL OR \(Self.validTo) > '\(moment.text)')"
        }
    }

    /// The condition that selects a versioned table's current rows (`alias.`
    /// before each column); empty for other tables.
    public func current(_ alias: String = "") -> String {
        isVersioned ? "\(alias)\(Self.validTo) IS NULL" : ""
    }

    /// The statements that create the kind's table in `dialect`, from its
    /// declaration: types, required values, the key, the references (to
    /// kinds that are not versioned), an index a reference, and for a
    /// versioned kind its revision columns and one current row a key.
    public func createTable(_ dialect: SQLDialect) -> [String] {
        var lines = columns.map { column -> String in
            let revision = isVersioned && column.fileName == RecordDeclaration.revisionColumn
            var line = "\(column.name) \(dialect.columnType(column.storage))"
            if column.required || revision { line += " NOT NULL" }
            switch column.storage {
            case .text where column.required: line += " CHECK (\(column.name) <> '')"
            case .date where dialect == .sqlite:
                line += " CHECK (\(column.name) IS NULL OR date(\(column.name)) IS \(column.name))"
            case .boolean where dialect == .sqlite: line += " CHECK (\(column.name) IN (0, 1))"
            default: break
            }
            if revision { line += " CHECK (\(column.name) >= 1)" }
            return line
        }
        if isVersioned {
            lines.append("\(Self.validFrom) TEXT NOT NULL")
            lines.append("\(Self.validTo) TEXT")
        }
        if declaration.merge == .insertOnly { lines.append("\(Self.recordedAt) TEXT NOT NULL") }
        lines.append("PRIMARY KEY (\(storedKey.joined(separator: ", ")))")
        for reference in declaration.references where reference.kind.declaration.merge != .versioned {
            let target = TableSchema.of(reference.kind)
            let from = reference.columns.map { column($0).name }.joined(separator: ", ")
            lines.append(
                "FOREIGN KEY (\(from)) REFERENCES \(target.table) (\(target.keyColumns.joined(separator: ", ")))")
        }
        // On SQLite the rows are stored in key order, as the registry's first
        // tables are: a snapshot reads them in that order without an index.
        var statements = [
            "CREATE TABLE \(table) (\n    " + lines.joined(separator: ",\n    ") + "\n)"
                + (dialect == .sqlite ? " WITHOUT ROWID" : "")
        ]
        for (index, reference) in declaration.references.enumerated() {
            let from = reference.columns.map { column($0).name }.joined(separator: ", ")
            statements.append("CREATE INDEX \(table)_by_reference_\(index + 1) ON \(table) (\(from))")
        }
        if isVersioned {
            statements.append(
                "CREATE UNIQUE INDEX \(table)_current ON \(table) (\(keyColumns.joined(separator: ", "))) "
                    + "WHERE \(Self.validTo) IS NULL")
        }
        return statements
    }

    /// The kinds whose tables their declarations create, with the
    /// migration's version, in the order of the kinds.
    public static var declaredTables: [(version: String, schema: TableSchema)] {
        RecordKind.allCases.compactMap { kind in
            kind.declaration.createdBy.map { ($0, TableSchema.of(kind)) }
        }
    }
}
