import ArgumentParser
import Foundation
import InnobondPostgres
import InnobondSQLite
import InnobondStore

/// `--database`: where the registry is.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "An SQLite file or a postgres:// URL (default: $INNOBOND_DATABASE_URL, else innobond.sqlite).",
            valueName: "path-or-url"))
    var database: String?

    /// The location chosen: the option, the environment, or the default file.
    var location: String {
        database ?? ProcessInfo.processInfo.environment["INNOBOND_DATABASE_URL"] ?? "innobond.sqlite"
    }

    /// Opens the store at ``location``: PostgreSQL for a `postgres://` URL,
    /// an SQLite file otherwise.
    func openStore() async throws -> any RegistryStore {
        let location = location
        do {
            if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
                return try await PostgresRegistryStore(url: location)
            }
            return try SQLiteRegistryStore(path: location)
        } catch let error as StoreError {
            throw UsageFailure(error.description)
        }
    }
}
