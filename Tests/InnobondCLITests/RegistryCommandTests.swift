import FixedIncome
import Foundation
import GRDB
import InnobondModel
import InnobondSQLite
import InnobondTestSupport
import Testing

/// `innobond import`, `export`, `stats` and `demo` end to end, on SQLite files.
@Suite struct RegistryCommandTests {
    /// A folder of its own for each test.
    final class Folder: @unchecked Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("innobond-cli-\(UUID().uuidString)")
        init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
            return path(name)
        }
    }

    func importAll(_ folder: Folder, database: String) async throws {
        for (kind, text) in StoreContract.files {
            let file = try folder.write("\(kind.rawValue).csv", text + "\n")
            let result = try await CommandRunner.run(["import", kind.rawValue, file, "--database", database])
            #expect(result.status == 0, "\(kind): \(result.standardError)")
        }
    }

    @Test func importThenExportGivesTheFileBack() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        try await importAll(folder, database: database)
        let exported = try await CommandRunner.run(["export", "bonds", "--database", database])
        #expect(exported.status == 0)
        #expect(exported.standardOutput.hasPrefix("code,uscc,name,type,sci_tech,regime,issue_date"))
        #expect(exported.standardOutput.contains("102580123.IB,91350100M000100Y43,25示例科创债01,mtn,true,tech_board_2025"))
        let json = try await CommandRunner.run(["export", "bonds", "--format", "json", "--database", database])
        #expect(json.standardOutput.contains("\"sci_tech\":true"))
        #expect(json.standardOutput.contains("\"amount_cny\":1660000000"))
    }

    /// A command closes the registry before it exits: the SQLite file alone,
    /// copied without its write-ahead log, holds what was written, also by a
    /// command that read before it wrote (`demo` looks at the registry first).
    @Test func theFileAloneHoldsWhatWasWritten() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        try await importAll(folder, database: database)
        let demoDatabase = folder.path("demo.sqlite")
        #expect(try await CommandRunner.run(["demo", "--database", demoDatabase]).status == 0)
        for (path, kind) in [(database, "quotes"), (demoDatabase, "bonds")] {
            let copy = path + ".copy"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let original = try await CommandRunner.run(["export", kind, "--database", path])
            let copied = try await CommandRunner.run(["export", kind, "--database", copy])
            #expect(copied.status == 0, "\(copied.standardError)")
            #expect(copied.standardOutput == original.standardOutput, "\(path)")
            #expect(copied.standardOutput.split(separator: "\n").count > 1)
        }
    }

    /// Commands that only read or change what exists never create a registry.
    @Test func tokenCommandsOnAMissingRegistryCreateNothing() async throws {
        let folder = Folder()
        let database = folder.path("typo.sqlite")
        for arguments in [["token", "list"], ["token", "revoke", "1"]] {
            let result = try await CommandRunner.run(arguments + ["--database", database])
            #expect(result.status == 2, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains("no registry at"), "\(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// The demo data set does not overwrite a registry of the user's own
    /// unless told to.
    @Test func demoRefusesARegistryOfOwnData() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        try await importAll(folder, database: database)
        let before = try await CommandRunner.run(["export", "bonds", "--database", database]).standardOutput
        let refused = try await CommandRunner.run(["demo", "--database", database])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("rows of its own data"), "\(refused.standardError)")
        #expect(try await CommandRunner.run(["export", "bonds", "--database", database]).standardOutput == before)
        let forced = try await CommandRunner.run(["demo", "--force", "--database", database])
        #expect(forced.status == 0, "\(forced.standardError)")
        // A demo registry loads the demo again without --force.
        #expect(try await CommandRunner.run(["demo", "--database", database]).status == 0)
    }

    /// Bytes that are not UTF-8 are a bad value, not a stored U+FFFD.
    @Test func textThatIsNotUTF8IsABadValue() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        let file = folder.path("curves.csv")
        try Data("curve,date,tenor,yield\nQ".utf8 + [0xFF] + Data(",2025-01-02,1Y,1.5\n".utf8)).write(
            to: URL(fileURLWithPath: file))
        let result = try await CommandRunner.run(["import", "curves", file, "--database", database])
        #expect(result.status == 1)
        #expect(result.standardError.contains("line 2, column curve: not UTF-8 text"), "\(result.standardError)")
    }

    @Test func aBadFileWritesNothingAndExitsOne() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        try await importAll(folder, database: database)
        let before = try await CommandRunner.run(["export", "curves", "--database", database]).standardOutput
        let file = try folder.write(
            "bad.csv", "curve,date,tenor,yield\nCGB,2025-06-04,1Y,1.5\nCGB,2025-06-31,2Y,1.6\nCGB,2025-06-04,1Y,abc\n")
        let result = try await CommandRunner.run(["import", "curves", file, "--database", database])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("line 3, column date: no such calendar date: '2025-06-31'"))
        #expect(lines.contains("line 4, column yield: not a number: 'abc'"))
        #expect(lines.last?.contains("nothing written") == true)
        #expect(try await CommandRunner.run(["export", "curves", "--database", database]).standardOutput == before)

        let skipped = try await CommandRunner.run(["import", "curves", file, "--skip-invalid", "--database", database])
        #expect(skipped.status == 0)
        #expect(skipped.standardError.contains("1 written, 2 bad rows skipped"))
    }

    @Test func unusableArgumentsExitTwo() async throws {
        let folder = Folder()
        let file = try folder.write("curves.txt", "curve,date,tenor,yield\n")
        let result = try await CommandRunner.run(["import", "curves", file, "--database", folder.path("r.sqlite")])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--format"))
        let unknownKind = try await CommandRunner.run(["import", "loans", file])
        #expect(unknownKind.status == 2)
        let missing = try await CommandRunner.run([
            "import", "curves", folder.path("none.csv"), "--database", folder.path("r.sqlite"),
        ])
        #expect(missing.status == 2 && missing.standardError.contains("cannot open"))
        let header = try folder.write("header.csv", "curve,date,tenor,yield,colour\n")
        let badHeader = try await CommandRunner.run(["import", "curves", header, "--database", folder.path("r.sqlite")])
        #expect(badHeader.status == 1 && badHeader.standardError.hasPrefix("line 1, column colour: unknown column"))
        let otherDatabase = try await CommandRunner.run(["stats", "--database", "mysql://localhost/registry"])
        #expect(otherDatabase.status == 2 && otherDatabase.standardError.contains("mysql:// is not a database"))
        let controlName = try await CommandRunner.run([
            "token", "create", "--role", "viewer", "--name", "a\tb", "--database", folder.path("r.sqlite"),
        ])
        #expect(controlName.status == 2 && controlName.standardError.contains("control characters"))
    }

    /// The demo data set, exported in both formats, imported into empty
    /// registries and exported again, gives the same files.
    @Test func theDemoRoundTripsThroughExportAndImport() async throws {
        let folder = Folder()
        let demo = folder.path("demo.sqlite")
        let loaded = try await CommandRunner.run(["demo", "--database", demo])
        #expect(loaded.status == 0, "\(loaded.standardError)")
        let stats = try await CommandRunner.run(["stats", "--json", "--database", demo])
        let decoded = try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any]
        #expect(decoded?["is_demo"] as? Bool == true)
        #expect((decoded?["counts"] as? [String: Int])?["bonds"] == 3000)
        #expect((decoded?["sci_tech_bonds"] as? Int ?? 0) >= 1000)
        let table = try await CommandRunner.run(["stats", "--database", demo])
        #expect(table.standardOutput.hasPrefix("DEMO DATA"))

        for format in ["csv", "json"] {
            let copy = folder.path("copy-\(format).sqlite")
            var first: [String] = []
            for kind in RecordKind.allCases {
                let exported = try await CommandRunner.run([
                    "export", kind.rawValue, "--format", format, "--database", demo,
                ])
                #expect(exported.status == 0)
                first.append(exported.standardOutput)
                let file = try folder.write("\(kind.rawValue).\(format)", exported.standardOutput)
                let imported = try await CommandRunner.run(["import", kind.rawValue, file, "--database", copy])
                #expect(imported.status == 0, "\(kind) \(format): \(imported.standardError)")
            }
            for (index, kind) in RecordKind.allCases.enumerated() {
                let again = try await CommandRunner.run([
                    "export", kind.rawValue, "--format", format, "--database", copy,
                ])
                #expect(again.standardOutput == first[index], "\(kind) \(format) differs after a round trip")
            }
        }
    }

    /// Killed with SIGKILL in the middle of a large import, the file still
    /// opens, passes SQLite's integrity check, and holds none of the rows.
    @Test func aKilledImportLeavesNoneOfItsRows() async throws {
        let folder = Folder()
        let database = folder.path("registry.sqlite")
        var text = "curve,date,tenor,yield\n"
        text.reserveCapacity(20_000_000)
        var day = try CivilDateIterator(start: "1990-01-01")
        for index in 0..<600_000 {
            if index % 10 == 0 { day.advance() }
            text += "CGB,\(day.text),\(index % 10 + 1)Y,\(1 + Double(index % 300) / 100)\n"
        }
        let file = try folder.write("curves.csv", text)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["import", "curves", file, "--database", database]
        let errors = folder.path("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        // Kill it while it reads and stages the file (seconds in a debug build), well before it commits.
        // The waits keep to the clock on a thread of their own: other tests may hold the cooperative threads.
        let killedMidway = await OwnThread.run {
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && Date() < deadline
                && !FileManager.default.fileExists(atPath: database + "-wal")
            {
                usleep(10_000)
            }
            usleep(800_000)
            let killedMidway = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return killedMidway
        }
        #expect(
            killedMidway,
            "the import ended (status \(process.terminationStatus)) before it could be killed: \((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")"
        )

        let queue = try DatabaseQueue(path: database)
        let integrity = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        try queue.close()
        let store = try SQLiteRegistryStore(path: database)
        let count = try await store.loadSnapshot().counts[.curves] ?? -1
        #expect(count == 0 || count == 600_000)
        try await store.close()
    }
}

/// Consecutive dates as text, for generating files.
struct CivilDateIterator {
    private var date: CivilDate
    init(start: String) throws { date = try CivilDate(iso8601: start) }
    mutating func advance() { date = date.adding(days: 1)! }
    var text: String { date.iso8601 }
}

/// A hostile file makes a short error report on the command line too.
@Suite struct HostileFileCommandTests {
    @Test func aMillionColumnHeaderPrintsALine() async throws {
        let folder = RegistryCommandTests.Folder()
        let file = try folder.write("wide.csv", (0..<1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n")
        let result = try await CommandRunner.run([
            "import", "bonds", file, "--database", folder.path("registry.sqlite"),
        ])
        #expect(result.status == 1)
        #expect(result.standardError.utf8.count < 2000, "\(result.standardError.prefix(500))")
        #expect(result.standardError.contains("the header names 1000000 columns"))
    }
}

/// `innobond backup`, `restore` and `check` end to end, on SQLite files.
@Suite struct BackupCommandTests {
    @Test func aBackupRestoresIntoAnEmptyRegistry() async throws {
        let folder = RegistryCommandTests.Folder()
        let source = folder.path("source.sqlite")
        try await RegistryCommandTests().importAll(folder, database: source)
        let backup = folder.path("backup.sqlite")
        var result = try await CommandRunner.run(["backup", "--to", backup, "--database", source])
        #expect(result.status == 0, "\(result.standardError)")
        // A backup is never written over.
        result = try await CommandRunner.run(["backup", "--to", backup, "--database", source])
        #expect(result.status == 2 && result.standardError.contains("exists"))
        let target = folder.path("target.sqlite")
        result = try await CommandRunner.run(["restore", "--from", backup, "--database", target])
        #expect(result.status == 0, "\(result.standardError)")
        for kind in RecordKind.allCases.map(\.rawValue) {
            let original = try await CommandRunner.run(["export", kind, "--database", source]).standardOutput
            #expect(
                try await CommandRunner.run(["export", kind, "--database", target]).standardOutput == original,
                "\(kind)")
        }
        // Not into a registry that holds rows.
        result = try await CommandRunner.run(["restore", "--from", backup, "--database", target])
        #expect(result.status == 2 && result.standardError.contains("not empty"))
        result = try await CommandRunner.run(["check", "--database", target])
        #expect(result.status == 0 && result.standardOutput.contains("bonds\t3"), "\(result.standardError)")
    }

    /// A registry changed behind innobond's back (planned uses above their
    /// bond's amount, written with SQL) fails the check, naming the problem.
    @Test func theCheckFindsWhatTheImportWouldRefuse() async throws {
        let folder = RegistryCommandTests.Folder()
        let database = folder.path("registry.sqlite")
        try await RegistryCommandTests().importAll(folder, database: database)
        let queue = try DatabaseQueue(path: database)
        try await queue.write { db in
            try db.execute(sql: "UPDATE use_of_proceeds SET planned_fen = planned_fen * 10")
        }
        try queue.close()
        let result = try await CommandRunner.run(["check", "--database", database])
        #expect(result.status == 1)
        #expect(result.standardError.contains("planned uses add up to more than their amount, or below zero: 1"))
    }
}

/// `innobond audit` lists the writes the commands made, by the OS user.
@Suite struct AuditCommandTests {
    @Test func theCommandsWritesAreInTheLog() async throws {
        let folder = RegistryCommandTests.Folder()
        let database = folder.path("registry.sqlite")
        try await RegistryCommandTests().importAll(folder, database: database)
        let all = try await CommandRunner.run(["audit", "--database", database])
        #expect(all.status == 0)
        let lines = all.standardOutput.split(separator: "\n")
        #expect(lines.count == 1 + StoreContract.files.count, "\(all.standardOutput)")
        #expect(lines.dropFirst().allSatisfy { $0.contains("\tcli (") && $0.contains("\timport\t") })
        let bonds = try await CommandRunner.run(["audit", "--kind", "bonds", "--json", "--database", database])
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(bonds.standardOutput.utf8)) as? [[String: Any]])
        #expect(entries.count == 1 && entries[0]["inserted"] as? Int == 3)
        #expect((entries[0]["sha256"] as? String)?.count == 64)
        let check = try await CommandRunner.run(["check", "--database", database])
        #expect(check.status == 0, "\(check.standardError)")
    }
}
