import Foundation

/// Runs the built `innobond` executable as a user would, with its standard
/// streams on files.
public enum CommandRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The executable beside the test bundle, where `swift build` puts it.
    public static let executable: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let beside = testBinary.deletingLastPathComponent().appendingPathComponent("innobond")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/innobond")
    }()

    /// Runs the command to its end, suspending rather than blocking while
    /// it runs (see ``ProcessEnd``).
    public static func run(_ arguments: [String], standardInput: Data = Data()) async throws -> Result {
        let command = try Running(arguments, standardInput: standardInput)
        await command.end.wait()
        return try command.result()
    }

    /// Runs the command to its end, blocking its thread: only for places
    /// that cannot suspend, such as a static property's first use.
    public static func runBlocking(_ arguments: [String], standardInput: Data = Data()) throws -> Result {
        let command = try Running(arguments, standardInput: standardInput)
        command.process.waitUntilExit()
        return try command.result()
    }

    /// A command started and not yet waited for.
    public final class Running: @unchecked Sendable {
        let process = Process()
        let end: ProcessEnd
        private let folder: URL
        private let outputURL: URL
        private let errorURL: URL
        /// What the command reads, when it was started with a pipe.
        public let input: FileHandle?

        /// Starts the command, its standard input the bytes given, or a pipe
        /// the caller writes to (``input``) when `standardInput` is `nil`.
        ///
        /// - Parameter descriptorLimit: the soft and hard limit of open
        ///   descriptors the command runs under (`ulimit -n`), when given.
        public init(_ arguments: [String], standardInput: Data? = Data(), descriptorLimit: Int? = nil) throws {
            end = ProcessEnd(process)
            folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "innobond-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            outputURL = folder.appendingPathComponent("stdout")
            errorURL = folder.appendingPathComponent("stderr")
            try Data().write(to: outputURL)
            try Data().write(to: errorURL)
            if let descriptorLimit {
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments =
                    ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\"", CommandRunner.executable.path]
                    + arguments
            } else {
                process.executableURL = CommandRunner.executable
                process.arguments = arguments
            }
            if let standardInput {
                let inputURL = folder.appendingPathComponent("stdin")
                try standardInput.write(to: inputURL)
                process.standardInput = try FileHandle(forReadingFrom: inputURL)
                input = nil
            } else {
                let pipe = Pipe()
                process.standardInput = pipe
                input = pipe.fileHandleForWriting
            }
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            try process.run()
        }

        deinit {
            if process.isRunning { process.terminate() }
            try? FileManager.default.removeItem(at: folder)
        }

        /// Waits up to `limit` for the command to end: its result, or `nil`
        /// (and the command killed) when it did not end in time.
        public func wait(upTo limit: Duration) async throws -> Result? {
            let deadline = ContinuousClock.now + limit
            while process.isRunning {
                if ContinuousClock.now > deadline {
                    process.terminate()
                    kill(process.processIdentifier, SIGKILL)
                    return nil
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            return try result()
        }

        /// When the command was seen to end; `nil` while it runs (``ProcessEnd/endTime``).
        public var endTime: ContinuousClock.Instant? { end.endTime }

        /// What the command has written to standard output so far.
        public var standardOutputSoFar: String {
            (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        }

        /// What the command has written to standard error so far.
        public var standardErrorSoFar: String {
            (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        }

        /// Sends the command a signal.
        public func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// The result of a command that has ended.
        func result() throws -> Result {
            Result(
                status: process.terminationStatus,
                standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
                standardError: try String(contentsOf: errorURL, encoding: .utf8))
        }
    }
}
