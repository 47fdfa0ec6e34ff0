import InnobondModel

/// A table of the registry as backup, restore and check see it: its name,
/// its columns with their storage, its key, what it refers to. The record
/// kinds' tables follow from their schemas; the tables the stores keep for
/// themselves are declared here.
public struct StoredTable: Sendable {
    public struct Column: Sendable {
        public let name: String
        public let storage: TableSchema.Storage
    }

    /// Columns whose values, when all given, must be a key of another table.
    public struct Reference: Sendable {
        public let columns: [String]
        public let table: String
        public let keys: [String]
    }

    public let name: String
    public let columns: [Column]
    /// The key columns, in order: rows are read in key order.
    public let key: [String]
    public let references: [Reference]

    /// The table of a record kind.
    public init(_ schema: TableSchema) {
        name = schema.table
        columns =
            schema.columns.map { Column(name: $0.name, storage: $0.storage) }
            + schema.keptColumns.map { Column(name: $0, storage: .text) }
        key = schema.storedKey
        references = schema.declaration.references.map { reference in
            let target = TableSchema.of(reference.kind)
            return Reference(
                columns: reference.columns.map { schema.column($0).name }, table: target.table,
                keys: target.keyColumns)
        }
    }

    public init(name: String, columns: [(String, TableSchema.Storage)], key: [String], references: [Reference] = []) {
        self.name = name
        self.columns = columns.map { Column(name: $0.0, storage: $0.1) }
        self.key = key
        self.references = references
    }

    /// API tokens, their secrets as hashes.
    public static let tokens = StoredTable(
        name: "api_tokens",
        columns: [
            ("id", .integer), ("name", .text), ("role", .text), ("secret_hash", .text), ("created_at", .text),
            ("revoked_at", .text),
        ], key: ["id"])

    /// Every table a backup holds, in the order a restore writes them (a
    /// table after those it refers to). Browser sessions are left out: a
    /// restored registry starts with none.
    public static let backedUp: [StoredTable] =
        RecordKind.allCases.map { StoredTable(TableSchema.of($0)) } + [tokens, AuditStatements.table]

    /// The column names, comma-separated.
    public var columnList: String { columns.map(\.name).joined(separator: ", ") }
}

/// The registry as of one moment, read table by table: what a backup copies.
public protocol RegistryReader: Sendable {
    /// Up to `limit` rows of `table` in key order after the row whose key is
    /// `after` (from the start when `nil`): values in column order.
    func rows(of table: StoredTable, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]]

    /// A value the registry keeps of itself: `demo`, `version`.
    func datasetValue(_ key: String) async throws -> String?
}

/// What a restore wrote.
public struct RestoreReport: Sendable {
    /// Rows written, by table, in restore order.
    public var rows: [(table: String, count: Int)] = []
    /// The registry's version after the restore.
    public var version: Int64 = 0

    public init() {}

    /// The rows restored, table by table: `421 issuers, 3000 bonds, ...`.
    public var summary: String { rows.map { "\($0.count) \($0.table)" }.joined(separator: ", ") }
}

/// What `check` found: counts, and every problem.
public struct CheckReport: Sendable {
    /// Rows by table.
    public var counts: [(table: String, count: Int)] = []
    /// What the database's own check said (SQLite's integrity_check), when it has one.
    public var integrity: [String] = []
    /// Problems found, each a sentence naming its table.
    public var problems: [String] = []

    public init() {}

    public var isClean: Bool { problems.isEmpty }
}

extension RegistryReader {
    /// Every row of `table`, a page at a time.
    public func eachPage(
        of table: StoredTable, pageSize: Int = 5000, _ body: ([[SQLValue]]) async throws -> Void
    ) async throws {
        let keyPositions = table.key.map { key in table.columns.firstIndex { $0.name == key }! }
        var after: [SQLValue]?
        while true {
            let page = try await rows(of: table, after: after, limit: pageSize)
            if !page.isEmpty { try await body(page) }
            guard page.count == pageSize, let last = page.last else { return }
            after = keyPositions.map { last[$0] }
        }
    }
}

/// The checks both stores run: rows that refer to nothing, and the sums
/// the kinds declare (planned uses within a bond's amount, allocations
/// within a planned use's). Each statement counts the offending rows.
public enum RegistryChecks {
    public static func statements() -> [(problem: String, sql: String)] {
        var checks: [(String, String)] = []
        for table in StoredTable.backedUp {
            for reference in table.references {
                let given = reference.columns.map { "c.\($0) IS NOT NULL" }.joined(separator: " AND ")
                let matches = zip(reference.keys, reference.columns).map { "p.\($0) = c.\($1)" }
                    .joined(separator: " AND ")
                checks.append(
                    (
                        "\(table.name) rows whose \(reference.columns.joined(separator: ", ")) is no "
                            + "\(reference.table) row",
                        "SELECT count(*) FROM \(table.name) AS c WHERE \(given) AND NOT EXISTS (SELECT 1 FROM "
                            + "\(reference.table) AS p WHERE \(matches))"
                    ))
            }
        }
        for kind in RecordKind.allCases {
            let child = TableSchema.of(kind)
            for case .sumWithin(let column, let parentKind, let limit, let what, let limitName) in kind.declaration
                .checks
            {
                let parent = TableSchema.of(parentKind)
                let link = kind.declaration.references.first { $0.kind == parentKind }!.columns.map {
                    child.column($0).name
                }
                let links = link.joined(separator: ", ")
                let join = zip(parent.keyColumns, link).map { "u.\($1) = b.\($0)" }.joined(separator: " AND ")
                let cap = parent.column(limit).name
                checks.append(
                    (
                        "\(parent.table) rows whose \(what) add up to more than their \(limitName), or below zero",
                        "SELECT count(*) FROM \(parent.table) AS b JOIN (SELECT \(links), SUM(\(child.column(column).name)) "
                            + "AS total FROM \(child.table) GROUP BY \(links)) AS u ON \(join) "
                            + "WHERE u.total > b.\(cap) OR u.total < 0"
                    ))
            }
        }
        checks.append(
            ("the registry's version mark is missing", "SELECT 1 - count(*) FROM dataset WHERE key = 'version'"))
        return checks
    }
}
