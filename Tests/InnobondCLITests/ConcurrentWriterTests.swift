import Foundation
import GRDB
import InnobondModel
import InnobondTestSupport
import Logging
import PostgresNIO
import Testing

/// Two `innobond import` processes that each fit alone but not together,
/// started at once on one registry: exactly one writes, the other is refused
/// with the line that would exceed, on PostgreSQL and on SQLite.
@Suite struct ConcurrentWriterTests {
    typealias Folder = RegistryCommandTests.Folder

    /// Two files of one kind that together break a sum the kind declares.
    struct Race: Sendable, CustomTestStringConvertible {
        let kind: RecordKind
        /// The fixture kinds left out of the registry: the raced kind and
        /// those whose rows depend on it.
        let leftOut: Set<RecordKind>
        let files: [String]
        /// What the refused import says.
        let refusal: String
        /// The total the written rows may reach, from the kind's export.
        let total: @Sendable (String) -> Int
        let limit: Int

        var testDescription: String { kind.rawValue }

        /// Planned uses of the contract's bond 102580123.IB (RMB 1.66 bn).
        static let plannedUses = Race(
            kind: .useOfProceeds, leftOut: [.useOfProceeds, .allocations, .unallocatedBalances],
            files: ["Project A", "Project B"].map {
                "bond_code,project,category,planned_cny\n102580123.IB,\($0),rd,996000000\n"
            },
            refusal: "would total 1992000000 yuan",
            total: { export in
                export.split(separator: "\n").dropFirst().filter { $0.hasPrefix("102580123.IB,") }
                    .compactMap { Int($0.split(separator: ",")[3]) }.reduce(0, +)
            }, limit: 1_660_000_000)

        /// Allocations to the bond's planned use of RMB 900 m for research.
        static let allocations = Race(
            kind: .allocations, leftOut: [.allocations, .unallocatedBalances],
            files: ["A-1", "B-1"].map {
                "bond_code,entry,report_date,project,category,amount_cny,source_title\n"
                    + "102580123.IB,\($0),2025-12-31,第三代半导体研发,rd,500000000,report \($0)\n"
            },
            refusal: "the planned use's allocations would total 1000000000 yuan, more than its planned amount",
            total: { export in
                export.split(separator: "\n").dropFirst().filter { $0.contains(",第三代半导体研发,") }
                    .compactMap { Int($0.split(separator: ",")[5]) }.reduce(0, +)
            }, limit: 900_000_000)

        static let all = [plannedUses, allocations]
    }

    /// Imports the fixtures the race leaves in.
    static func prepare(_ race: Race, _ folder: Folder, database: String) async throws {
        for (kind, text) in StoreContract.files where !race.leftOut.contains(kind) {
            let file = try folder.write("\(kind.rawValue).csv", text + "\n")
            let result = try await CommandRunner.run(["import", kind.rawValue, file, "--database", database])
            #expect(result.status == 0, "\(kind): \(result.standardError)")
        }
    }

    /// Starts both imports, lets `started` release them, and checks that one
    /// wrote and the other was refused for the sum.
    static func run(_ race: Race, _ folder: Folder, database: String, started: () async throws -> Void)
        async throws
    {
        let files = try race.files.enumerated().map { try folder.write("race-\($0.offset).csv", $0.element) }
        let commands = try files.map {
            try CommandRunner.Running(["import", race.kind.rawValue, $0, "--database", database])
        }
        try await started()
        var results: [CommandRunner.Result] = []
        for command in commands {
            results.append(try #require(try await command.wait(upTo: .seconds(90))))
        }
        #expect(results.map(\.status).sorted() == [0, 1], "\(results.map(\.standardError))")
        #expect(results.contains { $0.standardError.contains(race.refusal) }, "\(results.map(\.standardError))")
        let export = try await StoreFaultTests.export(race.kind.rawValue, database)
        #expect(race.total(export) <= race.limit, "\(export)")
    }

    /// On PostgreSQL: the test holds the registry's version row so that both
    /// imports get past their start before either commits.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"] != nil),
        arguments: Race.all)
    func onPostgreSQLOneWrites(_ race: Race) async throws {
        let base = try #require(ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"])
        let schema = "race_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let database = base + (base.contains("?") ? "&" : "?") + "schema=" + schema
        let folder = Folder()
        try await Self.prepare(race, folder, database: database)
        try await TestPostgres.withConnection(base) { holder in
            try await holder.query("BEGIN", logger: Logger(label: "test"))
            try await holder.query(
                PostgresQuery(unsafeSQL: "UPDATE \(schema).dataset SET value = value WHERE key = 'version'"),
                logger: Logger(label: "test"))
            try await Self.run(race, folder, database: database) {
                try await TestPostgres.withConnection(base) { watcher in
                    try await StoreFaultTests.waitForSessions(watcher, count: 2, waitingOnLock: true)
                }
                try await holder.query("COMMIT", logger: Logger(label: "test"))
            }
        }
    }

    /// On SQLite: the test holds the file's write lock while both start.
    @Test(arguments: Race.all)
    func onSQLiteOneWrites(_ race: Race) async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        try await Self.prepare(race, folder, database: database)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database, configuration: configuration)
        try await holder.write { db in try db.execute(sql: "SELECT 1") }
        try holder.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        try await Self.run(race, folder, database: database) {
            // Both commands open the file and wait for its lock.
            try await Task.sleep(for: .seconds(2))
            try holder.inDatabase { db in try db.execute(sql: "COMMIT") }
        }
    }
}
