import ArgumentParser
import Foundation
import InnobondSQLite
import InnobondStore

/// `innobond restore --from PATH`: a backup written into an empty registry.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Write a backup into an empty registry (SQLite or PostgreSQL), in one transaction.",
        discussion: """
            The registry given by --database must hold no rows and no tokens. The backup is read from a copy \
            (brought to this version's schema first), so the backup file itself is never changed.
            """
    )

    @Option(help: ArgumentHelp("The backup file 'innobond backup' wrote.", valueName: "path"))
    var from: String

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard FileManager.default.fileExists(atPath: from) else { throw ValidationError("no backup at \(from)") }
    }

    func run() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
            "innobond-restore-\(UUID().uuidString).sqlite"
        ).path
        defer { SQLiteRegistryStore.removeFiles(of: copy) }
        let reader: SQLiteFileReader
        do {
            try FileManager.default.copyItem(atPath: from, toPath: copy)
            // Opening migrates a backup of an earlier version; closing
            // leaves the file alone holding it.
            try await SQLiteRegistryStore(path: copy).close()
            reader = try SQLiteFileReader(path: copy)
        } catch let error as StoreError {
            throw UsageFailure(error)
        } catch {
            throw UsageFailure("cannot read the backup \(from): \(error)")
        }
        try await database.withStore { store in
            let report: RestoreReport
            do {
                report = try await store.restore(from: reader, actor: .commandLine, progress: nil)
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
            let rows = report.rows.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
            printError("restored \(from) into \(store.location) (version \(report.version)): \(rows)")
        }
    }
}
