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
    public init() throws {
        var attempt = 0
        while true {
            let port = 20_000 + Int.random(in: 0..<10_000)
            var environment = ProcessInfo.processInfo.environment
            let folder = "/tmp/innobond-throwaway-\(port)-\(UUID().uuidString.prefix(8))"
            environment["INNOBOND_TEST_POSTGRES_DIR"] = folder
            environment["INNOBOND_TEST_POSTGRES_PORT"] = String(port)
            do {
                url = try Self.script("start", environment: environment).trimmingCharacters(in: .whitespacesAndNewlines)
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
    public func crash() throws { _ = try Self.script("crash", environment: environment) }

    /// Starts the server again on its data.
    public func resume() throws { _ = try Self.script("resume", environment: environment) }

    /// Stops the server and removes its data.
    public func remove() {
        _ = try? Self.script("stop", environment: environment)
        if let folder = environment["INNOBOND_TEST_POSTGRES_DIR"] {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Runs `scripts/test-postgres.sh VERB`: its standard output.
    private static func script(_ verb: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/test-postgres.sh").path, verb]
        process.environment = environment
        // A file, not a pipe: the server the script starts would inherit the
        // pipe and hold it open, and its reader would wait for ever.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "innobond-postgres-\(UUID().uuidString)")
        try Data().write(to: outputURL)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
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
