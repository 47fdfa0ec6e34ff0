import InnobondModel

/// The SQL of one import, generated from a kind's schema (never from input):
/// rows are staged in a temporary table with their lines, checked there by
/// the database (repeated keys, missing references, amounts), and merged
/// into the table by key in the same transaction.
public struct ImportStatements: Sendable {
    /// A check of the staged rows.
    public struct Check: Sendable {
        /// Lists offending rows, `line` first and then the values `describe` reads, by line.
        public let list: String
        /// Marks offending rows as bad, with `bad` set to the check's own number.
        public let mark: String
        /// Whether `list` reads the rows `mark` marked, and so runs after it:
        /// the condition is then evaluated once, over the staged rows, and the
        /// list reads the few rows it marked.
        public let listsMarkedRows: Bool
        /// The column the issue is reported on.
        public let column: String
        /// The reason, from the listed values after `line`.
        public let describe: @Sendable ([SQLValue]) -> String
    }

    public static let stagingTable = "import_staging"

    public let schema: TableSchema
    public let dialect: SQLDialect
    /// Creates the staging table.
    public let createStaging: String
    /// The staging columns rows are inserted into: `line`, then the schema's.
    public let stagingColumns: [String]
    /// Run once the rows are staged, before the checks: statistics of the
    /// staged rows for the planner, and locks on the stored rows whose
    /// invariants the checks read, so that concurrent imports are checked one
    /// after the other (PostgreSQL; an SQLite writer holds the whole file).
    public let prepare: [String]
    /// The checks, in order; each sees only rows no earlier check rejected.
    public let checks: [Check]
    /// Writes the good staged rows into the table, replacing rows with the same key.
    public let merge: String
    /// Removes the staging table.
    public let dropStaging: String

    /// - Parameter rowNoun: what a row's number counts, `line` or `record`.
    public init(schema: TableSchema, dialect: SQLDialect, rowNoun: String = "line") {
        self.schema = schema
        self.dialect = dialect
        let staging = Self.stagingTable
        let columns = schema.columns.map(\.name)
        let definitions = schema.columns.map { "\($0.name) \(dialect.stagingType($0.storage))" }
        let temporary = dialect == .postgres ? " ON COMMIT DROP" : ""
        createStaging =
            "CREATE TEMP TABLE \(staging) (line INTEGER NOT NULL, bad INTEGER NOT NULL DEFAULT 0, "
            + definitions.joined(separator: ", ") + ")\(temporary)"
        stagingColumns = ["line"] + columns
        dropStaging = "DROP TABLE IF EXISTS \(staging)"
        prepare = Self.prepare(schema.kind, dialect: dialect)

        let keys = schema.keyColumns.joined(separator: ", ")
        let updates = columns.filter { !schema.keyColumns.contains($0) }.map { "\($0) = excluded.\($0)" }
        merge =
            "INSERT INTO \(schema.table) (\(columns.joined(separator: ", "))) SELECT "
            + columns.joined(separator: ", ")
            + " FROM \(staging) WHERE bad = 0 ON CONFLICT (\(keys)) "
            + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))

        var checks: [Check] = []
        /// Adds a check whose `mark` and `list` are made for its number.
        func add(
            column: String, listsMarkedRows: Bool = false, list: (Int) -> String, mark: (Int) -> String,
            describe: @escaping @Sendable ([SQLValue]) -> String
        ) {
            let number = checks.count + 1
            checks.append(
                Check(
                    list: list(number), mark: mark(number), listsMarkedRows: listsMarkedRows, column: column,
                    describe: describe))
        }
        // Keys repeated within the file: every occurrence after the first,
        // listed with the first (one sort of the staged rows, for the mark).
        let firstOccurrence =
            "SELECT line, MIN(line) OVER (PARTITION BY \(keys)) AS first_line FROM \(staging) WHERE bad = 0"
        let sameKey = schema.keyColumns.map { "f.\($0) = s.\($0)" }.joined(separator: " AND ")
        let keyLabel = schema.kind.keyColumns.joined(separator: ", ")
        add(
            column: schema.kind.keyColumns[0], listsMarkedRows: true,
            // Each key's first line once, then one lookup a repeat: linear in
            // the repeats (a join of the staged rows with themselves is
            // quadratic when one key repeats thousands of times).
            list: { number in
                "SELECT s.line, f.first_line FROM \(staging) AS s JOIN (SELECT \(keys), MIN(line) AS first_line "
                    + "FROM \(staging) WHERE bad = 0 OR bad = \(number) GROUP BY \(keys)) AS f ON \(sameKey) "
                    + "WHERE s.bad = \(number)"
            },
            mark: { number in
                "UPDATE \(staging) SET bad = \(number) WHERE line IN (SELECT line FROM (\(firstOccurrence)) AS occurrences "
                    + "WHERE line <> first_line)"
            },
            describe: { values in
                "repeats the key (\(keyLabel)) of \(rowNoun) \(values.first?.integerValue ?? 0)"
            })
        // References to rows that do not exist.
        for (column, referenced) in schema.kind.references {
            let target = TableSchema.of(referenced)
            let missing =
                "bad = 0 AND NOT EXISTS (SELECT 1 FROM \(target.table) AS r WHERE r.\(target.keyColumns[0]) = "
                + "\(staging).\(column))"
            let noun = referenced == .issuers ? "issuer" : "bond"
            add(
                column: column, listsMarkedRows: true,
                list: { number in "SELECT line, \(column) FROM \(staging) WHERE bad = \(number)" },
                mark: { number in "UPDATE \(staging) SET bad = \(number) WHERE \(missing)" },
                describe: { values in
                    "no \(noun) '\(values.first?.textValue ?? "")' in the registry (import \(referenced.rawValue) first)"
                })
        }
        // The planned uses of a bond add up to at most its amount.
        switch schema.kind {
        case .useOfProceeds:
            // The totals count the staged rows still good, so they are listed
            // before they are marked.
            // Only the staged bonds' stored uses are read.
            let totals = """
                SELECT b.code, b.amount_fen, t.total FROM bonds AS b JOIN (SELECT bond_code, CAST(SUM(planned_fen) AS BIGINT) AS total FROM \
                (SELECT bond_code, planned_fen FROM use_of_proceeds AS u WHERE u.bond_code IN (SELECT bond_code FROM \(staging) \
                WHERE bad = 0) AND NOT EXISTS (SELECT 1 FROM \(staging) AS s \
                WHERE s.bad = 0 AND s.bond_code = u.bond_code AND s.project = u.project) \
                UNION ALL SELECT bond_code, planned_fen FROM \(staging) WHERE bad = 0) AS merged GROUP BY bond_code) AS t \
                ON t.bond_code = b.code WHERE t.total > b.amount_fen
                """
            add(
                column: "planned_cny",
                list: { _ in
                    "SELECT s.line, o.total, o.amount_fen FROM \(staging) AS s JOIN (\(totals)) AS o "
                        + "ON o.code = s.bond_code WHERE s.bad = 0"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND bond_code IN (SELECT code FROM (\(totals)) AS o)"
                },
                describe: { values in
                    "the bond's planned uses would total \(Money(fen: values[0].integerValue ?? 0).yuanText) yuan, "
                        + "more than its amount of \(Money(fen: values[1].integerValue ?? 0).yuanText)"
                })
        case .bonds:
            // The planned uses already committed, summed for the staged bonds
            // only: the cost follows the rows imported, not the registry.
            let committed =
                "SELECT bond_code, CAST(SUM(planned_fen) AS BIGINT) AS total FROM use_of_proceeds "
                + "WHERE bond_code IN (SELECT code FROM \(staging)) GROUP BY bond_code"
            add(
                column: "amount_cny", listsMarkedRows: true,
                list: { number in
                    "SELECT s.line, p.total FROM \(staging) AS s JOIN (\(committed)) AS p ON p.bond_code = s.code "
                        + "WHERE s.bad = \(number)"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND line IN (SELECT s.line FROM \(staging) AS s "
                        + "JOIN (\(committed)) AS p ON p.bond_code = s.code WHERE s.bad = 0 AND p.total > s.amount_fen)"
                },
                describe: { values in
                    "is less than the \(Money(fen: values.first?.integerValue ?? 0).yuanText) yuan of planned uses "
                        + "already committed for this bond"
                })
            // A new life keeps the bond's quotes inside it: none before the
            // issue date, none on or after maturity, of those the stored life
            // held (quotes stored under older rules stay). The staged bonds
            // drive the join, then their quotes, then their stored rows
            // (SQLite's CROSS JOIN fixes the order), each looked up by key: an
            // import reads only its own bonds' quotes (0.2 s a check for
            // 1,000,000 bonds without quotes); each staged bond is one line.
            let stagedFirst = dialect == .sqlite ? "CROSS JOIN" : "JOIN"
            for (column, outside) in [
                ("issue_date", "q.date < s.issue_date"), ("maturity_date", "q.date >= s.maturity_date"),
            ] {
                func stranded(_ bad: Int) -> String {
                    "FROM \(staging) AS s \(stagedFirst) quotes AS q ON q.bond_code = s.code "
                        + "\(stagedFirst) bonds AS b ON b.code = s.code WHERE s.bad = \(bad) AND \(outside) "
                        + "AND q.date >= b.issue_date AND q.date < b.maturity_date"
                }
                add(
                    column: column, listsMarkedRows: true,
                    list: { number in
                        "SELECT s.line, COUNT(*), \(dialect.selectExpression("MIN(q.date)", .date)), "
                            + "\(dialect.selectExpression("MAX(q.date)", .date)) \(stranded(number)) GROUP BY s.line"
                    },
                    mark: { number in
                        "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND line IN (SELECT s.line \(stranded(0)))"
                    },
                    describe: { values in
                        let count = values.first?.integerValue ?? 0
                        let first = values.count > 1 ? values[1].textValue ?? "" : ""
                        let last = values.last?.textValue ?? ""
                        return "would leave \(count) \(count == 1 ? "quote" : "quotes") of this bond "
                            + "(\(first == last ? first : first + " to " + last)) outside its life"
                    })
            }
        case .quotes:
            // A bond is quoted during its life only: from its issue date to
            // the day before its maturity, when it still has a flow to price.
            let outside =
                "JOIN bonds AS b ON b.code = \(staging).bond_code WHERE \(staging).bad = 0 "
                + "AND (\(staging).date < b.issue_date OR \(staging).date >= b.maturity_date)"
            add(
                column: "date", listsMarkedRows: true,
                list: { number in
                    "SELECT s.line, \(dialect.selectExpression("b.issue_date", .date)), "
                        + "\(dialect.selectExpression("b.maturity_date", .date)) FROM \(staging) AS s "
                        + "JOIN bonds AS b ON b.code = s.bond_code WHERE s.bad = \(number)"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE line IN (SELECT \(staging).line FROM \(staging) \(outside))"
                },
                describe: { values in
                    "outside the bond's life: quotes run from its issue date \(values.first?.textValue ?? "") "
                        + "to the day before its maturity \(values.last?.textValue ?? "")"
                })
        default:
            break
        }
        self.checks = checks
    }

    /// The statements run before the checks of a kind's import.
    static func prepare(_ kind: RecordKind, dialect: SQLDialect) -> [String] {
        guard dialect == .postgres else { return [] }
        let staging = stagingTable
        /// Locks the bonds whose codes `column` of the staged rows holds, in
        /// code order (so that two imports never wait for each other in a
        /// cycle), for as long as the transaction runs.
        func lockBonds(_ column: String, _ mode: String) -> String {
            "SELECT count(*) FROM (SELECT 1 FROM bonds WHERE code IN (SELECT \(column) FROM \(staging)) "
                + "ORDER BY code FOR \(mode)) AS locked"
        }
        var statements = ["ANALYZE \(staging)"]
        switch kind {
        // A bond's planned uses add up to at most its amount: one import of
        // a bond's uses (or of the bond) at a time.
        case .useOfProceeds: statements.append(lockBonds("bond_code", "NO KEY UPDATE"))
        case .bonds: statements.append(lockBonds("code", "NO KEY UPDATE"))
        // Quotes stay inside their bond's life: the bond may not change
        // while they are checked, but quotes of one bond may be imported
        // side by side.
        case .quotes: statements.append(lockBonds("bond_code", "SHARE"))
        default: break
        }
        return statements
    }
}

extension SQLValue {
    /// The value as an integer, if it is one.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .real(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// The value as text, if it is some.
    public var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
