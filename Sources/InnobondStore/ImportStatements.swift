import InnobondModel

/// The SQL of one import, generated from the kinds' declarations (never
/// from input): rows are staged in a temporary table with their lines,
/// checked there by the database (repeated keys, missing references, the
/// declared checks of the kind and of the kinds that refer to it), and
/// merged into the table by the kind's merge policy in the same transaction.
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
        /// A query that returns no row when the check cannot find anything
        /// (the stored rows it protects are none): the check is then skipped.
        public let applies: String?
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
    /// Counts the good staged rows whose key is stored, and of those the
    /// ones equal to the stored row: with the rows written, what the import
    /// inserted, replaced and left unchanged.
    public let countExisting: String
    /// Write the good staged rows into the table by the merge policy, in
    /// order; the last one's changed rows are the rows written.
    public let merge: [String]
    /// Removes the staging table.
    public let dropStaging: String

    /// - Parameters:
    ///   - rowNoun: what a row's number counts, `line` or `record`.
    ///   - now: the moment a versioned kind's rows become current and the
    ///     ones they supersede stop being so (UTC `YYYY-MM-DDTHH:MM:SSZ`,
    ///     never input).
    public init(schema: TableSchema, dialect: SQLDialect, rowNoun: String = "line", now: String = AuditEntry.now) {
        self.schema = schema
        self.dialect = dialect
        let staging = Self.stagingTable
        let columns = schema.columns.map(\.name)
        var definitions = schema.columns.map { "\($0.name) \(dialect.columnType($0.storage))" }
        // A versioned kind's rows: the current revision of their key, and
        // whether they equal the current row.
        if schema.isVersioned { definitions += ["prior INTEGER", "same INTEGER"] }
        let temporary = dialect == .postgres ? " ON COMMIT DROP" : ""
        createStaging =
            "CREATE TEMP TABLE \(staging) (line INTEGER NOT NULL, bad INTEGER NOT NULL DEFAULT 0, "
            + definitions.joined(separator: ", ") + ")\(temporary)"
        stagingColumns = ["line"] + columns
        dropStaging = "DROP TABLE IF EXISTS \(staging)"
        prepare = Self.prepare(schema, dialect: dialect)

        let keys = schema.keyColumns.joined(separator: ", ")
        let stored =
            (schema.keyColumns.map { "t.\($0) = s.\($0)" } + (schema.isVersioned ? [schema.current("t.")] : []))
            .joined(separator: " AND ")
        let revision = schema.isVersioned ? RecordDeclaration.revisionColumn : ""
        let data = columns.filter { $0 != revision }
        let equal = data.map { dialect.isNotDistinct("t.\($0)", "s.\($0)") }.joined(separator: " AND ")
        countExisting =
            "SELECT count(*), COALESCE(SUM(CASE WHEN \(equal) THEN 1 ELSE 0 END), 0) FROM \(staging) AS s "
            + "JOIN \(schema.table) AS t ON \(stored) WHERE s.bad = 0"
        let insert =
            "INSERT INTO \(schema.table) (\(columns.joined(separator: ", "))) SELECT "
            + columns.joined(separator: ", ") + " FROM \(staging) WHERE bad = 0"
        switch schema.declaration.merge {
        case .upsert:
            let updates = columns.filter { !schema.keyColumns.contains($0) }.map { "\($0) = excluded.\($0)" }
            merge = [
                insert + " ON CONFLICT (\(keys)) "
                    + (updates.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updates.joined(separator: ", "))
            ]
        case .insertOnly:
            // Rows stored already (the same values, or the check refused
            // them) stay as they were recorded.
            merge = [
                "INSERT INTO \(schema.table) (\(columns.joined(separator: ", ")), \(TableSchema.recordedAt)) SELECT "
                    + columns.joined(separator: ", ") + ", '\(now)' FROM \(staging) AS s WHERE bad = 0 AND NOT EXISTS "
                    + "(SELECT 1 FROM \(schema.table) AS t WHERE \(stored))"
            ]
        case .versioned:
            // Each staged row's current revision; whether it equals the
            // current row; the changed ones' current rows closed; the new
            // and changed rows inserted one revision up.
            let currentRow =
                (schema.keyColumns.map { "t.\($0) = \(staging).\($0)" } + [schema.current("t.")])
                .joined(separator: " AND ")
            let same = data.map { dialect.isNotDistinct("t.\($0)", "\(staging).\($0)") }.joined(separator: " AND ")
            let moment = "'\(now)'"
            merge = [
                "UPDATE \(staging) SET prior = (SELECT t.\(revision) FROM \(schema.table) AS t WHERE \(currentRow)) "
                    + "WHERE bad = 0",
                "UPDATE \(staging) SET same = 1 WHERE bad = 0 AND prior IS NOT NULL AND EXISTS (SELECT 1 FROM "
                    + "\(schema.table) AS t WHERE \(currentRow) AND \(same))",
                "UPDATE \(schema.table) SET \(TableSchema.validTo) = \(moment) WHERE \(schema.current()) AND (\(keys)) IN "
                    + "(SELECT \(keys) FROM \(staging) WHERE bad = 0 AND prior IS NOT NULL AND same IS NULL)",
                "INSERT INTO \(schema.table) (\(data.joined(separator: ", ")), \(revision), \(TableSchema.validFrom)) "
                    + "SELECT \(data.joined(separator: ", ")), COALESCE(prior, 0) + 1, \(moment) FROM \(staging) "
                    + "WHERE bad = 0 AND same IS NULL",
            ]
        }

        var checks = CheckList(staging: staging)
        checks.addRepeatedKeys(schema, rowNoun: rowNoun)
        if schema.declaration.merge == .insertOnly { checks.addStoredKeys(schema, dialect: dialect) }
        if schema.isVersioned { checks.addStaleRevisions(schema) }
        for reference in schema.declaration.references {
            checks.addReference(reference, of: schema, dialect: dialect)
        }
        for check in schema.declaration.checks { checks.addCheck(check, of: schema, dialect: dialect) }
        // The checks other kinds declare on this one: a new row here must
        // keep theirs valid.
        for kind in RecordKind.allCases where kind != schema.kind {
            for check in kind.declaration.checks where check.reference == schema.kind {
                checks.addCheck(check, onBehalfOf: TableSchema.of(kind), of: schema, dialect: dialect)
            }
        }
        self.checks = checks.checks
    }

    /// The statements run before the checks of a kind's import.
    static func prepare(_ schema: TableSchema, dialect: SQLDialect) -> [String] {
        guard dialect == .postgres else { return [] }
        let staging = stagingTable
        /// Locks the rows of `target` whose keys the staged rows' `columns`
        /// hold, in key order (so that two imports never wait for each other
        /// in a cycle), for as long as the transaction runs.
        func lock(_ target: TableSchema, by columns: [String], _ mode: String) -> String {
            let keys = target.keyColumns.joined(separator: ", ")
            return "SELECT count(*) FROM (SELECT 1 FROM \(target.table) WHERE (\(keys)) IN (SELECT "
                + "\(columns.joined(separator: ", ")) FROM \(staging)) ORDER BY \(keys) FOR \(mode)) AS locked"
        }
        var statements = ["ANALYZE \(staging)"]
        // This kind's checks read the rows it refers to: a sum over them is
        // checked by one import at a time; a date span only needs them unchanged.
        var locked = Set<RecordKind>()
        for check in schema.declaration.checks where !locked.contains(check.reference) {
            locked.insert(check.reference)
            let reference = schema.declaration.references.first { $0.kind == check.reference }!
            let columns = reference.columns.map { schema.column($0).name }
            let mode: String
            switch check {
            case .sumWithin, .remainder: mode = "NO KEY UPDATE"
            case .dateWithin:
                mode =
                    schema.declaration.checks.contains { $0.isSum && $0.reference == check.reference }
                    ? "NO KEY UPDATE" : "SHARE"
            }
            statements.append(lock(TableSchema.of(check.reference), by: columns, mode))
        }
        // Rows that others' checks read: their stored rows stay as they are
        // while this import checks them.
        let checkedByOthers = RecordKind.allCases.contains { kind in
            kind.declaration.checks.contains { $0.reference == schema.kind }
        }
        if checkedByOthers { statements.append(lock(schema, by: schema.keyColumns, "NO KEY UPDATE")) }
        return statements
    }
}

extension RecordDeclaration.Check {
    /// Whether the check adds up rows of one parent, so that two imports
    /// touching the parent must be checked one after the other.
    var isSum: Bool {
        switch self {
        case .sumWithin, .remainder: return true
        case .dateWithin: return false
        }
    }
}

/// The checks of one import, numbered as they are added.
private struct CheckList {
    let staging: String
    var checks: [ImportStatements.Check] = []

    /// Adds a check whose `mark` and `list` are made for its number.
    mutating func add(
        column: String, listsMarkedRows: Bool = false, applies: String? = nil, list: (Int) -> String,
        mark: (Int) -> String, describe: @escaping @Sendable ([SQLValue]) -> String
    ) {
        let number = checks.count + 1
        checks.append(
            ImportStatements.Check(
                list: list(number), mark: mark(number), listsMarkedRows: listsMarkedRows, column: column,
                describe: describe, applies: applies))
    }

    /// Keys repeated within the file: every occurrence after the first,
    /// listed with the first (one sort of the staged rows, for the mark).
    mutating func addRepeatedKeys(_ schema: TableSchema, rowNoun: String) {
        let staging = staging
        let keys = schema.keyColumns.joined(separator: ", ")
        let firstOccurrence =
            "SELECT line, MIN(line) OVER (PARTITION BY \(keys)) AS first_line FROM \(staging) WHERE bad = 0"
        let sameKey = schema.keyColumns.map { "f.\($0) = s.\($0)" }.joined(separator: " AND ")
        let keyLabel = schema.declaration.key.joined(separator: ", ")
        add(
            column: schema.declaration.key[0], listsMarkedRows: true,
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
    }

    /// A ledger's rows are never replaced: a staged row whose key is stored
    /// with other values is bad (the same row again is left as recorded).
    mutating func addStoredKeys(_ schema: TableSchema, dialect: SQLDialect) {
        let staging = staging
        let keyLabel = schema.declaration.key.joined(separator: ", ")
        let differs = schema.columns.map(\.name).filter { !schema.keyColumns.contains($0) }
            .map { "NOT " + dialect.isNotDistinct("t.\($0)", "\(staging).\($0)") }
        let stored =
            "EXISTS (SELECT 1 FROM \(schema.table) AS t WHERE "
            + schema.keyColumns.map { "t.\($0) = \(staging).\($0)" }.joined(separator: " AND ")
            + (differs.isEmpty ? "" : " AND (" + differs.joined(separator: " OR ") + ")") + ")"
        add(
            column: schema.declaration.key.last!, listsMarkedRows: true,
            list: { number in "SELECT line FROM \(staging) WHERE bad = \(number)" },
            mark: { number in "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND \(stored)" },
            describe: { _ in
                "a row with this key (\(keyLabel)) is recorded already, with other values: \(schema.kind.rawValue) "
                    + "rows are never changed; record a correction as a new row"
            })
    }

    /// A versioned row that names a revision names the current one: a
    /// stale revision means someone else changed the record meanwhile. A
    /// revision of a record not stored (a file from another registry) is
    /// taken as a new record.
    mutating func addStaleRevisions(_ schema: TableSchema) {
        let staging = staging
        let revision = RecordDeclaration.revisionColumn
        let current =
            "(SELECT t.\(revision) FROM \(schema.table) AS t WHERE "
            + (schema.keyColumns.map { "t.\($0) = \(staging).\($0)" } + [schema.current("t.")]).joined(
                separator: " AND ")
            + ")"
        add(
            column: revision, listsMarkedRows: true,
            list: { number in "SELECT line, \(revision), \(current) FROM \(staging) WHERE bad = \(number)" },
            mark: { number in
                "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND \(revision) <> \(current)"
            },
            describe: { values in
                let given = values.first?.integerValue ?? 0
                let now = values.count > 1 ? values[1].integerValue ?? 0 : 0
                return "revision \(given) is stale: the record is at revision \(now) (changed since it was read); "
                    + "read it again"
            })
    }

    /// References to rows that do not exist.
    mutating func addReference(
        _ reference: RecordDeclaration.Reference, of schema: TableSchema, dialect: SQLDialect
    ) {
        let staging = staging
        let target = TableSchema.of(reference.kind)
        let columns = reference.columns.map { schema.column($0).name }
        let matches = zip(target.keyColumns, columns).map { "r.\($0) = \(staging).\($1)" }.joined(separator: " AND ")
        // All columns given (an optional reference may be empty), and no
        // stored row, nor for a reference to the kind itself a good staged row.
        let given = columns.map { "\(staging).\($0) IS NOT NULL" }.joined(separator: " AND ")
        var missing = "bad = 0 AND \(given) AND NOT EXISTS (SELECT 1 FROM \(target.table) AS r WHERE \(matches))"
        if reference.kind == schema.kind {
            // SQLite runs a correlated NOT EXISTS as a scan of the unindexed
            // staging table for every row (minutes for 1,000,000 rows), but
            // indexes a NOT IN subquery once; PostgreSQL makes NOT EXISTS a
            // hash anti-join, and may not hash a large NOT IN.
            if dialect == .sqlite {
                missing +=
                    " AND (\(columns.joined(separator: ", "))) NOT IN (SELECT "
                    + "\(target.keyColumns.joined(separator: ", ")) FROM \(staging) WHERE bad = 0)"
            } else {
                let staged = zip(target.keyColumns, columns).map { "r.\($0) = \(staging).\($1)" }
                    .joined(separator: " AND ")
                missing += " AND NOT EXISTS (SELECT 1 FROM \(staging) AS r WHERE r.bad = 0 AND \(staged))"
            }
        }
        let noun = reference.noun
        let kind = reference.kind.rawValue
        // Reported on the column that names the row (`project` of a
        // bond's planned use), the last of a composite reference.
        add(
            column: reference.columns.last!, listsMarkedRows: true,
            list: { number in "SELECT line, \(columns.joined(separator: ", ")) FROM \(staging) WHERE bad = \(number)" },
            mark: { number in "UPDATE \(staging) SET bad = \(number) WHERE \(missing)" },
            describe: { values in
                let key = values.map { $0.textValue ?? $0.integerValue.map(String.init) ?? "" }.joined(separator: ", ")
                return "no \(noun) '\(key)' in the registry (import \(kind) first)"
            })
    }

    /// A declared check of `schema`'s own rows against the rows they refer to.
    mutating func addCheck(_ check: RecordDeclaration.Check, of schema: TableSchema, dialect: SQLDialect) {
        let staging = staging
        let reference = schema.declaration.references.first { $0.kind == check.reference }!
        let parent = TableSchema.of(check.reference)
        let link = reference.columns.map { schema.column($0).name }
        let noun = reference.noun
        switch check {
        case .sumWithin(let column, _, let limit, let what, let limitName):
            let summed = schema.column(column).name
            let cap = parent.column(limit).name
            let joinParent = zip(parent.keyColumns, link).map { "b.\($0) = t.\($1)" }.joined(separator: " AND ")
            let sameKey = schema.keyColumns.map { "s.\($0) = u.\($0)" }.joined(separator: " AND ")
            let links = link.joined(separator: ", ")
            // The totals the staged rows would make, for the parents they
            // touch alone (their stored rows that stay, and the staged ones).
            let totals = """
                SELECT \(link.map { "t.\($0)" }.joined(separator: ", ")), b.\(cap) AS cap, t.total FROM \(parent.table) AS b JOIN \
                (SELECT \(links), CAST(SUM(\(summed)) AS BIGINT) AS total FROM \
                (SELECT \(links), \(summed) FROM \(schema.table) AS u WHERE (\(links)) IN (SELECT \(links) FROM \(staging) \
                WHERE bad = 0) AND NOT EXISTS (SELECT 1 FROM \(staging) AS s WHERE s.bad = 0 AND \(sameKey)) \
                UNION ALL SELECT \(links), \(summed) FROM \(staging) WHERE bad = 0) AS merged GROUP BY \(links)) AS t \
                ON \(joinParent) WHERE t.total > b.\(cap) OR t.total < 0
                """
            let onTotals = link.map { "o.\($0) = s.\($0)" }.joined(separator: " AND ")
            add(
                column: column,
                list: { _ in
                    "SELECT s.line, o.total, o.cap FROM \(staging) AS s JOIN (\(totals)) AS o ON \(onTotals) "
                        + "WHERE s.bad = 0"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND (\(links)) IN (SELECT \(links) FROM "
                        + "(\(totals)) AS o)"
                },
                describe: { values in
                    let total = Money(fen: values[0].integerValue ?? 0)
                    return "the \(noun)'s \(what) would total \(total.yuanText) yuan, "
                        + (total.fen < 0
                            ? "less than nothing (a reversal of more than was recorded)"
                            : "more than its \(limitName) of \(Money(fen: values[1].integerValue ?? 0).yuanText)")
                })
        case .remainder(
            let column, _, let limit, let ledgerKind, let ledgerColumn, let dateColumn, let ledgerDate,
            let tolerance):
            // The parent's limit less its ledger rows dated on or before the
            // staged row's date: what the staged value should be.
            let ledger = TableSchema.of(ledgerKind)
            let ledgerLink = ledgerKind.declaration.references.first { $0.kind == check.reference }!.columns.map {
                ledger.column($0).name
            }
            let value = schema.column(column).name
            let cap = parent.column(limit).name
            let joinParent = zip(parent.keyColumns, link).map { "b.\($0) = s.\($1)" }.joined(separator: " AND ")
            let sameParent = zip(ledgerLink, link).map { "l.\($0) = s.\($1)" }.joined(separator: " AND ")
            let entries =
                "COALESCE((SELECT SUM(l.\(ledger.column(ledgerColumn).name)) FROM \(ledger.table) AS l WHERE "
                + "\(sameParent) AND l.\(ledger.column(ledgerDate).name) <= s.\(schema.column(dateColumn).name)), 0)"
            let expected = "b.\(cap) - \(entries)"
            let off = "ABS(s.\(value) - (\(expected))) > \(tolerance.fen)"
            let limitWords = limit.split(separator: "_").filter { $0 != "cny" }.joined(separator: " ")
            add(
                column: column, listsMarkedRows: true,
                list: { number in
                    "SELECT s.line, CAST(\(entries) AS BIGINT), CAST(\(expected) AS BIGINT) FROM \(staging) AS s "
                        + "JOIN \(parent.table) AS b ON \(joinParent) WHERE s.bad = \(number)"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND line IN (SELECT s.line FROM \(staging) AS s "
                        + "JOIN \(parent.table) AS b ON \(joinParent) WHERE s.bad = 0 AND \(off))"
                },
                describe: { values in
                    let allocated = Money(fen: values.first?.integerValue ?? 0)
                    let left = Money(fen: values.count > 1 ? values[1].integerValue ?? 0 : 0)
                    return "the \(noun)'s \(limitWords) less the \(allocated.yuanText) yuan of "
                        + "\(ledgerKind.rawValue) recorded by this date leaves \(left.yuanText) yuan; more than "
                        + "\(tolerance.yuanText) yuan apart"
                })
        case .dateWithin(let column, _, let from, let before, let what, let span, let fromName, let beforeName):
            // A row is dated during its parent's span: from its start to the
            // day before its end.
            let date = schema.column(column).name
            let (start, end) = (parent.column(from).name, parent.column(before).name)
            let joinParent = zip(parent.keyColumns, link).map { "b.\($0) = \(staging).\($1)" }.joined(
                separator: " AND ")
            let listJoin = zip(parent.keyColumns, link).map { "b.\($0) = s.\($1)" }.joined(separator: " AND ")
            let outside =
                "JOIN \(parent.table) AS b ON \(joinParent) WHERE \(staging).bad = 0 "
                + "AND (\(staging).\(date) < b.\(start) OR \(staging).\(date) >= b.\(end))"
            add(
                column: column, listsMarkedRows: true,
                list: { number in
                    "SELECT s.line, \(dialect.selectExpression("b.\(start)", .date)), "
                        + "\(dialect.selectExpression("b.\(end)", .date)) FROM \(staging) AS s "
                        + "JOIN \(parent.table) AS b ON \(listJoin) WHERE s.bad = \(number)"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE line IN (SELECT \(staging).line FROM \(staging) \(outside))"
                },
                describe: { values in
                    "outside the \(noun)'s \(span): \(what) run from its \(fromName) \(values.first?.textValue ?? "") "
                        + "to the day before its \(beforeName) \(values.last?.textValue ?? "")"
                })
        }
    }

    /// A check `child` declares on the rows of `schema`: a staged row of
    /// `schema` must keep the stored rows of `child` that refer to it valid.
    mutating func addCheck(
        _ check: RecordDeclaration.Check, onBehalfOf child: TableSchema, of schema: TableSchema, dialect: SQLDialect
    ) {
        let staging = staging
        let reference = child.declaration.references.first { $0.kind == check.reference }!
        let link = reference.columns.map { child.column($0).name }
        let joinChild = zip(link, schema.keyColumns).map { "c.\($0) = s.\($1)" }.joined(separator: " AND ")
        let noun = reference.noun
        switch check {
        case .sumWithin(let column, _, let limit, let what, _):
            let summed = child.column(column).name
            let cap = schema.column(limit).name
            let keys = schema.keyColumns.joined(separator: ", ")
            let links = link.joined(separator: ", ")
            let groupJoin = zip(link, schema.keyColumns).map { "p.\($0) = s.\($1)" }.joined(separator: " AND ")
            // The uses already committed, summed for the staged rows alone:
            // the cost follows the rows imported, not the registry.
            let committed =
                "SELECT \(links), CAST(SUM(\(summed)) AS BIGINT) AS total FROM \(child.table) "
                + "WHERE (\(links)) IN (SELECT \(keys) FROM \(staging)) GROUP BY \(links)"
            add(
                column: limit, listsMarkedRows: true, applies: "SELECT 1 FROM \(child.table) LIMIT 1",
                list: { number in
                    "SELECT s.line, p.total FROM \(staging) AS s JOIN (\(committed)) AS p ON \(groupJoin) "
                        + "WHERE s.bad = \(number)"
                },
                mark: { number in
                    "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND line IN (SELECT s.line FROM \(staging) AS s "
                        + "JOIN (\(committed)) AS p ON \(groupJoin) WHERE s.bad = 0 AND p.total > s.\(cap))"
                },
                describe: { values in
                    "is less than the \(Money(fen: values.first?.integerValue ?? 0).yuanText) yuan of \(what) "
                        + "already committed for this \(noun)"
                })
        case .remainder:
            // A balance is checked against the entries of its date when it
            // is imported; a later change of the parent or the ledger is left
            // to the integrity checks, which flag balances the entries no
            // longer explain.
            break
        case .dateWithin(let column, _, let from, let before, let what, let span, _, _):
            // A new span keeps the rows dated inside it, of those the stored
            // span held (rows stored under older rules stay). The staged rows
            // drive the join, then their children, then their stored rows
            // (SQLite's CROSS JOIN fixes the order), each looked up by key:
            // an import reads only its own rows' children (0.2 s a check for
            // 1,000,000 bonds without quotes); each staged row is one line.
            let date = child.column(column).name
            let (start, end) = (schema.column(from).name, schema.column(before).name)
            let stagedFirst = dialect == .sqlite ? "CROSS JOIN" : "JOIN"
            let joinStored = schema.keyColumns.map { "b.\($0) = s.\($0)" }.joined(separator: " AND ")
            let singular = String(what.dropLast())
            for (fileColumn, side) in [(from, "c.\(date) < s.\(start)"), (before, "c.\(date) >= s.\(end)")] {
                func stranded(_ bad: Int) -> String {
                    "FROM \(staging) AS s \(stagedFirst) \(child.table) AS c ON \(joinChild) "
                        + "\(stagedFirst) \(schema.table) AS b ON \(joinStored) WHERE s.bad = \(bad) AND \(side) "
                        + "AND c.\(date) >= b.\(start) AND c.\(date) < b.\(end)"
                }
                // No stored row of the child, nothing to strand: a bonds
                // import skips the checks of kinds it has none of.
                add(
                    column: fileColumn, listsMarkedRows: true, applies: "SELECT 1 FROM \(child.table) LIMIT 1",
                    list: { number in
                        "SELECT s.line, COUNT(*), \(dialect.selectExpression("MIN(c.\(date))", .date)), "
                            + "\(dialect.selectExpression("MAX(c.\(date))", .date)) \(stranded(number)) GROUP BY s.line"
                    },
                    mark: { number in
                        "UPDATE \(staging) SET bad = \(number) WHERE bad = 0 AND line IN (SELECT s.line \(stranded(0)))"
                    },
                    describe: { values in
                        let count = values.first?.integerValue ?? 0
                        let first = values.count > 1 ? values[1].textValue ?? "" : ""
                        let last = values.last?.textValue ?? ""
                        return "would leave \(count) \(count == 1 ? singular : what) of this \(noun) "
                            + "(\(first == last ? first : first + " to " + last)) outside its \(span)"
                    })
            }
        }
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
