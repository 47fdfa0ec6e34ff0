import Foundation
import InnobondTestSupport
import Testing

/// `innobond serve` against clients that hold connections without using
/// them: a real server process under the descriptor limit many machines
/// give a process (1,024), and real sockets.
@Suite struct ServeConnectionTests {
    typealias Folder = RegistryCommandTests.Folder

    /// Raises this process's own descriptor limit to its hard limit: the
    /// test holds more connections than 1,024.
    static func raiseDescriptorLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Starts a server on an empty registry and any free port: the command
    /// and its port.
    static func serve(_ folder: Folder, _ arguments: [String] = [], database: String? = nil) async throws -> (
        CommandRunner.Running, Int
    ) {
        raiseDescriptorLimit()
        let command = try CommandRunner.Running(
            ["serve", "--port", "0", "--no-demo", "--database", database ?? folder.path("registry.sqlite")] + arguments,
            descriptorLimit: 1024)
        for _ in 0..<1500 {
            let output = command.standardOutputSoFar
            if let range = output.range(of: "http://127.0.0.1:"),
                let port = Int(output[range.upperBound...].prefix { $0.isNumber })
            {
                return (command, port)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ServeFailure()
    }

    struct ServeFailure: Error {}

    /// 1,100 idle connections, more than the server's descriptors allow:
    /// the oldest idle ones make room, and /health still answers.
    @Test func idleConnectionsDoNotStarveOthers() async throws {
        let folder = Folder()
        let (server, port) = try await Self.serve(folder)
        defer { server.signal(SIGKILL) }
        var idle: [RawConnection] = []
        for _ in 0..<1100 {
            if let connection = RawConnection(port: port) { idle.append(connection) }
        }
        #expect(idle.count == 1100)
        let health = try #require(RawConnection(port: port)).get("/health", timeout: .seconds(10))
        #expect(health?.hasPrefix("HTTP/1.1 200") == true, "\(health ?? "no answer within 10 s")")
        // The server closed idle connections to stay within its descriptors.
        try await Task.sleep(for: .milliseconds(500))
        #expect(idle.filter(\.isClosedByServer).count >= 1100 - 1024)
    }

    /// 500 clients sending their headers a byte at a time are closed once
    /// the header timeout passes, and others are served meanwhile.
    @Test func slowClientsAreClosedAfterTheHeaderTimeout() async throws {
        let folder = Folder()
        let (server, port) = try await Self.serve(folder, ["--header-timeout", "2"])
        defer { server.signal(SIGKILL) }
        let slow = (0..<500).compactMap { _ in RawConnection(port: port) }
        #expect(slow.count == 500)
        for connection in slow { connection.send("GET /api/v1/bonds HTTP/1.1\r\n") }
        for round in 0..<20 {
            for connection in slow { connection.send("X") }
            if round % 5 == 0 {
                let health = try #require(RawConnection(port: port)).get("/health", timeout: .seconds(10))
                #expect(health?.hasPrefix("HTTP/1.1 200") == true, "\(health ?? "no answer within 10 s")")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        // Four seconds of trickling: every one is past its two.
        #expect(slow.filter(\.isClosedByServer).count == 500)
    }
}
