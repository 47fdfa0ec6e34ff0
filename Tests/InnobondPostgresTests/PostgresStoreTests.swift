import Foundation
import InnobondModel
import InnobondPostgres
import InnobondStore
import InnobondTestSupport
import Logging
import PostgresNIO
import Testing

/// The server of `INNOBOND_TEST_POSTGRES_URL`, when set (always in CI).
let postgresURL = ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"]

/// How long a test's store waits for a connection. The pool makes them on
/// the cooperative threads, which this process's other tests hold for
/// seconds at a time with CPU-bound work (building the demo, rendering), and
/// a store gives up once the wait passes: the defaults (15 s for the first,
/// 5 s after) are a user's patience, not a measure of a two-core machine
/// running the whole suite.
let testPatience = Duration.seconds(90)

/// A store at `url` waiting ``testPatience`` for its connections.
func openPostgresStore(_ url: String) async throws -> PostgresRegistryStore {
    try await PostgresRegistryStore(
        url: url, patience: testPatience, limits: PostgresLimits(connectionWait: testPatience))
}

/// A store in a new schema of its own.
@Sendable func makePostgresStore() async throws -> PostgresRegistryStore {
    let base = try #require(postgresURL)
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let separator = base.contains("?") ? "&" : "?"
    return try await openPostgresStore(base + separator + "schema=" + schema)
}

/// A store in a new schema of its own, closed afterwards.
func withPostgresStore(_ body: (PostgresRegistryStore) async throws -> Void) async throws {
    let store = try await makePostgresStore()
    try await body(store)
    try await store.close()
}

@Suite(.enabled(if: postgresURL != nil, "set INNOBOND_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresStoreTests {
    @Test(arguments: StoreContract.cases)
    func contract(_ contractCase: StoreContract.Case) async throws {
        try await contractCase.run { try await makePostgresStore() }
    }

    /// A server that refuses the credentials or the database says why,
    /// rather than after the patience the pool gives a silent server.
    @Test func aRefusedConnectionSaysWhy() async throws {
        let base = try #require(postgresURL.flatMap(URLComponents.init(string:)))
        var wrongPassword = base
        wrongPassword.password = "not-the-password"
        var noDatabase = base
        noDatabase.path = "/no_such_database"
        for (components, reason) in [
            (wrongPassword, "password authentication failed"), (noDatabase, "\"no_such_database\" does not exist"),
        ] {
            let error = await #expect(throws: StoreError.self) {
                _ = try await PostgresRegistryStore(url: components.string!, patience: .seconds(60))
            }
            let message = error.map(String.init(describing:)) ?? ""
            #expect(message.contains(reason) && !message.contains("not-the-password"), "\(message)")
        }
    }

    @Test func theURLsPasswordStaysOutOfMessages() async throws {
        try await withPostgresStore { store in
            #expect(!store.location.contains(":innobond@") || store.location.contains("***"))
        }
    }

    @Test func anUnreachableServerSaysSo() async throws {
        let refused = await #expect(throws: StoreError.self) {
            _ = try await PostgresRegistryStore(url: "postgres://nobody@127.0.0.1:1/none", patience: .seconds(2))
        }
        #expect("\(refused.map(String.init(describing:)) ?? "")".contains("Connection refused"))
        await #expect(throws: StoreError.self) {
            _ = try await PostgresRegistryStore(url: "mysql://localhost/db")
        }
    }
}

/// A registry written by an earlier release opens with this build, which
/// migrates it, and exports the same bytes.
@Suite(.enabled(if: postgresURL != nil, "set INNOBOND_TEST_POSTGRES_URL to run against PostgreSQL"))
struct OlderPostgresRegistryTests {
    @Test func anOlderRegistryOpensAndExportsTheSameFiles() async throws {
        let base = try #require(postgresURL)
        let schema = "older_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await TestPostgres.withConnection(base) { connection in
            for statement in try OlderRegistry.postgresStatements(schema: schema) {
                try await TestPostgres.execute(statement, on: connection)
            }
        }
        let separator = base.contains("?") ? "&" : "?"
        let store = try await openPostgresStore(base + separator + "schema=" + schema)
        try await OlderRegistry.expectSameExports(store)
        #expect(try await store.tokens().map(\.name) == ["fixture-admin"])
        try await store.close()
    }
}

/// The audit log refuses every change on PostgreSQL too.
@Suite(.enabled(if: postgresURL != nil, "set INNOBOND_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresAuditLogTests {
    @Test func noEntryIsChangedOrDeleted() async throws {
        let base = try #require(postgresURL)
        let schema = "audit_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let store = try await openPostgresStore(base + (base.contains("?") ? "&" : "?") + "schema=" + schema)
        try await StoreContract.importAll(store)
        try await TestPostgres.withConnection(base) { connection in
            for sql in [
                "UPDATE \(schema).audit_log SET actor = 'someone else'", "DELETE FROM \(schema).audit_log",
                "TRUNCATE \(schema).audit_log",
            ] {
                await #expect(throws: (any Error).self, "\(sql)") {
                    try await TestPostgres.execute(sql, on: connection)
                }
            }
        }
        #expect(try await store.auditEntries(AuditFilter()).count == StoreContract.files.count)
        #expect(try await store.check().isClean)
        try await store.close()
    }
}

/// Every table is what its kind's declaration says, on PostgreSQL too.
@Suite(.enabled(if: postgresURL != nil, "set INNOBOND_TEST_POSTGRES_URL to run against PostgreSQL"))
struct PostgresDeclaredTablesTests {
    @Test func everyTableIsItsDeclaration() async throws {
        let base = try #require(postgresURL)
        let schemaName = "tables_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let store = try await openPostgresStore(base + (base.contains("?") ? "&" : "?") + "schema=" + schemaName)
        try await TestPostgres.withConnection(base) { connection in
            for kind in RecordKind.allCases {
                let schema = TableSchema.of(kind)
                var columns: [(name: String, type: String, nullable: String)] = []
                let rows = try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE "
                            + "table_schema = '\(schemaName)' AND table_name = '\(schema.table)' ORDER BY ordinal_position"
                    ),
                    logger: Logger(label: "test"))
                for try await (name, type, nullable) in rows.decode((String, String, String).self) {
                    columns.append((name, type, nullable))
                }
                let extra = schema.keptColumns
                #expect(columns.map(\.name) == schema.columns.map(\.name) + extra, "\(kind)")
                for (found, column) in zip(columns, schema.columns) {
                    // The first migration's small whole numbers are 4-byte integers.
                    let types: [String]
                    switch column.storage {
                    case .text: types = ["text"]
                    case .date: types = ["date"]
                    case .integer: types = ["bigint", "integer"]
                    case .money: types = ["bigint"]
                    case .real: types = ["double precision"]
                    case .boolean: types = ["boolean"]
                    }
                    #expect(types.contains(found.type), "\(kind).\(column.name): \(found.type)")
                    let required =
                        column.required || schema.storedKey.contains(column.name)
                        || (schema.isVersioned && column.fileName == "revision")
                    #expect(found.nullable == (required ? "NO" : "YES"), "\(kind).\(column.name)")
                }
                var key: [String] = []
                let keyRows = try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT k.column_name FROM information_schema.table_constraints AS c JOIN "
                            + "information_schema.key_column_usage AS k ON k.constraint_name = c.constraint_name AND "
                            + "k.table_schema = c.table_schema WHERE c.table_schema = '\(schemaName)' AND "
                            + "c.table_name = '\(schema.table)' AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position"
                    ),
                    logger: Logger(label: "test"))
                for try await name in keyRows.decode(String.self) { key.append(name) }
                #expect(key == schema.storedKey, "\(kind)")
            }
        }
        try await store.close()
    }
}
