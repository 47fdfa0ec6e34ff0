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
    ///
    /// - Parameter existing: fail, rather than create an empty registry, when
    ///   the SQLite file does not exist: for commands that only read.
    func openStore(existing: Bool = false) async throws -> any RegistryStore {
        let location = location
        let isURL = location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
        if !isURL, let scheme = location.firstRange(of: "://").map({ location[..<$0.lowerBound] }),
            scheme.allSatisfy({ $0.isLetter })
        {
            throw UsageFailure(
                "\(scheme):// is not a database innobond uses: give an SQLite file or a postgres:// URL")
        }
        if existing, !isURL, !FileManager.default.fileExists(atPath: location) {
            throw UsageFailure(
                "no registry at \(location): give --database, or create one with `innobond demo` or `innobond import`")
        }
        do {
            if isURL {
                return try await PostgresRegistryStore(url: location)
            }
            return try SQLiteRegistryStore(path: location)
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
    }

    /// Opens the store, runs `body` on it and closes it before returning or
    /// throwing: an SQLite registry is checkpointed into its file, a
    /// PostgreSQL connection ends cleanly.
    ///
    /// - Parameter existing: as for ``openStore(existing:)``.
    func withStore<Result>(
        existing: Bool = false, _ body: (any RegistryStore) async throws -> Result
    ) async throws -> Result {
        let store = try await openStore(existing: existing)
        let result: Result
        do {
            result = try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        return result
    }
}
