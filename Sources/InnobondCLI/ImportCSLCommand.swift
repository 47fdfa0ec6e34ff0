import ArgumentParser
import FixedIncome
import InnobondIO
import InnobondStore

/// `innobond import-csl FILE`: a release of the US Consolidated Screening List into the legal shield.
struct ImportCSLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-csl",
        abstract: "Import a release of the US Consolidated Screening List (its JSON or CSV download).",
        discussion: """
            Each list of the release (Entity List, SDN, ...) becomes a measure US-CSL-<list>, each entry a party \
            it names, keyed by its OFAC entity number or else its name. A party the store holds that the release \
            no longer does is removed on the release's date, never deleted, so that answers as of earlier days \
            stay the same. The file is read as a stream; every entry is checked first, and a file with a bad \
            entry writes nothing (docs/formats/screening-lists.md).
            """
    )

    @Argument(help: "consolidated.json or consolidated.csv (- for standard input, with --format).")
    var file: String

    @Option(help: "The file's format (default: from its extension).")
    var format: ImportSource.Format?

    @Option(help: "The day the release was published, YYYY-MM-DD (default: today).")
    var published: DateArgument?

    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try ImportCommand.format(format, of: file) }

    func run() async throws {
        let (format, input) = try ImportCommand.open(file, format: format)
        try await database.withStore { store in
            do {
                let entries = try ScreeningListEntry.read(input, format: format)
                let report = try await ScreeningListImport.run(
                    entries, published: published?.date ?? .today, store: store, actor: .commandLine)
                printError(
                    "\(report.entries) entries of \(report.lists) lists read; "
                        + "\(report.removed) parties no longer listed, removed")
                for imported in report.imports { printError(imported.summary) }
            } catch let error as StoreError {
                if case .unusableFile(let issues) = error {
                    for issue in issues.prefix(100) { printError(issue.description) }
                    if issues.count > 100 { printError("... and \(issues.count - 100) more") }
                    printError("\(file): nothing written")
                    throw ExitCode(1)
                }
                throw UsageFailure(error)
            }
        }
    }
}
