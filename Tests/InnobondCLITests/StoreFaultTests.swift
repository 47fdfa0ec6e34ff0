import Foundation
import GRDB
import InnobondModel
import InnobondTestSupport
import Logging
import PostgresNIO
import Testing

/// `innobond import` when the database fails under it or another writer
/// races it: real processes against a real PostgreSQL (crashed with `pg_ctl
/// -m immediate`) and real SQLite files.
@Suite struct StoreFaultTests {
    typealias Folder = RegistryCommandTests.Folder

    /// A bond of issuer 91440300708461136T (the contract's fixtures), numbered.
    static func bondLine(_ number: Int, name: String = "Fault test bond") -> String {
        "9\(String(format: "%07d", number)).SH,91440300708461136T,\(name) \(number),corporate_bond,false,,"
            + "2024-03-15,2029-03-15,100000000,2.45,1,ACT/365F,AAA,,,"
    }

    static let bondsHeader =
        "code,uscc,name,type,sci_tech,regime,issue_date,maturity_date,amount_cny,coupon_rate,frequency,day_count,"
        + "rating,put_date,coupon_reset_date,approval_days"

    /// Imports the contract's fixture files, every kind, through the command.
    static func importFixtures(_ folder: Folder, database: String) async throws {
        for (kind, text) in StoreContract.files {
            let file = try folder.write("\(kind.rawValue).csv", text + "\n")
            let result = try await CommandRunner.run(["import", kind.rawValue, file, "--database", database])
            #expect(result.status == 0, "\(kind): \(result.standardError)")
        }
    }

    static func export(_ kind: String, _ database: String) async throws -> String {
        let result = try await CommandRunner.run(["export", kind, "--database", database])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    static func withConnection<T>(_ url: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await TestPostgres.withConnection(url, body)
    }

    /// A throwaway cluster holding the contract's fixtures in schema
    /// `fault`, and the bonds' export before anything else.
    struct CrashScene {
        let server: ThrowawayPostgres
        let folder = Folder()
        let database: String
        let bondsBefore: String

        init() async throws {
            server = try await ThrowawayPostgres()
            database = server.url + "?schema=fault"
            try await StoreFaultTests.importFixtures(folder, database: database)
            bondsBefore = try await StoreFaultTests.export("bonds", database)
        }

        /// After the test: the server back, and the bonds as they were.
        func expectNothingWritten() async throws {
            try await server.resume()
            await #expect(try StoreFaultTests.export("bonds", database) == bondsBefore)
        }
    }

    /// Waits until `count` sessions run a statement matching `pattern` (or,
    /// with `waitingOnLock`, wait for a lock), up to 60 s.
    static func waitForSessions(
        _ connection: PostgresConnection, count: Int, query pattern: String = "%", waitingOnLock: Bool = false
    ) async throws {
        let lockCondition = waitingOnLock ? " AND wait_event_type = 'Lock'" : ""
        for _ in 0..<3000 {
            let rows = try await connection.query(
                PostgresQuery(
                    unsafeSQL:
                        "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND state = 'active' "
                        + "AND query LIKE '\(pattern)'\(lockCondition)"), logger: Logger(label: "test"))
            var seen = 0
            for try await value in rows.decode(Int.self) { seen = value }
            if seen >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("\(count) sessions running \(pattern) never showed")
    }

    // MARK: PostgreSQL crashes

    /// The server crashes while the rows are being copied in: the command
    /// ends at once, says the connection was lost and nothing was written,
    /// with status 3; the registry is as it was once the server is back.
    @Test(.enabled(if: ThrowawayPostgres.isAvailable, "needs PostgreSQL and root"))
    func anImportEndsWhenPostgreSQLCrashesMidCopy() async throws {
        let scene = try await CrashScene()
        let (server, database) = (scene.server, scene.database)
        defer { server.remove() }
        let command = try CommandRunner.Running(
            ["import", "bonds", "-", "--format", "csv", "--database", database], standardInput: nil)
        let input = try #require(command.input)
        try input.write(contentsOf: Data((Self.bondsHeader + "\n").utf8))
        try input.write(contentsOf: Data((1...20_000).map { Self.bondLine($0) + "\n" }.joined().utf8))
        try await Self.withConnection(server.url) { connection in
            try await Self.waitForSessions(connection, count: 1, query: "COPY%")
        }
        try await server.crash()
        let result = try await command.wait(upTo: .seconds(20))
        try? input.close()
        let ended = try #require(result, "the import was still running 20 s after the crash")
        #expect(ended.status == 3, "\(ended.standardError)")
        #expect(ended.standardError.contains("lost") && ended.standardError.contains("nothing was written"))
        try await scene.expectNothingWritten()
    }

    /// The server crashes while the staged rows are checked (the import waits
    /// there on a lock the test holds): the command ends at once with status
    /// 3, and the bond it would have renamed keeps its name.
    @Test(.enabled(if: ThrowawayPostgres.isAvailable, "needs PostgreSQL and root"))
    func anImportEndsWhenPostgreSQLCrashesMidCheck() async throws {
        let scene = try await CrashScene()
        let (server, database) = (scene.server, scene.database)
        defer { server.remove() }
        let renamed = try scene.folder.write(
            "renamed.csv",
            Self.bondsHeader + "\n"
                + "240001.SH,91440300708461136T,renamed,corporate_bond,false,,2024-03-15,2027-03-15,3000000000,2.45,1,"
                + "ACT/365F,AAA,,,21\n")

        try await Self.withConnection(server.url) { holder in
            try await holder.query("BEGIN", logger: Logger(label: "test"))
            try await holder.query(
                "SELECT code FROM fault.bonds WHERE code = '240001.SH' FOR UPDATE", logger: Logger(label: "test"))
            let command = try CommandRunner.Running(["import", "bonds", renamed, "--database", database])
            try await Self.withConnection(server.url) { watcher in
                try await Self.waitForSessions(watcher, count: 1, waitingOnLock: true)
            }
            try await server.crash()
            let result = try await command.wait(upTo: .seconds(20))
            let ended = try #require(result, "the import was still running 20 s after the crash")
            #expect(ended.status == 3, "\(ended.standardError)")
            #expect(ended.standardError.contains("nothing was written"), "\(ended.standardError)")
        }
        try await scene.expectNothingWritten()
    }
}

/// `innobond serve` on a PostgreSQL registry whose server crashes and comes
/// back: readiness says so, reads go on from the snapshot marked stale,
/// writes get 503, one log line opens the outage and one closes it.
@Suite struct ServeOutageTests {
    typealias Folder = RegistryCommandTests.Folder

    /// Polls `path` until `accept` holds for its answer, up to 60 s.
    static func waitFor(
        _ port: Int, _ path: String, _ accept: (String) -> Bool
    ) async throws -> String {
        var last = ""
        for _ in 0..<300 {
            last = RawConnection(port: port)?.get(path, timeout: .seconds(15)) ?? ""
            if accept(last) { return last }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("\(path) never answered as expected; last answer: \(last.prefix(300))")
        return last
    }

    @Test(.enabled(if: ThrowawayPostgres.isAvailable, "needs PostgreSQL and root"))
    func aStoreOutageIsReportedAndServedThrough() async throws {
        let postgres = try await ThrowawayPostgres()
        defer { postgres.remove() }
        let folder = Folder()
        let database = postgres.url + "?schema=outage"
        try await StoreFaultTests.importFixtures(folder, database: database)
        let token = try await CommandRunner.run(["token", "create", "--role", "admin", "--database", database])
        let secret = try #require(token.standardOutput.split(separator: "\n").first.map(String.init))
        let (server, port) = try await ServeConnectionTests.serve(
            folder, ["--log-level", "notice"], database: database)
        defer { server.signal(SIGKILL) }
        #expect(try await Self.waitFor(port, "/health") { $0.hasPrefix("HTTP/1.1 200") }.contains("\"status\":\"ok\""))

        try await postgres.crash()
        let health = try await Self.waitFor(port, "/health") { $0.hasPrefix("HTTP/1.1 503") }
        #expect(health.contains("\"status\":\"unavailable\"") && health.contains("stale_since"))
        #expect(health.lowercased().contains("retry-after: 5"))
        #expect(RawConnection(port: port)?.get("/health/live", timeout: .seconds(5))?.hasPrefix("HTTP/1.1 200") == true)
        let page = RawConnection(port: port)?.get("/bonds", timeout: .seconds(15)) ?? ""
        #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("class=\"stale\""), "\(page.prefix(300))")
        let api = RawConnection(port: port)?.get("/api/v1/bonds", timeout: .seconds(15)) ?? ""
        #expect(api.hasPrefix("HTTP/1.1 200") && api.lowercased().contains("innobond-stale-since:"))
        let writing = ContinuousClock.now
        let write = try #require(RawConnection(port: port))
        let body = "curve,date,tenor,yield\nCGB,2025-06-04,10Y,1.66\n"
        write.send(
            "POST /api/v1/import/curves HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n"
                + "Content-Type: text/csv\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        let refused = write.readAnswer(timeout: .seconds(30)) ?? ""
        #expect(refused.hasPrefix("HTTP/1.1 503") && refused.lowercased().contains("retry-after:"), "\(refused)")
        // The outage known, the write is refused at once rather than after
        // the wait for a connection.
        #expect(refused.contains("database unavailable"))
        #expect(ContinuousClock.now - writing < .seconds(2), "a write in a known outage waited")

        try await postgres.resume()
        let back = try await Self.waitFor(port, "/health") { $0.hasPrefix("HTTP/1.1 200") }
        #expect(!back.contains("stale_since"))
        let log = server.standardErrorSoFar
        #expect(log.components(separatedBy: "the store does not answer").count == 2, "\(log)")
        #expect(log.components(separatedBy: "the store answers again").count == 2, "\(log)")

        // A server stops at once on SIGTERM, even with its store gone.
        try await postgres.crash()
        _ = try await Self.waitFor(port, "/health") { $0.hasPrefix("HTTP/1.1 503") }
        let stopping = ContinuousClock.now
        server.signal(SIGTERM)
        let stopped = try await server.wait(upTo: .seconds(30))
        // Timed by the end the process handler saw: this test's own threads
        // may be held for seconds by other tests' work.
        let took = server.endTime.map { $0 - stopping }
        #expect(stopped != nil && took.map { $0 < .seconds(5) } == true, "stopped after \(String(describing: took))")
    }
}

/// Two servers on one PostgreSQL registry, as behind a load balancer.
@Suite struct TwoServerTests {
    typealias Folder = RegistryCommandTests.Folder

    @Test(.enabled(if: ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"] != nil))
    func aWriteThroughOneIsReadFromTheOtherAndARevokedTokenStopsBoth() async throws {
        let base = try #require(ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"])
        let schema = "two_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let database = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let folder = Folder()
        try await StoreFaultTests.importFixtures(folder, database: database)
        let created = try await CommandRunner.run(["token", "create", "--role", "analyst", "--database", database])
        let secret = try #require(created.standardOutput.split(separator: "\n").first.map(String.init))
        let (first, firstPort) = try await ServeConnectionTests.serve(folder, [], database: database)
        defer { first.signal(SIGKILL) }
        let (second, secondPort) = try await ServeConnectionTests.serve(folder, [], database: database)
        defer { second.signal(SIGKILL) }

        func post(_ port: Int, _ body: String) -> String {
            let connection = RawConnection(port: port)
            connection?.send(
                "POST /api/v1/import/curves HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            )
            return connection?.readAnswer(timeout: .seconds(30)) ?? ""
        }
        let written = post(firstPort, "curve,date,tenor,yield\nCGB,2025-06-04,10Y,1.66\n")
        #expect(written.hasPrefix("HTTP/1.1 200"), "\(written.prefix(300))")
        // The other server polls the store every 2 seconds.
        let started = ContinuousClock.now
        let seen = try await ServeOutageTests.waitFor(secondPort, "/api/v1/curves/CGB?date=2025-06-04") {
            $0.hasPrefix("HTTP/1.1 200") && $0.contains("\"date\":\"2025-06-04\"")
        }
        #expect(seen.contains("1.66"))
        #expect(ContinuousClock.now - started < .seconds(10))

        let revoked = try await CommandRunner.run(["token", "revoke", "1", "--database", database])
        #expect(revoked.status == 0, "\(revoked.standardError)")
        for port in [firstPort, secondPort] {
            let refused = post(port, "curve,date,tenor,yield\nCGB,2025-06-05,10Y,1.67\n")
            #expect(refused.hasPrefix("HTTP/1.1 401"), "\(port): \(refused.prefix(300))")
        }
    }
}
