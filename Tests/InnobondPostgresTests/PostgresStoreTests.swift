import Foundation
import InnobondPostgres
import InnobondStore
import InnobondTestSupport
import Testing

/// The server of `INNOBOND_TEST_POSTGRES_URL`, when set (always in CI).
let postgresURL = ProcessInfo.processInfo.environment["INNOBOND_TEST_POSTGRES_URL"]

/// A store in a new schema of its own.
@Sendable func makePostgresStore() async throws -> PostgresRegistryStore {
    let base = try #require(postgresURL)
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let separator = base.contains("?") ? "&" : "?"
    return try await PostgresRegistryStore(url: base + separator + "schema=" + schema)
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

    @Test func theURLsPasswordStaysOutOfMessages() async throws {
        try await withPostgresStore { store in
            #expect(!store.location.contains(":innobond@") || store.location.contains("***"))
        }
    }

    @Test func anUnreachableServerSaysSo() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await PostgresRegistryStore(url: "postgres://nobody@127.0.0.1:1/none", patience: .seconds(2))
        }
        await #expect(throws: StoreError.self) {
            _ = try await PostgresRegistryStore(url: "mysql://localhost/db")
        }
    }
}
