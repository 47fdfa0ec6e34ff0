import ArgumentParser
import Foundation
import InnobondSQLite
import InnobondStore

/// `innobond backup --to PATH`: a consistent copy of the registry in one file.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the registry, as of one moment, into a new SQLite file (safe while servers write).",
        discussion: """
            The backup holds every kind, the tokens (by hash) and the demo mark; it is an innobond SQLite \
            registry (--database PATH reads it) and 'innobond restore --from PATH' writes it into an empty \
            registry of either store. An SQLite registry is copied with VACUUM INTO, a PostgreSQL one in one \
            read-only REPEATABLE READ transaction. The file is written beside PATH and renamed when complete.
            """
    )

    @Option(help: ArgumentHelp("The backup file to write; it must not exist.", valueName: "path"))
    var to: String

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if FileManager.default.fileExists(atPath: to) {
            throw ValidationError("\(to) exists: give a new file for the backup")
        }
    }

    func run() async throws {
        let partial = to + ".partial"
        SQLiteRegistryStore.removeFiles(of: partial)
        let location = try await database.withStore(existing: true) { store in
            do {
                if let sqlite = store as? SQLiteRegistryStore {
                    try await sqlite.backup(to: partial)
                } else {
                    let target = try SQLiteRegistryStore(path: partial)
                    do {
                        _ = try await store.withConsistentReader { reader in
                            try await target.restore(from: reader, actor: nil, progress: nil)
                        }
                        try await target.close()
                    } catch {
                        try? await target.close()
                        throw error
                    }
                }
            } catch let error as StoreError {
                SQLiteRegistryStore.removeFiles(of: partial)
                throw UsageFailure(error)
            }
            return store.location
        }
        let check = try SQLiteRegistryStore(path: partial)
        let report = try await check.check()
        try await check.close()
        SQLiteRegistryStore.removeFiles(of: partial + "-journal")
        try FileManager.default.moveItem(atPath: partial, toPath: to)
        SQLiteRegistryStore.removeFiles(of: partial)
        let rows = report.counts.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
        printError("backup of \(location) written to \(to): \(rows)")
    }
}
