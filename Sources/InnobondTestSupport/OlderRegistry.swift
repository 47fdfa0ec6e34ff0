import Foundation
import InnobondModel
import InnobondStore
import Testing

/// The registry of `Tests/Fixtures/registry-v4`, written with the migrations
/// of an earlier release: a newer build opens it and exports the same bytes.
public enum OlderRegistry {
    public static let folder = "registry-v4"
    /// The SQLite file (copy it before opening: opening migrates it).
    public static var sqlite: URL { Fixtures.url("\(folder)/registry.sqlite") }
    /// The SQLite token's secret.
    public static let sqliteTokenSecret = "ib_fb385c516c575cc5c37ab2502111e0f77a2c91bb991f30d148ea8e3a2b360af7"
    /// The PostgreSQL token's secret.
    public static let postgresTokenSecret = "ib_17f4855ab4915f7ee6aee9dfaaf27c2b745b7fd509e29e28fef94f95fcbc4024"

    /// The statements of the PostgreSQL dump, its schema renamed to `schema`.
    public static func postgresStatements(schema: String) throws -> [String] {
        let text = try Fixtures.text("\(folder)/postgres.sql").replacingOccurrences(
            of: "registry_v4_fixture", with: schema)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("--") && !$0.hasPrefix("\\") }
        return lines.joined(separator: "\n").components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Expects every kind's export of `store` to be the fixture's bytes.
    public static func expectSameExports(_ store: any RegistryStore, sourceLocation: SourceLocation = #_sourceLocation)
        async throws
    {
        for kind in RecordKind.allCases {
            // A kind newer than the registry is there, empty.
            let file = Fixtures.url("\(folder)/expected/\(kind.rawValue).csv")
            let expected =
                FileManager.default.fileExists(atPath: file.path)
                ? try Fixtures.text("\(folder)/expected/\(kind.rawValue).csv")
                : kind.columns.map(\.name).joined(separator: ",") + "\n"
            let exported = try await StoreContract.exportText(store, kind)
            #expect(exported == expected, "\(kind.rawValue)", sourceLocation: sourceLocation)
        }
    }
}
