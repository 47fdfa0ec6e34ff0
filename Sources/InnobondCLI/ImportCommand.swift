import ArgumentParser
import Foundation
import InnobondIO
import InnobondModel
import InnobondStore

extension RecordKind: ExpressibleByArgument {}
extension ImportSource.Format: ExpressibleByArgument {}

/// `innobond import KIND FILE`: validated, all-or-nothing import of a registry file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a registry file (CSV or JSON): every row validated, all or nothing.",
        discussion: """
            KIND is one of: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")). The formats are those \
            of the registry's CSV contract; rows are upserted by key, so importing a file twice leaves the same \
            registry. A file with any bad row writes nothing; each bad row is reported as \
            'line N, column NAME: reason' and the exit status is 1. With --skip-invalid the good rows are \
            written and the bad ones reported.
            """
    )

    @Argument(help: "What the file holds.")
    var kind: RecordKind

    @Argument(help: "The file to import (- for standard input).")
    var file: String

    @Option(help: "The file's format (default: from its extension).")
    var format: ImportSource.Format?

    @Flag(help: "Write the good rows and report the bad ones instead of writing nothing.")
    var skipInvalid = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws { _ = try Self.format(format, of: file) }

    func run() async throws {
        let (format, input) = try Self.open(file, format: format)
        try await database.withStore { store in try await run(on: store, format: format, input: input) }
    }

    private func run(on store: any RegistryStore, format: ImportSource.Format, input: any ByteInput) async throws {
        let report: ImportReport
        do {
            let source = try ImportSource(kind: kind, format: format, input: input)
            let progress = ProgressLine.onTerminal(
                label: "rows", totalBytes: source.size, outputIsStandardOutput: false)
            let sendableProgress = SendableProgress(progress)
            report = try await store.importRows(
                from: [source], options: ImportOptions(skipInvalid: skipInvalid, actor: .commandLine), markDemo: nil,
                progress: { rows, bytes in sendableProgress.update(rows: rows, bytes: bytes) })[0]
            progress?.clear()
        } catch let error as StoreError {
            if case .unusableFile(let issues) = error {
                for issue in issues { printError(issue.description) }
                printError("\(kind.rawValue): nothing written")
                throw ExitCode(1)
            }
            throw UsageFailure(error)
        }
        for issue in report.issues { printError(issue.description) }
        if report.unlistedIssues > 0 {
            printError("... and \(report.unlistedIssues) more bad \(report.unlistedIssues == 1 ? "row" : "rows")")
        }
        printError(report.summary)
        if report.badRows > 0 && !skipInvalid { throw ExitCode(1) }
    }
}

extension ImportCommand {
    /// The format of `file`: `given`, else its extension's.
    static func format(_ given: ImportSource.Format?, of file: String) throws -> ImportSource.Format {
        guard let format = given ?? ImportSource.Format(path: file) else {
            throw ValidationError(
                "cannot tell the format of '\(file)' from its name; give --format csv or --format json")
        }
        return format
    }

    /// `file` (`-`: standard input) opened, with its format.
    static func open(_ file: String, format given: ImportSource.Format?) throws -> (ImportSource.Format, any ByteInput)
    {
        let format = try format(given, of: file)
        do {
            return (format, file == "-" ? FileInput.standardInput() : try FileInput(path: file))
        } catch {
            throw UsageFailure(error.description)
        }
    }
}

/// A progress line updated from the store's import callback.
final class SendableProgress: @unchecked Sendable {
    private let line: ProgressLine?
    init(_ line: ProgressLine?) { self.line = line }
    func update(rows: Int, bytes: Int) { line?.update(count: rows, bytes: bytes) }
}
