import Foundation
import InnobondTestSupport
import Testing

/// Two people change one record at once, through a real server: exactly
/// one wins, the other gets 409 with the current revision, and the audit log
/// holds one change.
@Suite struct ChangeTests {
    typealias Folder = RegistryCommandTests.Folder

    static func databases(_ folder: Folder) -> [String] {
        var databases = [folder.path("registry.sqlite")]
        if let base = ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"] {
            let schema = "change_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            databases.append(base + (base.contains("?") ? "&" : "?") + "schema=" + schema)
        }
        return databases
    }

    @Test func twoConcurrentChangesOfOneRecord() async throws {
        let folder = Folder()
        for database in Self.databases(folder) {
            let issuers = try folder.write("issuers.csv", StoreContract.files[0].1 + "\n")
            #expect(try await CommandRunner.run(["import", "issuers", issuers, "--database", database]).status == 0)
            let cases = try folder.write("cases.csv", StoreContract.caseFile([StoreContract.caseRow]))
            let imported = try await CommandRunner.run(["import", "compliance_cases", cases, "--database", database])
            #expect(imported.status == 0, "\(imported.standardError)")
            let token = try await CommandRunner.run(["token", "create", "--role", "admin", "--database", database])
            let secret = try #require(token.standardOutput.split(separator: "\n").first.map(String.init))
            let (server, port) = try await ServeConnectionTests.serve(folder, [], database: database)
            defer { server.signal(SIGKILL) }

            let connections = try (0..<2).map { _ in try #require(RawConnection(port: port)) }
            for (index, connection) in connections.enumerated() {
                let body =
                    "{\"key\": {\"case_id\": \"C-1\"}, \"revision\": 1, \"set\": {\"state\": "
                    + (index == 0 ? "\"assessing\"" : "\"closed\"") + "}}"
                connection.send(
                    "POST /api/v1/changes/compliance_cases HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer \(secret)\r\nContent-Type: application/json\r\n"
                        + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
            }
            let answers = connections.map { $0.readAnswer(timeout: .seconds(30)) ?? "" }
            let statuses = answers.map { String($0.prefix(12)) }.sorted()
            #expect(statuses == ["HTTP/1.1 200", "HTTP/1.1 409"], "\(database): \(answers)")
            #expect(answers.contains { $0.contains("\"current_revision\":2") }, "\(answers)")

            let audit = try await CommandRunner.run([
                "audit", "--kind", "compliance_cases", "--json", "--database", database,
            ])
            let entries = try #require(
                try JSONSerialization.jsonObject(with: Data(audit.standardOutput.utf8)) as? [[String: Any]])
            #expect(entries.filter { $0["action"] as? String == "change" }.count == 1, "\(database)")
            let export = try await CommandRunner.run(["export", "compliance_cases", "--database", database])
            #expect(export.standardOutput.contains(",2\n"), "\(export.standardOutput)")
            server.signal(SIGKILL)
            _ = try await server.wait(upTo: .seconds(10))
        }
    }
}
