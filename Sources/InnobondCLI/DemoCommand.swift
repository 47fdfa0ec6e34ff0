import ArgumentParser
import InnobondDemo
import InnobondInsights
import InnobondModel
import InnobondStore

/// `innobond demo`: loads the built-in demo data set.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the built-in demo data set: published facts in a synthetic market, marked as demo data."
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Load the demo data into a registry that holds data of its own, overwriting rows with the same keys.")
    var force = false

    func run() async throws {
        try await database.withStore { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let snapshot = try await store.loadSnapshot()
        let rows = snapshot.counts.values.reduce(0, +)
        if rows > 0 && !snapshot.isDemo && !force {
            throw UsageFailure(
                "\(store.location) holds \(NumberText.count(rows, "row")) of its own data: the demo data would overwrite rows with the "
                    + "same keys and mark the whole registry as demo data. Use an empty database, or --force.")
        }
        let reports = try await DemoLoader.load(into: store)
        for report in reports { printError(report.summary) }
        if reports.contains(where: { $0.badRows > 0 }) { throw ExitCode(1) }
    }
}

/// Loads the demo data set through the validating import path, in one transaction.
enum DemoLoader {
    /// - Parameter actor: who loads it, for the audit log: the command
    ///   line's user, or innobond itself for a server's empty registry.
    static func load(into store: any RegistryStore, actor: WriteActor = .commandLine) async throws -> [ImportReport] {
        let data = DemoDataSet.build()
        let sources = data.recordsByKind.map { kind, records in ImportSource(kind: kind, records: records) }
        do {
            return try await store.importRows(
                from: sources, options: ImportOptions(actor: actor), markDemo: true, progress: nil)
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
    }
}
