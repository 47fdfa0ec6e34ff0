import ArgumentParser
import Foundation
import InnobondStore

/// The `innobond` command: configuration only; the work is in its subcommands.
@main
struct Innobond: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "innobond",
        abstract: "Follow China's sci-tech innovation bonds: pricing, registry and analysis.",
        version: InnobondVersion.description,
        subcommands: [
            AnalyticsCommand.self, CurveCommand.self, ImportCommand.self, ExportCommand.self, StatsCommand.self,
            DemoCommand.self, ReportCommand.self, InsightsCommand.self, ServeCommand.self, TokenCommand.self,
            BackupCommand.self, RestoreCommand.self, CheckCommand.self, CalendarCommand.self, AuditCommand.self,
            ChangeCommand.self, IntegrityCommand.self, ScreenCommand.self, ImportCSLCommand.self, ExposureCommand.self,
        ]
    )

    /// Runs the command line; usage errors exit with status 2 and one line
    /// on standard error, a store that is unavailable or busy with status 3.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as UsageFailure {
            FileHandle.standardError.write(Data("innobond: \(failure.description)\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            if exitCode(for: error) == .validationFailure {
                let message = Self.message(for: error)
                FileHandle.standardError.write(Data("innobond: \(message) (see 'innobond help')\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// An input or argument that makes the command unusable: one line on standard
/// error, exit status 2; or a store that is unavailable or busy: status 3,
/// and the same command may succeed later.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    let status: Int32

    init(_ description: String) {
        self.description = description
        status = 2
    }

    init(_ error: StoreError) {
        description = error.description
        status = error.isTransient ? 3 : 2
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
