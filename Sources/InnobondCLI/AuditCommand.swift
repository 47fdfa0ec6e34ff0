import ArgumentParser
import Foundation
import InnobondModel
import InnobondStore

/// `innobond audit`: who wrote what, when.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log: every write, who made it, when, with what outcome (oldest first).",
        discussion: """
            One line an entry: id, time (UTC), actor, action, kind, rows read / inserted / replaced / unchanged / \
            rejected, the input's SHA-256 and what else there is to say. The log is append-only, each entry \
            chained to the one before by its hash; 'innobond check' follows the chain.
            """
    )

    @Option(help: ArgumentHelp("Entries at or after this date or UTC time.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: "Entries of this kind.")
    var kind: RecordKind?

    @Option(help: ArgumentHelp("Entries of this token's writes.", valueName: "id"))
    var token: Int64?

    @Option(help: "The most entries shown.")
    var limit = 1000

    @Flag(help: "Answer in JSON.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let since, !(since.count == 10 || since.count == 20) {
            throw ValidationError("--since is YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, not \(since)")
        }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await database.withStore(existing: true) { store in
            let entries: [AuditEntry]
            do {
                entries = try await store.auditEntries(
                    AuditFilter(since: since, kind: kind, tokenID: token, limit: limit))
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
            if json {
                FileHandle.standardOutput.write(try JSONEncoder.api.encode(entries) + Data("\n".utf8))
                return
            }
            print("id\tat\tactor\taction\tkind\tread\tinserted\treplaced\tunchanged\trejected\tsha256\tdetail")
            for entry in entries {
                let fields: [String] = [
                    String(entry.id ?? 0), entry.at, entry.actor, entry.action.rawValue, entry.kind?.rawValue ?? "",
                    String(entry.rowsRead), String(entry.inserted), String(entry.replaced), String(entry.unchanged),
                    String(entry.rejected), entry.sha256 ?? "", entry.detail ?? "",
                ]
                print(fields.joined(separator: "\t"))
            }
        }
    }
}
