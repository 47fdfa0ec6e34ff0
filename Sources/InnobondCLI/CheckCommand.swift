import ArgumentParser
import InnobondStore

/// `innobond check`: the registry's integrity, references, amounts and counts.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the registry: the database's integrity check, references, amounts; print the counts.",
        discussion: "Exits 0 when nothing is wrong, 1 when something is, each problem on a line of its own."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { store in
            let report: CheckReport
            do {
                report = try await store.check()
            } catch let error as StoreError {
                throw UsageFailure(error)
            }
            for (table, count) in report.counts { print("\(table)\t\(count)") }
            if !report.integrity.isEmpty { print("integrity_check\t\(report.integrity.joined(separator: "; "))") }
            for problem in report.problems { printError("problem: \(problem)") }
            printError(report.isClean ? "\(store.location): no problems found" : "\(report.problems.count) problems")
            if !report.isClean { throw ExitCode(1) }
        }
    }
}
