import InnobondModel
import InnobondStore
import NIOCore
import PostgresNIO

extension PostgresRegistryStore {
    /// Reads the registry in one read-only REPEATABLE READ transaction: every
    /// table as of the same moment, whatever other servers write.
    public func withConsistentReader<T: Sendable>(
        _ body: @escaping @Sendable (any RegistryReader) async throws -> T
    ) async throws -> T {
        try await call("the backup") { connection, progress in
            try await self.transaction(
                "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection, progress: progress
            ) {
                try await body(PostgresReader(store: self, connection: connection, progress: progress))
            }
        }
    }

    public func restore(
        from reader: any RegistryReader, actor: WriteActor?,
        progress: (@Sendable (_ table: String, _ rows: Int) -> Void)?
    ) async throws -> RestoreReport {
        let demo = try await reader.datasetValue("demo")
        let sourceVersion = Int64(try await reader.datasetValue("version") ?? "0") ?? 0
        return try await call("the restore", writes: true) { connection, watch in
            try await self.transaction(on: connection, progress: watch) {
                for table in StoredTable.backedUp {
                    let count = try await self.count(
                        "SELECT count(*) FROM \(table.name)", on: connection, progress: watch)
                    guard count == 0 else {
                        throw StoreError.location(
                            "the registry at \(self.location) is not empty (\(count) \(table.name) rows): "
                                + "restore into an empty one")
                    }
                }
                var report = RestoreReport()
                for table in StoredTable.backedUp {
                    var written = 0
                    try await reader.eachPage(of: table) { page in
                        try await self.copy(page, into: table, connection: connection, watch: watch)
                        written += page.count
                        progress?(table.name, written)
                    }
                    report.rows.append((table.name, written))
                }
                // COPY wrote the ids: new tokens and entries number after them.
                for table in ["api_tokens", "audit_log"] {
                    try await self.execute(
                        "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), "
                            + "(SELECT COALESCE(max(id), 0) + 1 FROM \(table)), false)", on: connection, progress: watch
                    )
                }
                if let demo {
                    _ = try await self.rows(
                        "INSERT INTO dataset (key, value) VALUES ('demo', $1) "
                            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(demo)], on: connection,
                        progress: watch)
                }
                let current =
                    Int64(
                        try await self.rows(
                            "SELECT value FROM dataset WHERE key = 'version'", on: connection, progress: watch
                        )
                        .first?.first?.textValue ?? "0") ?? 0
                report.version = max(current, sourceVersion) + 1
                _ = try await self.rows(
                    "INSERT INTO dataset (key, value) VALUES ('version', $1) "
                        + "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [.text(String(report.version))],
                    on: connection, progress: watch)
                if let actor {
                    try await self.audit(
                        AuditDraft(action: .restore, actor: actor, detail: report.summary), version: report.version,
                        on: connection, progress: watch)
                }
                return report
            }
        }
    }

    /// Copies rows into a table with COPY.
    private func copy(
        _ rows: [[SQLValue]], into table: StoredTable, connection: PostgresConnection, watch: BoundedCall.Progress
    ) async throws {
        let storages = table.columns.map(\.storage)
        watch.touch()
        try await connection.copyFrom(table: table.name, columns: table.columns.map(\.name), logger: logger) { writer in
            var buffer = NIOCore.ByteBuffer()
            for row in rows {
                for (index, (value, storage)) in zip(row, storages).enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    Self.writeCopyText(value, storage, into: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
            try await writer.write(buffer)
        }
        watch.touch()
    }

    public func check() async throws -> CheckReport {
        try await call("the check") { connection, progress in
            var report = CheckReport()
            for table in StoredTable.backedUp {
                report.counts.append(
                    (
                        table.name,
                        try await self.count("SELECT count(*) FROM \(table.name)", on: connection, progress: progress)
                    ))
            }
            for (problem, sql) in RegistryChecks.statements() {
                let count = try await self.count(sql, on: connection, progress: progress)
                if count > 0 { report.problems.append("\(problem): \(count)") }
            }
            let (sql, _) = AuditStatements.select(AuditFilter(limit: Int.max), .postgres)
            let entries = try await self.rows(sql, on: connection, progress: progress).map(AuditStatements.entry)
            if let broken = AuditEntry.firstBreak(in: entries) { report.problems.append(broken) }
            return report
        }
    }
}

/// Reads tables on a connection inside a read-only transaction.
struct PostgresReader: RegistryReader {
    let store: PostgresRegistryStore
    let connection: PostgresConnection
    let progress: BoundedCall.Progress

    func rows(of table: StoredTable, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]] {
        let keys = table.key.joined(separator: ", ")
        let select = table.columns.map { PostgresRegistryStore.selectExpression($0.name, $0.storage) }
        var sql = "SELECT \(select.joined(separator: ", ")) FROM \(table.name)"
        if after != nil {
            let storages = table.key.map { key in table.columns.first { $0.name == key }!.storage }
            let parameters = storages.enumerated().map { PostgresRegistryStore.parameter($0.offset + 1, $0.element) }
            sql += " WHERE (\(keys)) > (\(parameters.joined(separator: ", ")))"
        }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        return try await store.rows(sql, after ?? [], on: connection, progress: progress)
    }

    func datasetValue(_ key: String) async throws -> String? {
        try await store.rows(
            "SELECT value FROM dataset WHERE key = $1", [.text(key)], on: connection, progress: progress
        ).first?.first?.textValue
    }
}
