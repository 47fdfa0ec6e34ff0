import ArgumentParser
import Foundation
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

    /// Opens the store at ``location``.
    func openStore() throws -> any RegistryStore {
        let location = location
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            throw UsageFailure("PostgreSQL stores are not available in this build: \(location)")
        }
        do {
            return try SQLiteRegistryStore(path: location)
        } catch let error as StoreError {
            throw UsageFailure(error.description)
        }
    }
}
