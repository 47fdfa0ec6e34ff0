import FixedIncome
import Foundation
import InnobondModel
import InnobondStore
import Logging
import NIOCore
import PostgresNIO

/// The registry in a PostgreSQL database, through postgres-nio. Several
/// servers may share one database: every write is one transaction, and
/// migrations take an advisory lock.
public final class PostgresRegistryStore: RegistryStore {
    private let client: PostgresClient
    private let running: Task<Void, Never>
    public let location: String
    private let logger = Logger(label: "innobond.postgres")
    /// The schema named in the URL, created if missing; `nil` for the default.
    private let schema: String?

    /// Connects to `url` (`postgres://user:password@host:port/database`,
    /// with `?sslmode=require` for TLS and `?schema=NAME` for a schema other
    /// than `public`) and migrates the schema.
    ///
    /// - Parameter patience: how long to wait for the server to answer at
    ///   first: for the first connection, then for the migrations.
    /// - Throws: ``StoreError/location(_:)`` for an unusable URL or an
    ///   unreachable server.
    public init(url: String, patience: Duration = .seconds(15)) async throws {
        guard let components = URLComponents(string: url),
            ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else {
            throw StoreError.location("not a postgres:// URL: \(url)")
        }
        let parameters = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let tls: PostgresClient.Configuration.TLS
        let probeTLS: PostgresConnection.Configuration.TLS
        let sslMode = parameters["sslmode"] ?? "disable"
        do {
            // The client's default TLS verifies the server's certificate and
            // name, so verify-ca and verify-full are require.
            switch sslMode {
            case "disable":
                tls = .disable
                probeTLS = .disable
            case "require", "verify-ca", "verify-full":
                tls = .require(.clientDefault)
                probeTLS = .require(try NIOSSLContext(configuration: .clientDefault))
            case "allow", "prefer":
                tls = .prefer(.clientDefault)
                probeTLS = .prefer(try NIOSSLContext(configuration: .clientDefault))
            default:
                throw StoreError.location(
                    "sslmode is disable, allow, prefer, require, verify-ca or verify-full, not \(sslMode)")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.location("cannot set up TLS for sslmode=\(sslMode): \(error)")
        }
        var redacted = components
        redacted.password = components.password == nil ? nil : "***"
        location = redacted.string ?? url
        let port = components.port ?? 5432
        let username = components.user ?? "postgres"
        let databaseName = database.isEmpty ? nil : database
        // One connection first: a server that refuses it (nothing on the
        // port, a wrong password, no such database) says why at once, where
        // the pool would retry until the patience ran out.
        var probe = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: components.password, database: databaseName,
            tls: probeTLS)
        probe.options.connectTimeout = .seconds(max(1, min(patience.components.seconds, 10)))
        let logger = logger
        let probeConfiguration = probe
        do {
            try await Self.within(patience) {
                let connection = try await PostgresConnection.connect(
                    configuration: probeConfiguration, id: 0, logger: logger)
                try? await connection.close()
            }
        } catch {
            throw StoreError.location("cannot use PostgreSQL at \(location): \(Self.message(error))")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: components.password, database: databaseName,
            tls: tls)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 8
        if let schema = parameters["schema"], !schema.isEmpty {
            guard schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw StoreError.location("schema names are letters, digits and underscores: \(schema)")
            }
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        schema = parameters["schema"].flatMap { $0.isEmpty ? nil : $0 }
        client = PostgresClient(configuration: configuration)
        let client = client
        running = Task { await client.run() }
        do {
            // The pool retries failed connections; give up on a server that
            // does not answer rather than wait for ever.
            try await Self.within(patience) { try await self.migrate() }
        } catch {
            running.cancel()
            throw StoreError.location("cannot use PostgreSQL at \(location): \(Self.message(error))")
        }
    }

    /// Runs `operation`, or throws once `patience` has passed without its end.
    private static func within(_ patience: Duration, _ operation: @escaping @Sendable () async throws -> Void)
        async throws
    {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await operation()
                return true
            }
            group.addTask {
                try await Task.sleep(for: patience)
                return false
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            if !finished { throw StoreError.location("no answer within \(patience)") }
        }
    }

    public func close() async throws {
        running.cancel()
    }

    /// Applies the migrations not yet applied, under an advisory lock of the
    /// schema so that servers starting together on one schema do not race
    /// (and stores of other schemas do not wait for each other).
    private func migrate() async throws {
        // Unquoted, PostgreSQL folds the schema's name to lower case.
        let schemaName = (schema ?? "public").lowercased()
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: self.logger)
            do {
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(7291504, hashtext(\(schemaName)))", logger: self.logger)
                if let schema = self.schema {
                    // The name was checked to be letters, digits and underscores.
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: self.logger)
                }
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: self.logger)
                var applied = Set<String>()
                for try await version in try await connection.query(
                    "SELECT version FROM schema_migrations", logger: self.logger
                ).decode(String.self) {
                    applied.insert(version)
                }
                for (version, sql) in PostgresMigrations.all where !applied.contains(version) {
                    for statement in sql.components(separatedBy: ";\n") {
                        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                        guard !trimmed.isEmpty else { continue }
                        try await connection.query(PostgresQuery(unsafeSQL: trimmed), logger: self.logger)
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version) VALUES (\(version))", logger: self.logger)
                }
                try await connection.query("COMMIT", logger: self.logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: self.logger)
                throw error
            }
        }
    }

    // MARK: Import

    public func importRows(
        from sources: [ImportSource], options: ImportOptions, markDemo: Bool?,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> [ImportReport] {
        let work = Unchecked(sources)
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: self.logger)
                do {
                    var reports: [ImportReport] = []
                    for source in work.value {
                        reports.append(
                            try await self.stageCheckAndMerge(
                                source, options: options, connection: connection, progress: progress))
                    }
                    if reports.contains(where: { $0.badRows > 0 && !options.skipInvalid }) {
                        try await connection.query("ROLLBACK", logger: self.logger)
                        return reports.map { report in
                            var report = report
                            report.committed = false
                            return report
                        }
                    }
                    if let markDemo {
                        try await connection.query(
                            """
                            INSERT INTO dataset (key, value) VALUES ('demo', \(markDemo ? "true" : "false")) \
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value
                            """, logger: self.logger)
                    }
                    try await connection.query(
                        """
                        INSERT INTO dataset (key, value) VALUES ('version', '1') \
                        ON CONFLICT (key) DO UPDATE SET value = (dataset.value::bigint + 1)::text
                        """, logger: self.logger)
                    try await connection.query("COMMIT", logger: self.logger)
                    return reports
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: self.logger)
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(Self.message(error))
        }
    }

    private func stageCheckAndMerge(
        _ source: ImportSource, options: ImportOptions, connection: PostgresConnection,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> ImportReport {
        let statements = ImportStatements(
            schema: source.schema, dialect: .postgres, rowNoun: source.rowUnit.rawValue)
        var report = ImportReport(kind: source.kind)
        var issues = IssueCollector(limit: options.issueLimit, unit: source.rowUnit)
        try await connection.query(PostgresQuery(unsafeSQL: statements.dropStaging), logger: logger)
        try await connection.query(PostgresQuery(unsafeSQL: statements.createStaging), logger: logger)
        let storages = source.schema.columns.map(\.storage)
        var storageError: (any Error)?
        try await connection.copyFrom(
            table: ImportStatements.stagingTable, columns: statements.stagingColumns, logger: logger
        ) { writer in
            var buffer = NIOCore.ByteBuffer()
            do {
                while let batch = try source.nextBatch() {
                    report.rowsRead += batch.rowsRead
                    issues.addRowIssues(batch.issues)
                    for row in batch.rows {
                        buffer.writeString(String(row.line))
                        for (value, storage) in zip(row.values, storages) {
                            buffer.writeInteger(UInt8(ascii: "\t"))
                            Self.writeCopyText(value, storage, into: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                    }
                    if buffer.readableBytes > 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                    progress?(report.rowsRead, batch.bytesRead)
                }
            } catch let error as StoreError {
                // Reading the file failed: end the copy cleanly and report that.
                storageError = error
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
        if let storageError { throw storageError }
        for check in statements.checks {
            let listing = check.list + " ORDER BY 1 LIMIT \(options.issueLimit)"
            let listedFirst = check.listsMarkedRows ? [] : try await rows(listing, [], connection: connection)
            let marked = try await count(
                "WITH marked AS (\(check.mark) RETURNING 1) SELECT count(*) FROM marked", connection)
            let listed =
                check.listsMarkedRows && marked > 0 ? try await rows(listing, [], connection: connection) : listedFirst
            issues.addCheck(check, listed: listed, marked: marked)
        }
        issues.complete(&report)
        if report.badRows == 0 || options.skipInvalid {
            report.rowsWritten = try await count(
                "WITH written AS (\(statements.merge) RETURNING 1) SELECT count(*) FROM written", connection)
            report.committed = true
        }
        try await connection.query(PostgresQuery(unsafeSQL: statements.dropStaging), logger: logger)
        return report
    }

    /// A value in COPY's text format: `\N` for null, escapes for backslash and
    /// the separators.
    private static func writeCopyText(
        _ value: SQLValue, _ storage: TableSchema.Storage, into buffer: inout NIOCore.ByteBuffer
    ) {
        switch value {
        case .null: buffer.writeString("\\N")
        case .integer(let number):
            if storage == .boolean {
                buffer.writeString(number != 0 ? "t" : "f")
            } else {
                buffer.writeString(String(number))
            }
        case .real(let number): buffer.writeString(number.description)
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeString("\\t")
                case UInt8(ascii: "\n"): buffer.writeString("\\n")
                case UInt8(ascii: "\r"): buffer.writeString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    // MARK: Reading

    public func rows(of kind: RecordKind, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]] {
        let schema = TableSchema.of(kind)
        let keys = schema.keyColumns.joined(separator: ", ")
        var sql = "SELECT \(Self.selectList(schema)) FROM \(schema.table)"
        if after != nil {
            let storages = schema.keyColumns.map { key in schema.columns.first { $0.name == key }!.storage }
            let parameters = storages.enumerated().map { Self.parameter($0.offset + 1, $0.element) }
            sql += " WHERE (\(keys)) > (\(parameters.joined(separator: ", ")))"
        }
        sql += " ORDER BY \(keys) LIMIT \(limit)"
        return try await reading { connection in try await self.rows(sql, after ?? [], connection: connection) }
    }

    public func loadSnapshot() async throws -> RegistrySnapshot {
        // One read-only transaction: every kind as of the same moment, whatever other servers write.
        try await reading { connection in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: self.logger)
            do {
                let snapshot = try await self.snapshot(connection)
                try await connection.query("COMMIT", logger: self.logger)
                return snapshot
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: self.logger)
                throw error
            }
        }
    }

    private func snapshot(_ connection: PostgresConnection) async throws -> RegistrySnapshot {
        func records<Record: RegistryRecord>(_ type: Record.Type) async throws -> [Record] {
            let schema = TableSchema.of(Record.kind)
            let sql =
                "SELECT \(Self.selectList(schema)) FROM \(schema.table) ORDER BY \(schema.keyColumns.joined(separator: ", "))"
            return try await self.rows(sql, [], connection: connection).map {
                try schema.snapshotRecord(of: $0) as! Record
            }
        }
        var counts: [RecordKind: Int] = [:]
        for kind in RecordKind.allCases {
            counts[kind] = try await self.count("SELECT count(*) FROM \(TableSchema.of(kind).table)", connection)
        }
        let demo = try await self.rows("SELECT value FROM dataset WHERE key = 'demo'", [], connection: connection)
        return RegistrySnapshot(
            isDemo: demo.first?.first?.textValue == "true", issuers: try await records(Issuer.self),
            financials: try await records(IssuerFinancials.self), bonds: try await records(Bond.self),
            proceeds: try await records(UseOfProceeds.self), curvePoints: try await records(CurvePoint.self),
            macro: try await records(MacroObservation.self), investments: try await records(SectorInvestment.self),
            counts: counts)
    }

    public func registryVersion() async throws -> Int64 {
        try await reading { connection in
            let rows = try await self.rows(
                "SELECT value FROM dataset WHERE key = 'version'", [], connection: connection)
            return Int64(rows.first?.first?.textValue ?? "0") ?? 0
        }
    }

    public func revokedTokenCount() async throws -> Int {
        try await reading { connection in
            try await self.count("SELECT count(revoked_at) FROM api_tokens", connection)
        }
    }

    // MARK: Tokens

    private static let tokenColumns = "id, name, role, created_at, revoked_at"

    private static func token(_ row: [SQLValue]) -> APIToken {
        APIToken(
            id: row[0].integerValue ?? 0, name: row[1].textValue ?? "",
            role: APIRole(rawValue: row[2].textValue ?? "") ?? .viewer, created: row[3].textValue ?? "",
            revoked: row[4].textValue)
    }

    private static let now = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

    public func createToken(name: String, role: APIRole, secretHash: String) async throws -> APIToken {
        try await reading { connection in
            let rows = try await self.rows(
                "INSERT INTO api_tokens (name, role, secret_hash, created_at) VALUES ($1, $2, $3, \(Self.now)) "
                    + "RETURNING \(Self.tokenColumns)",
                [.text(name), .text(role.rawValue), .text(secretHash)], connection: connection)
            return Self.token(rows[0])
        }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await reading { connection in
            try await self.rows(
                "SELECT \(Self.tokenColumns) FROM api_tokens WHERE secret_hash = $1 AND revoked_at IS NULL",
                [.text(secretHash)], connection: connection
            ).first.map(Self.token)
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await reading { connection in
            try await self.rows("SELECT \(Self.tokenColumns) FROM api_tokens ORDER BY id", [], connection: connection)
                .map(Self.token)
        }
    }

    public func revokeToken(id: Int64) async throws -> Bool {
        try await reading { connection in
            !(try await self.rows(
                "UPDATE api_tokens SET revoked_at = \(Self.now) WHERE id = $1 AND revoked_at IS NULL RETURNING id",
                [.integer(id)], connection: connection
            ).isEmpty)
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
        return try await reading { connection in
            try await self.rows(sql, arguments, connection: connection).map { try schema.record(of: $0) as! Quote }
        }
    }

    // MARK: Helpers

    private func reading<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as StoreError {
            throw error
        } catch let error as RowIssues {
            throw StoreError.database("a stored row no longer validates: \(error)")
        } catch {
            throw StoreError.database(Self.message(error))
        }
    }

    private func rows(_ sql: String, _ arguments: [SQLValue], connection: PostgresConnection) async throws
        -> [[SQLValue]]
    {
        var bindings = PostgresBindings()
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            }
        }
        var result: [[SQLValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        {
            result.append(try row.map(Self.value(of:)))
        }
        return result
    }

    private func count(_ sql: String, _ connection: PostgresConnection) async throws -> Int {
        Int(try await rows(sql, [], connection: connection).first?.first?.integerValue ?? 0)
    }

    /// A cell as a store-neutral value, by its PostgreSQL type.
    private static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let text = try cell.decode(String.self)
            return Int64(text).map(SQLValue.integer) ?? .real(Double(text) ?? .nan)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// The select list of a table, dates as text and booleans as integers.
    private static func selectList(_ schema: TableSchema) -> String {
        schema.columns.map { column in
            switch column.storage {
            case .date: return "to_char(\(column.name), 'YYYY-MM-DD')"
            case .boolean: return "\(column.name)::int"
            default: return column.name
            }
        }.joined(separator: ", ")
    }

    /// A numbered parameter cast to the column's type.
    private static func parameter(_ index: Int, _ storage: TableSchema.Storage) -> String {
        switch storage {
        case .date: return "$\(index)::date"
        case .integer, .money: return "$\(index)::bigint"
        case .real: return "$\(index)::double precision"
        case .boolean: return "($\(index)::bigint <> 0)"
        case .text: return "$\(index)"
        }
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return message + detail
            }
            if error.code == .sslUnsupported { return "the server does not offer TLS, which sslmode=require asks for" }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

/// A value handed to the connection's task and used there alone.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
