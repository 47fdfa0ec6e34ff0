import Foundation
import Logging
import PostgresNIO

/// A plain PostgreSQL connection of a test's own: to hold locks, watch
/// sessions, or restore a dump, beside the store under test.
public enum TestPostgres {
    /// Runs `body` on a new connection to `url` (`postgres://user:password@host:port/database`), closed afterwards.
    public static func withConnection<T>(_ url: String, _ body: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        guard let components = URLComponents(string: url) else { throw URLError(.badURL) }
        let configuration = PostgresConnection.Configuration(
            host: components.host ?? "127.0.0.1", port: components.port ?? 5432, username: components.user ?? "",
            password: components.password, database: String(components.path.dropFirst()), tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs a statement whose rows do not matter.
    public static func execute(_ sql: String, on connection: PostgresConnection) async throws {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }

    static let logger = Logger(label: "innobond-test")
}
