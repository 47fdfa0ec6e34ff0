import InnobondModel

/// How one kind of record is laid out in a database table, as its
/// declaration says: which file column goes to which database column, in
/// what type. Stores generate their SQL from this description and never
/// from input.
public struct TableSchema: Sendable {
    /// How a file column is stored.
    public typealias Storage = Column.Storage

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
    public let declaration: RecordDeclaration
    /// The table name.
    public let table: String
    /// Columns in file order.
    public let columns: [TableColumn]
    /// Database names of the key columns.
    public let keyColumns: [String]
    /// Each file column's position in ``columns``.
    public let positions: [String: Int]

    /// The schema of a kind.
    public static func of(_ kind: RecordKind) -> TableSchema { all[kind]! }

    /// The quotes of each bond's latest date, by bond code and source, in
    /// `selectList` (a list of the quotes' columns): one index seek a bond,
    /// not a scan of every quote. ``Quote/latest(_:)`` keeps one a bond.
    public static func latestQuotesQuery(_ selectList: String) -> String {
        "SELECT \(selectList) FROM (SELECT quotes.* FROM bonds JOIN quotes ON quotes.bond_code = bonds.code "
            + "AND quotes.date = (SELECT max(date) FROM quotes AS later WHERE later.bond_code = bonds.code)) "
            + "AS latest ORDER BY bond_code, source"
    }

    /// Every kind's schema.
    public static let all: [RecordKind: TableSchema] = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { ($0, TableSchema(kind: $0)) })

    private init(kind: RecordKind) {
        self.kind = kind
        declaration = kind.declaration
        table = declaration.table
        columns = kind.columns.map { column in
            TableColumn(
                fileName: column.name, name: column.databaseName, storage: column.storage, required: column.required)
        }
        positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.fileName, $0) })
        keyColumns = declaration.key.map { key in kind.columns.first { $0.name == key }!.databaseName }
    }

    /// The database column of a file column.
    public func column(_ fileName: String) -> TableColumn { columns[positions[fileName]!] }

    /// The database values of a record, in column order.
    public func values(of record: any RegistryRecord) -> [SQLValue] {
        values(ofTexts: record.fieldTexts)
    }

    /// The database values of a validated record's file texts, in column order.
    public func values(ofTexts texts: [String?]) -> [SQLValue] {
        zip(columns, texts).map { column, text in
            guard let text else { return .null }
            // A validated record's texts always read back; were one not to,
            // its text goes to the database, whose column type refuses it.
            switch column.storage {
            case .text, .date: return .text(text)
            case .integer: return Int64(text).map(SQLValue.integer) ?? .text(text)
            case .real: return Double(text).map(SQLValue.real) ?? .text(text)
            case .money: return Money(yuan: text).map { .integer($0.fen) } ?? .text(text)
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
