/// The two SQL databases the registry runs on, and where their SQL differs.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The column type of a storage, in tables and the staging table alike.
    func columnType(_ storage: TableSchema.Storage) -> String {
        switch (self, storage) {
        case (_, .text): return "TEXT"
        case (.sqlite, .date): return "TEXT"
        case (.postgres, .date): return "DATE"
        case (.sqlite, .integer), (.sqlite, .money), (.sqlite, .boolean): return "INTEGER"
        case (.postgres, .integer), (.postgres, .money): return "BIGINT"
        case (.postgres, .boolean): return "BOOLEAN"
        case (.sqlite, .real): return "REAL"
        case (.postgres, .real): return "DOUBLE PRECISION"
        }
    }

    /// An expression reading `column` back in the form ``SQLValue`` expects:
    /// dates as `YYYY-MM-DD` text, booleans as 0 or 1.
    func selectExpression(_ column: String, _ storage: TableSchema.Storage) -> String {
        switch (self, storage) {
        case (.postgres, .date): return "to_char(\(column), 'YYYY-MM-DD')"
        case (.postgres, .boolean): return "\(column)::int"
        default: return column
        }
    }

    /// Whether two values are equal, NULL equal to NULL.
    func isNotDistinct(_ left: String, _ right: String) -> String {
        switch self {
        case .sqlite: return "\(left) IS \(right)"
        case .postgres: return "\(left) IS NOT DISTINCT FROM \(right)"
        }
    }
}
