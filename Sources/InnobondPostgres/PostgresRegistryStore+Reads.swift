import FixedIncome
import InnobondModel
import InnobondStore
import PostgresNIO

extension PostgresRegistryStore {
    public func rows(of kind: RecordKind, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]] {
        let schema = TableSchema.of(kind)
        let keys = schema.keyColumns.joined(separator: ", ")
        var sql = "SELECT \(Self.selectList(schema)) FROM \(schema.table)"
        var conditions = schema.isVersioned ? [schema.current()] : []
        if after != nil {
            let storages = schema.keyColumns.map { key in schema.columns.first { $0.name == key }?.storage ?? .text }
            let parameters = storages.enumerated().map { Self.parameter($0.offset + 1, $0.element) }
            conditions.append("(\(keys)) > (\(parameters.joined(separator: ", ")))")
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        let query = sql
        return try await call("reading \(kind.rawValue)") { connection, progress in
            try await self.rows(query, after ?? [], on: connection, progress: progress)
        }
    }

    public func loadSnapshot(at moment: KnownMoment?, kinds: Set<RecordKind>?) async throws -> RegistrySnapshot {
        // One read-only transaction: every kind as of the same moment, whatever other servers write.
        try await call("reading the registry") { connection, progress in
            try await self.transaction(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection, progress: progress
            ) {
                try await self.snapshot(
                    connection, at: moment,
                    kinds: kinds.map { chosen in RecordKind.allCases.filter(chosen.contains) } ?? RecordKind.allCases,
                    progress: progress)
            }
        }
    }

    private func snapshot(
        _ connection: PostgresConnection, at moment: KnownMoment?, kinds: [RecordKind],
        progress: BoundedCall.Progress
    ) async throws -> RegistrySnapshot {
        func load<Record: RegistryRecord>(_ type: Record.Type, into tables: inout RecordTables) async throws {
            let schema = TableSchema.of(Record.kind)
            let sql =
                "SELECT \(Self.selectList(schema)) FROM \(schema.table) "
                + (schema.knownCondition(at: moment).isEmpty ? "" : "WHERE \(schema.knownCondition(at: moment)) ")
                + "ORDER BY \(schema.keyColumns.joined(separator: ", "))"
            tables.set(
                try await self.rows(sql, on: connection, progress: progress).map {
                    try schema.typedRecord(of: $0, as: Record.self)
                })
        }
        var counts: [RecordKind: Int] = [:]
        for kind in kinds {
            counts[kind] = try await self.count(
                "SELECT count(*) FROM \(TableSchema.of(kind).table)", on: connection, progress: progress)
        }
        let demo = try await self.rows(
            "SELECT value FROM dataset WHERE key = 'demo'", on: connection, progress: progress)
        var tables = RecordTables()
        for kind in kinds where kind.declaration.inSnapshot {
            try await load(kind.recordType, into: &tables)
        }
        return RegistrySnapshot(isDemo: demo.first?.first?.textValue == "true", tables: tables, counts: counts)
    }

    public func registryVersion() async throws -> Int64 {
        try await call("reading the registry's version", connectionWait: Self.pollConnectionWait) {
            connection, progress in
            let rows = try await self.rows(
                "SELECT value FROM dataset WHERE key = 'version'", on: connection, progress: progress)
            return Int64(rows.first?.first?.textValue ?? "0") ?? 0
        }
    }

    public func quotes(bond: BondCode, from start: CivilDate?, through end: CivilDate?) async throws -> [Quote] {
        let schema = TableSchema.of(.quotes)
        let sql =
            "SELECT \(Self.selectList(schema)) FROM quotes WHERE bond_code = $1 AND date >= $2::date AND date <= $3::date "
            + "ORDER BY date, source"
        let arguments: [SQLValue] = [
            .text(bond.value), .text(start?.iso8601 ?? "0001-01-01"), .text(end?.iso8601 ?? "9999-12-31"),
        ]
        return try await call("reading quotes") { connection, progress in
            try await self.rows(sql, arguments, on: connection, progress: progress).map {
                try schema.typedRecord(of: $0, as: Quote.self)
            }
        }
    }

    public func latestQuotes() async throws -> [Quote] {
        let schema = TableSchema.of(.quotes)
        let sql = TableSchema.latestQuotesQuery(Self.selectList(schema))
        return try await call("reading the latest quotes") { connection, progress in
            Quote.latest(
                try await self.rows(sql, on: connection, progress: progress).map {
                    try schema.typedRecord(of: $0, as: Quote.self)
                })
        }
    }

    /// The select list of a table, dates as text and booleans as integers.
    static func selectList(_ schema: TableSchema) -> String {
        schema.columns.map { selectExpression($0.name, $0.storage) }.joined(separator: ", ")
    }

    /// A column as read: dates as text and booleans as integers.
    static func selectExpression(_ column: String, _ storage: TableSchema.Storage) -> String {
        switch storage {
        case .date: return "to_char(\(column), 'YYYY-MM-DD')"
        case .boolean: return "\(column)::int"
        default: return column
        }
    }

    /// A numbered parameter cast to the column's type.
    static func parameter(_ index: Int, _ storage: TableSchema.Storage) -> String {
        switch storage {
        case .date: return "$\(index)::date"
        case .integer, .money: return "$\(index)::bigint"
        case .real: return "$\(index)::double precision"
        case .boolean: return "($\(index)::bigint <> 0)"
        case .text: return "$\(index)"
        }
    }
}
