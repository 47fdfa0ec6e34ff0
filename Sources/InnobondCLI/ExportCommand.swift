import ArgumentParser
import InnobondIO
import InnobondModel
import InnobondStore

/// `innobond export KIND`: every row of a kind, in the format import reads.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every row of a kind as CSV or JSON, in key order.",
        discussion: "Importing the output into an empty registry and exporting again gives the same file."
    )

    @Argument(help: "What to export.")
    var kind: RecordKind

    @Option(help: "The file's format.")
    var format: ImportSource.Format = .csv

    @Option(help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        do {
            let sink = try output.map(FileOutput.init(path:)) ?? FileOutput.standardOutput()
            let writer = try RecordWriter(kind: kind, format: format, output: sink)
            try await store.export(kind: kind, to: writer)
            try sink.commit()
        } catch let error as IOError {
            throw UsageFailure(error.description)
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
    }
}
