import Foundation
import InnobondTestSupport
import Testing

/// How `innobond serve` and `innobond --version` start, as a user runs them.
@Suite struct ServeStartTests {
    typealias Folder = RegistryCommandTests.Folder

    /// A socket listening on a free port of 127.0.0.1, and the port.
    final class Listener {
        let descriptor: Int32
        let port: Int

        init() throws {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    bind(descriptor, address, length) == 0 && listen(descriptor, 8) == 0
                        && getsockname(descriptor, address, &length) == 0
                }
            }
            guard bound else {
                close(descriptor)
                throw POSIXError(.EADDRINUSE)
            }
            self.descriptor = descriptor
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(descriptor) }
    }

    /// A port another program listens on: the server says so in one line,
    /// exits with 2, and has not created the registry it was given.
    @Test func aBusyPortWritesNothing() async throws {
        let folder = Folder()
        let listener = try Listener()
        let database = folder.path("registry.sqlite")
        let result = try await CommandRunner.run(["serve", "--port", String(listener.port), "--database", database])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "innobond: cannot listen on 127.0.0.1:\(listener.port): the port is in use "
                + "(choose another with --port)\n")
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
    }

    @Test func theVersionNamesTheReleaseAndTheSchema() async throws {
        let result = try await CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "innobond 0.9.0 (registry schema v16: match reviews)\n")
    }
}
