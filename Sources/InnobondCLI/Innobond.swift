import ArgumentParser
import Foundation

/// The `innobond` command: configuration only; the work is in its subcommands.
@main
struct Innobond: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "innobond",
        abstract: "Follow China's sci-tech innovation bonds: pricing, registry and analysis.",
        subcommands: [
            AnalyticsCommand.self, CurveCommand.self, ImportCommand.self, ExportCommand.self, StatsCommand.self,
            DemoCommand.self, ReportCommand.self, InsightsCommand.self, ServeCommand.self, TokenCommand.self,
        ]
    )

    /// Runs the command line; usage errors exit with status 2 and one line
    /// on standard error.
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
            Foundation.exit(2)
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
/// error, exit status 2.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
