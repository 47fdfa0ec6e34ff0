import InnobondModel

/// The SQL of the audit log, for both databases.
public enum AuditStatements {
    /// The migration that creates the log, append-only by triggers.
    public static func migration(_ dialect: SQLDialect) -> String {
        let id = dialect == .sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        let integer = dialect == .sqlite ? "INTEGER" : "BIGINT"
        let table = """
            CREATE TABLE audit_log (
                id \(id),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                token_id \(integer),
                action TEXT NOT NULL,
                kind TEXT,
                rows_read \(integer) NOT NULL,
                inserted \(integer) NOT NULL,
                replaced \(integer) NOT NULL,
                unchanged \(integer) NOT NULL,
                rejected \(integer) NOT NULL,
                sha256 TEXT,
                detail TEXT,
                version \(integer) NOT NULL,
                previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
                hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
            );
            CREATE INDEX audit_log_by_time ON audit_log (at);
            CREATE INDEX audit_log_by_token ON audit_log (token_id)
            """
        switch dialect {
        case .sqlite:
            return table + """
                ;
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry is never changed'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry is never deleted'); END
                """
        case .postgres:
            // One line a statement: the migrations are split on ";\n".
            return table + """
                ;
                CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only: an entry is never changed or deleted'; END $$;
                CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
                CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
                """
        }
    }

    /// The migration's version, the same on both databases.
    public static let version = "v6: audit log"

    /// The columns, as stored and read.
    public static let columns = [
        "id", "at", "actor", "token_id", "action", "kind", "rows_read", "inserted", "replaced", "unchanged",
        "rejected", "sha256", "detail", "version", "previous_hash", "hash",
    ]

    /// The log as backup and restore see it.
    public static let table = StoredTable(
        name: "audit_log",
        columns: [
            ("id", .integer), ("at", .text), ("actor", .text), ("token_id", .integer), ("action", .text),
            ("kind", .text), ("rows_read", .integer), ("inserted", .integer), ("replaced", .integer),
            ("unchanged", .integer), ("rejected", .integer), ("sha256", .text), ("detail", .text),
            ("version", .integer), ("previous_hash", .text), ("hash", .text),
        ], key: ["id"])

    /// Appends an entry: every column but the id, as numbered parameters
    /// (`?` for SQLite, `$n` for PostgreSQL).
    public static func insert(_ dialect: SQLDialect) -> String {
        let names = columns.dropFirst()
        let parameters = names.indices.map { dialect == .sqlite ? "?" : "$\($0)" }
        return "INSERT INTO audit_log (\(names.joined(separator: ", "))) VALUES (\(parameters.joined(separator: ", ")))"
    }

    /// The values ``insert(_:)`` binds.
    public static func values(_ entry: AuditEntry) -> [SQLValue] {
        [
            .text(entry.at), .text(entry.actor), entry.tokenID.map(SQLValue.integer) ?? .null,
            .text(entry.action.rawValue), entry.kind.map { .text($0.rawValue) } ?? .null,
            .integer(Int64(entry.rowsRead)), .integer(Int64(entry.inserted)), .integer(Int64(entry.replaced)),
            .integer(Int64(entry.unchanged)), .integer(Int64(entry.rejected)),
            entry.sha256.map(SQLValue.text) ?? .null, entry.detail.map(SQLValue.text) ?? .null,
            .integer(entry.version), .text(entry.previousHash), .text(entry.hash),
        ]
    }

    /// The hash of the last entry, the previous hash of the next.
    public static let lastHash = "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1"

    /// The entries `filter` asks for, by id.
    public static func select(_ filter: AuditFilter, _ dialect: SQLDialect) -> (sql: String, arguments: [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        func parameter(_ value: SQLValue) -> String {
            arguments.append(value)
            return dialect == .sqlite ? "?" : "$\(arguments.count)"
        }
        if let since = filter.since { conditions.append("at >= \(parameter(.text(since)))") }
        if let kind = filter.kind { conditions.append("kind = \(parameter(.text(kind.rawValue)))") }
        if let token = filter.tokenID { conditions.append("token_id = \(parameter(.integer(token)))") }
        if let after = filter.after { conditions.append("id > \(parameter(.integer(after)))") }
        if let before = filter.before { conditions.append("id < \(parameter(.integer(before)))") }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return (
            "SELECT \(columns.joined(separator: ", ")) FROM audit_log\(whereClause) ORDER BY id"
                + "\(filter.newestFirst ? " DESC" : "") LIMIT \(filter.limit)",
            arguments
        )
    }

    /// The entry of a row read with ``select(_:_:)``'s columns.
    public static func entry(_ row: [SQLValue]) throws -> AuditEntry {
        func text(_ index: Int) -> String? { row[index].textValue }
        func integer(_ index: Int) -> Int64? { row[index].integerValue }
        guard let action = text(4).flatMap(AuditEntry.Action.init(rawValue:)) else {
            throw StoreError.database("audit entry \(integer(0) ?? 0) has an unknown action")
        }
        return AuditEntry(
            id: integer(0), at: text(1) ?? "", actor: text(2) ?? "", tokenID: integer(3), action: action,
            kind: text(5).flatMap(RecordKind.init(rawValue:)), rowsRead: Int(integer(6) ?? 0),
            inserted: Int(integer(7) ?? 0), replaced: Int(integer(8) ?? 0), unchanged: Int(integer(9) ?? 0),
            rejected: Int(integer(10) ?? 0), sha256: text(11), detail: text(12), version: integer(13) ?? 0,
            previousHash: text(14) ?? "", hash: text(15) ?? "")
    }
}
