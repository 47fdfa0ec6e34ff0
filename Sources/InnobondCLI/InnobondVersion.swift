import InnobondStore

/// What `innobond --version` prints: the release, and the newest registry
/// schema this build migrates a registry to.
enum InnobondVersion {
    /// The release, numbered as semantic versioning does.
    static let release = "0.9.0"

    static var description: String {
        func number(_ version: String) -> Int { Int(version.dropFirst().prefix { $0.isNumber }) ?? 0 }
        let schema = TableSchema.declaredTables.map(\.version).max { number($0) < number($1) }
        return "innobond \(release)" + (schema.map { " (registry schema \($0))" } ?? "")
    }
}
