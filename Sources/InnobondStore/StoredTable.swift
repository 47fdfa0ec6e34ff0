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

    /// A column whose values must be keys of another table.
    public struct Reference: Sendable {
        public let column: String
        public let table: String
        public let key: String
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
            + (schema.isVersioned
                ? [
                    Column(name: TableSchema.validFrom, storage: .text),
                    Column(name: TableSchema.validTo, storage: .text),
                ]
                : [])
        key = schema.storedKey
        references = schema.declaration.references.flatMap { reference in
            let target = TableSchema.of(reference.kind)
            return zip(reference.columns, target.keyColumns).map { column, key in
                Reference(column: schema.column(column).name, table: target.table, key: key)
            }
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

/// The checks both stores run: rows that refer to nothing, and planned uses
/// above their bond's amount. Each statement counts the offending rows.
public enum RegistryChecks {
    public static func statements() -> [(problem: String, sql: String)] {
        var checks: [(String, String)] = []
        for table in StoredTable.backedUp {
            for reference in table.references {
                checks.append(
                    (
                        "\(table.name) rows whose \(reference.column) is no \(reference.table) row",
                        "SELECT count(*) FROM \(table.name) AS c WHERE NOT EXISTS (SELECT 1 FROM \(reference.table) "
                            + "AS p WHERE p.\(reference.key) = c.\(reference.column))"
                    ))
            }
        }
        checks.append(
            (
                "bonds whose planned uses add up to more than their amount",
                "SELECT count(*) FROM bonds AS b JOIN (SELECT bond_code, SUM(planned_fen) AS total FROM use_of_proceeds "
                    + "GROUP BY bond_code) AS u ON u.bond_code = b.code WHERE u.total > b.amount_fen"
            ))
        checks.append(
            ("the registry's version mark is missing", "SELECT 1 - count(*) FROM dataset WHERE key = 'version'"))
        return checks
    }
}
