import ArgumentParser
import Foundation

/// The `innobond` command: configuration only; the work is in its subcommands.
@main
struct Innobond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "innobond",
        abstract: "Follow China's sci-tech innovation bonds: pricing, registry and analysis.",
        subcommands: [AnalyticsCommand.self]
    )

    /// Runs the command line; usage errors exit with status 2 and one line
    /// on standard error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
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
