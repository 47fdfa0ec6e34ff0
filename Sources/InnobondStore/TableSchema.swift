import InnobondModel

/// How one kind of record is laid out in a database table: which file column
/// goes to which database column, in what type. Stores generate their SQL
/// from this description and never from input.
public struct TableSchema: Sendable {
    /// How a file column is stored.
    public enum Storage: Sendable, Hashable {
        /// Text as it is.
        case text
        /// A whole number.
        case integer
        /// A floating-point number, written back in its shortest form.
        case real
        /// Yuan in the file, integer fen in the database.
        case money
        /// `YYYY-MM-DD`.
        case date
        /// `true`/`false` in the file, 1/0 (or a boolean) in the database.
        case boolean
    }

    /// A column of the table.
    public struct TableColumn: Sendable, Hashable {
        /// The file column it holds.
        public let fileName: String
        /// The database column.
        public let name: String
        public let storage: Storage
        public let required: Bool
    }

    public let kind: RecordKind
    /// The table name.
    public let table: String
    /// Columns in file order.
    public let columns: [TableColumn]
    /// Database names of the key columns.
    public let keyColumns: [String]
    /// Each file column's position in ``columns``.
    let positions: [String: Int]

    /// The schema of a kind.
    public static func of(_ kind: RecordKind) -> TableSchema { all[kind]! }

    /// Every kind's schema.
    public static let all: [RecordKind: TableSchema] = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { ($0, TableSchema(kind: $0)) })

    private init(kind: RecordKind) {
        self.kind = kind
        table = Self.tableName(kind)
        columns = kind.columns.map { column in
            let storage = Self.storage(kind, column.name)
            let name = storage == .money ? column.name.replacingSuffix("_cny", with: "_fen") : column.name
            return TableColumn(fileName: column.name, name: name, storage: storage, required: column.required)
        }
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.fileName, $0) })
        keyColumns = kind.keyColumns.map { key in
            let column = kind.columns.first { $0.name == key }!
            return Self.storage(kind, column.name) == .money ? column.name.replacingSuffix("_cny", with: "_fen") : key
        }
    }

    static func tableName(_ kind: RecordKind) -> String {
        switch kind {
        case .issuers: return "issuers"
        case .issuerFinancials: return "issuer_financials"
        case .bonds: return "bonds"
        case .useOfProceeds: return "use_of_proceeds"
        case .quotes: return "quotes"
        case .curves: return "curve_points"
        case .macro: return "macro_observations"
        case .investments: return "sector_investments"
        }
    }

    static func storage(_ kind: RecordKind, _ column: String) -> Storage {
        if column.hasSuffix("_cny") { return .money }
        switch column {
        case "issue_date", "maturity_date", "put_date", "coupon_reset_date", "date", "published": return .date
        case "year", "invention_patents", "frequency", "approval_days": return .integer
        case "coupon_rate", "clean_price", "yield", "value", "yoy_pct", "amount_usd_bn": return .real
        case "sci_tech": return .boolean
        default: return .text
        }
    }

    /// The database values of a record, in column order.
    public func values(of record: any RegistryRecord) -> [SQLValue] {
        zip(columns, record.fieldTexts).map { column, text in
            guard let text else { return .null }
            switch column.storage {
            case .text, .date: return .text(text)
            case .integer: return .integer(Int64(text)!)
            case .real: return .real(Double(text)!)
            case .money: return .integer(Money(yuan: text)!.fen)
            case .boolean: return .integer(text == "true" ? 1 : 0)
            }
        }
    }

    /// The file texts of a database row, in column order: the inverse of
    /// ``values(of:)``.
    public func texts(of row: [SQLValue]) -> [String?] {
        zip(columns, row).map { column, value in
            switch (column.storage, value) {
            case (_, .null): return nil
            case (.money, .integer(let fen)): return Money(fen: fen).yuanText
            case (.boolean, .integer(let flag)): return flag != 0 ? "true" : "false"
            case (.real, .real(let number)): return number.shortText
            case (.real, .integer(let number)): return Double(number).shortText
            case (_, .integer(let number)): return String(number)
            case (_, .real(let number)): return number.shortText
            case (_, .text(let text)): return text
            }
        }
    }

    /// The record of a database row.
    public func record(of row: [SQLValue]) throws(RowIssues) -> any RegistryRecord {
        let texts = texts(of: row)
        return try kind.recordType.read { name in positions[name].flatMap { texts[$0] } }
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
