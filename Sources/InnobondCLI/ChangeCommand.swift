import ArgumentParser
import Foundation
import InnobondModel
import InnobondStore

/// `innobond change KIND --key C=V --revision N --set C=V`: one record of a
/// versioned kind changed (a state change), audited.
struct ChangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change one record of a versioned kind (a state change), from the revision it was read at.",
        discussion: """
            Kinds: \(RecordKind.allCases.filter { $0.declaration.merge == .versioned }.map(\.rawValue)
                .joined(separator: ", ")). The record's current row is kept as a superseded revision. A stale \
            --revision (someone changed the record since) is refused with the current one and exit status 4; a \
            change the record's rules refuse (a state it may not go to) exits with status 1.
            """
    )

    @Argument(help: "The kind of record.")
    var kind: RecordKind

    @Option(help: ArgumentHelp("A key column's value (repeatable).", valueName: "column=value"))
    var key: [String] = []

    @Option(help: "The revision the change was made from.")
    var revision: Int

    @Option(help: ArgumentHelp("A new value (repeatable); column= clears it.", valueName: "column=value"))
    var set: [String] = []

    @OptionGroup var database: DatabaseOptions

    /// `column=value` pairs.
    static func pairs(_ texts: [String], _ option: String) throws -> [(String, String)] {
        try texts.map { text in
            guard let equals = text.firstIndex(of: "=") else {
                throw ValidationError("--\(option) takes column=value, not \(text)")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }

    func validate() throws {
        guard kind.declaration.merge == .versioned else {
            throw ValidationError("\(kind.rawValue) records are not changed one by one: import them")
        }
        _ = try Self.pairs(key, "key")
        _ = try Self.pairs(set, "set")
        guard !set.isEmpty else { throw ValidationError("give at least one --set column=value") }
    }

    func run() async throws {
        let keyValues = Dictionary(try Self.pairs(key, "key"), uniquingKeysWith: { _, last in last })
        let values = Dictionary(
            try Self.pairs(set, "set").map { ($0.0, Optional($0.1)) }, uniquingKeysWith: { _, last in last })
        let change = RecordChange(kind: kind, key: keyValues, revision: revision, values: values)
        try await database.withStore(existing: true) { store in
            do {
                let outcome = try await store.change(change, actor: .commandLine)
                for (column, before, after) in outcome.changed {
                    print("\(column)\t\(before ?? "")\t\(after ?? "")")
                }
                printError("\(kind.rawValue) \(keyValues): revision \(outcome.revision)")
            } catch StoreError.conflict(let message, _) {
                printError("innobond: \(message)")
                throw ExitCode(4)
            } catch StoreError.rejected(let message) {
                printError("innobond: \(message)")
                throw ExitCode(1)
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
        }
    }
}
