import Foundation

/// Files under `Tests/Fixtures`, each folder with a README that cites where
/// its values come from.
public enum Fixtures {
    /// The package's root folder, found from this source file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // InnobondTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()

    /// `Tests/Fixtures/<relativePath>`.
    public static func url(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    /// The bytes of a fixture file.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    /// The text of a fixture file.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }

    /// The bond-analytics sample of spec/oracle: input, expected output and
    /// expected error lines, computed with QuantLib 1.44.
    public enum AnalyticsOracle {
        public static let input = "bond-analytics-oracle/sample-input.csv"
        public static let expected = "bond-analytics-oracle/sample-expected.csv"
        public static let expectedErrors = "bond-analytics-oracle/sample-expected-errors.txt"
    }
}
