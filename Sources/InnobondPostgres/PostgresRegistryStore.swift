import Foundation
import InnobondModel
import InnobondStore
import Logging
import NIOCore
import PostgresNIO

/// The registry in a PostgreSQL database, through postgres-nio. Several
/// servers may share one database: every write is one transaction, and
/// migrations take an advisory lock. Every call is bounded in time
/// (``PostgresLimits``): a server that dies, stops answering or cannot be
/// reached makes a call fail as unavailable, never wait for ever.
public final class PostgresRegistryStore: RegistryStore {
    let client: PostgresClient
    private let running: Task<Void, Never>
    public let location: String
    let logger = Logger(label: "innobond.postgres")
    /// The schema named in the URL, created if missing; `nil` for the default.
    let schema: String?
    let limits: PostgresLimits

    /// Connects to `url` (`postgres://user:password@host:port/database`,
    /// with `?sslmode=require` for TLS, `?schema=NAME` for a schema other
    /// than `public`, and `?statement_timeout=SECONDS` for the longest a
    /// statement may run, 300 by default) and migrates the schema.
    ///
    /// - Parameters:
    ///   - patience: how long to wait for the server to answer at first: for
    ///     the first connection, then for the migrations.
    ///   - limits: how long later calls wait; a `statement_timeout` in the
    ///     URL replaces its statement limit.
    /// - Throws: ``StoreError/location(_:)`` for an unusable URL or an
    ///   unreachable server.
    public init(url: String, patience: Duration = .seconds(15), limits: PostgresLimits = PostgresLimits())
        async throws
    {
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
        var limits = limits
        if let text = parameters["statement_timeout"] {
            guard let seconds = Int(text), seconds > 0 else {
                throw StoreError.location("statement_timeout is a whole number of seconds above 0, not \(text)")
            }
            limits.statement = .seconds(seconds)
        }
        self.limits = limits
        var redacted = components
        redacted.password = components.password == nil ? nil : "***"
        location = redacted.string ?? url
        let port = components.port ?? 5432
        let username = components.user ?? "postgres"
        let databaseName = database.isEmpty ? nil : database
        // One connection first: a server that refuses it (nothing on the
        // port, a wrong password, no such database) says why at once, where
        // the pool would retry until the patience ran out. It also tells the
        // server's version, for the settings each connection asks for.
        var probe = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: components.password, database: databaseName,
            tls: probeTLS)
        probe.options.connectTimeout = .seconds(max(1, min(patience.components.seconds, 10)))
        let logger = logger
        let probeConfiguration = probe
        let serverVersion: Int
        do {
            serverVersion = try await Self.within(patience) {
                let connection = try await PostgresConnection.connect(
                    configuration: probeConfiguration, id: 0, logger: logger)
                do {
                    var version = 0
                    for try await number in try await connection.query("SHOW server_version_num", logger: logger)
                        .decode(String.self)
                    {
                        version = Int(number) ?? 0
                    }
                    try await connection.close()
                    return version
                } catch {
                    try? await connection.close()
                    throw error
                }
            }
        } catch {
            throw StoreError.location("cannot use PostgreSQL at \(location): \(Self.message(error))")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: components.password, database: databaseName,
            tls: tls)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = limits.connectionWait
        configuration.options.additionalStartupParameters = Self.sessionSettings(
            limits: limits, serverVersion: serverVersion)
        if let schema = parameters["schema"], !schema.isEmpty {
            guard schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw StoreError.location("schema names are letters, digits and underscores: \(schema)")
            }
            configuration.options.additionalStartupParameters.append(("search_path", schema))
        }
        schema = parameters["schema"].flatMap { $0.isEmpty ? nil : $0 }
        client = PostgresClient(configuration: configuration)
        let client = client
        running = Task { await client.run() }
        do {
            // The pool retries failed connections; give up on a server that
            // does not answer rather than wait for ever.
            var first = limits
            first.connectionWait = patience
            try await BoundedCall.run(client, limits: first, what: "the migrations", location: location) {
                connection, progress in
                try await self.migrate(on: connection, progress: progress)
            }
        } catch {
            running.cancel()
            throw StoreError.location("cannot use PostgreSQL at \(location): \(Self.message(error))")
        }
    }

    /// What every connection asks the server for: statements cancelled after
    /// the statement limit, a transaction left idle (its client gone
    /// silent) ended after it, and, from PostgreSQL 14, a query whose client
    /// has gone stopped within seconds rather than run to its end.
    /// How long a server's poll waits for a connection: a store that does
    /// not answer is noticed within a poll and this.
    static let pollConnectionWait = Duration.seconds(2)

    static func sessionSettings(limits: PostgresLimits, serverVersion: Int) -> [(String, String)] {
        let milliseconds = String(limits.statement.components.seconds * 1000)
        var settings = [
            ("statement_timeout", milliseconds), ("idle_in_transaction_session_timeout", milliseconds),
        ]
        if serverVersion >= 140_000 { settings.append(("client_connection_check_interval", "2000")) }
        return settings
    }

    /// Runs `operation`, or throws once `patience` has passed without its end.
    private static func within<T: Sendable>(
        _ patience: Duration, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: patience)
                return nil
            }
            let finished = try await group.next() ?? nil
            group.cancelAll()
            guard let finished else { throw StoreError.location("no answer within \(patience)") }
            return finished
        }
    }

    public func close() async throws {
        running.cancel()
    }

    // MARK: Calls

    /// Runs `body` on a pooled connection within the store's limits, its
    /// errors as ``StoreError``s.
    ///
    /// - Parameters:
    ///   - what: the call, for messages.
    ///   - writes: whether it writes, for messages.
    ///   - connectionWait: a shorter wait for a connection than the store's,
    ///     for the polls that tell a server whether the store answers.
    func call<T: Sendable>(
        _ what: String, writes: Bool = false, connectionWait: Duration? = nil,
        _ body: @escaping @Sendable (PostgresConnection, BoundedCall.Progress) async throws -> T
    ) async throws -> T {
        var limits = limits
        if let connectionWait { limits.connectionWait = min(limits.connectionWait, connectionWait) }
        do {
            return try await BoundedCall.run(
                client, limits: limits, what: what, location: location, writes: writes, body)
        } catch let error as StoreError {
            throw error
        } catch let error as RowIssues {
            throw StoreError.database("a stored row no longer validates: \(error)")
        } catch {
            throw StoreError.database(Self.message(error))
        }
    }

    /// Runs `body` in one transaction of `connection`, rolled back when it
    /// throws (unless the connection is gone: PostgreSQL then rolled it back).
    func transaction<T>(
        _ begin: String = "BEGIN", on connection: PostgresConnection, progress: BoundedCall.Progress,
        _ body: () async throws -> T
    ) async throws -> T {
        try await execute(begin, on: connection, progress: progress)
        do {
            let value = try await body()
            progress.committing()
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            if !connection.isClosed { _ = try? await connection.query("ROLLBACK", logger: logger) }
            throw error
        }
    }

    /// Runs a statement whose rows do not matter.
    func execute(_ sql: String, on connection: PostgresConnection, progress: BoundedCall.Progress) async throws {
        progress.touch()
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        progress.touch()
    }

    /// The rows of a statement, as store-neutral values.
    func rows(
        _ sql: String, _ arguments: [SQLValue] = [], on connection: PostgresConnection,
        progress: BoundedCall.Progress
    ) async throws -> [[SQLValue]] {
        var bindings = PostgresBindings()
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            }
        }
        progress.touch()
        var result: [[SQLValue]] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        {
            result.append(try row.map(Self.value(of:)))
            if result.count % 10_000 == 0 { progress.touch() }
        }
        progress.touch()
        return result
    }

    /// The single integer a statement answers.
    func count(_ sql: String, on connection: PostgresConnection, progress: BoundedCall.Progress) async throws -> Int {
        Int(try await rows(sql, on: connection, progress: progress).first?.first?.integerValue ?? 0)
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
