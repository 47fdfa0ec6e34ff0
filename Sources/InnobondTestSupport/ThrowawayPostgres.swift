import Foundation

/// A PostgreSQL cluster of one test's own, on a private port of 127.0.0.1,
/// started by `scripts/test-postgres.sh`: the test may crash it and start it
/// again without disturbing the tests that share the CI's server.
public final class ThrowawayPostgres: Sendable {
    /// The cluster's URL (no schema).
    public let url: String
    private let environment: [String: String]

    /// Whether clusters can be made here: a PostgreSQL server is installed
    /// (as `INNOBOND_TEST_POSTGRES_URL` says, and CI sets) and the tests run
    /// as root, which `runuser` needs to run it as the postgres user.
    public static var isAvailable: Bool {
        ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"] != nil && getuid() == 0
    }

    /// Creates and starts a new cluster, on a port below Linux's ephemeral
    /// range (32768 and up: a client's connection may hold any of those);
    /// on another when the port is taken all the same.
    public init() async throws {
        var attempt = 0
        while true {
            let port = 20_000 + Int.random(in: 0..<10_000)
            var environment = ProcessInfo.processInfo.environment
            let folder = "/tmp/innobond-throwaway-\(port)-\(UUID().uuidString.prefix(8))"
            environment["INNOBOND_TEST_POSTGRES_DIR"] = folder
            environment["INNOBOND_TEST_POSTGRES_PORT"] = String(port)
            do {
                url = try await Self.script("start", environment: environment).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                self.environment = environment
                return
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                attempt += 1
                if attempt == 3 { throw error }
            }
        }
    }

    /// Stops the server at once, as a crash or a pulled cable would: its
    /// clients' connections end without a word.
    public func crash() async throws { _ = try await Self.script("crash", environment: environment) }

    /// Starts the server again on its data.
    public func resume() async throws { _ = try await Self.script("resume", environment: environment) }

    /// Stops the server and removes its data. It blocks its thread, so that
    /// a `defer` can call it; `pg_ctl stop -m fast` takes a moment.
    public func remove() {
        _ = try? Self.blockingScript("stop", environment: environment)
        if let folder = environment["INNOBOND_TEST_POSTGRES_DIR"] {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Runs `scripts/test-postgres.sh VERB`: its standard output. `initdb`
    /// and a start take seconds on a loaded machine, so this suspends
    /// rather than blocks (see ``ProcessEnd``).
    private static func script(_ verb: String, environment: [String: String]) async throws -> String {
        let (process, outputURL) = try scriptProcess(verb, environment: environment)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let end = ProcessEnd(process)
        try process.run()
        await end.wait()
        return try output(of: process, verb: verb, at: outputURL)
    }

    /// ``script(_:environment:)``, blocking its thread until the script ends.
    private static func blockingScript(_ verb: String, environment: [String: String]) throws -> String {
        let (process, outputURL) = try scriptProcess(verb, environment: environment)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        try process.run()
        process.waitUntilExit()
        return try output(of: process, verb: verb, at: outputURL)
    }

    /// The script's process, not started, and the file its output goes to.
    private static func scriptProcess(_ verb: String, environment: [String: String]) throws -> (Process, URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path, verb]
        process.environment = environment
        // A file, not a pipe: the server the script starts would inherit the
        // pipe and hold it open, and its reader would wait for ever.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "innobond-postgres-\(UUID().uuidString)")
        try Data().write(to: outputURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardInput = FileHandle.nullDevice
        return (process, outputURL)
    }

    /// The standard output of the ended script, or its failure.
    private static func output(of process: Process, verb: String, at outputURL: URL) throws -> String {
        let data = try Data(contentsOf: outputURL)
        guard process.terminationStatus == 0 else {
            throw ScriptFailure(verb: verb, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        let verb: String
        let status: Int32
        var description: String { "scripts/test-postgres.sh \(verb) exited with status \(status)" }
    }
}
