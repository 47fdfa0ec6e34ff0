import GRDB
import InnobondModel
import InnobondStore

/// The rows of one kind a snapshot reads in one go: all of them, or, for a
/// kind of many rows, those whose first key column is before a bound or
/// from it, so that two connections can read the kind at once.
struct SnapshotPart: Sendable {
    /// Rows above which a kind is read in two parts, unless a store says otherwise.
    static let splitAbove = 200_000

    let kind: RecordKind
    /// The bound on the first key column, and whether the part is before it.
    let bound: (value: String, before: Bool)?
    /// About how many rows the part holds.
    let rows: Int

    /// Where the part's rows go among the kind's: key order.
    var order: Int { bound.map { $0.before ? 0 : 1 } ?? 0 }

    /// The parts of a kind of `rows` rows: two halves at the median of its
    /// first key column when it holds many rows, else one.
    static func parts(of kind: RecordKind, rows: Int, splitAbove: Int, _ db: Database) throws -> [SnapshotPart] {
        let schema = TableSchema.of(kind)
        guard rows > splitAbove, let column = schema.keyColumns.first,
            let median = try String.fetchOne(
                db, sql: "SELECT \(column) FROM \(schema.table) ORDER BY \(column) LIMIT 1 OFFSET ?",
                arguments: [rows / 2])
        else { return [SnapshotPart(kind: kind, bound: nil, rows: rows)] }
        return [
            SnapshotPart(kind: kind, bound: (median, true), rows: rows / 2),
            SnapshotPart(kind: kind, bound: (median, false), rows: rows - rows / 2),
        ]
    }

    /// `parts` in two groups of about as many rows each, largest first.
    static func halves(_ parts: [SnapshotPart]) -> ([SnapshotPart], [SnapshotPart]) {
        var groups: ([SnapshotPart], [SnapshotPart]) = ([], [])
        var rows = (0, 0)
        for part in parts.sorted(by: { ($0.rows, $1.kind.rawValue, $1.order) > ($1.rows, $0.kind.rawValue, $0.order) })
        {
            if rows.0 <= rows.1 {
                groups.0.append(part)
                rows.0 += part.rows
            } else {
                groups.1.append(part)
                rows.1 += part.rows
            }
        }
        return groups
    }

    /// The part's rows known at `moment`, in key order, as an array of the
    /// kind's record type.
    func load(_ db: Database, at moment: KnownMoment?) throws -> any Sendable {
        try kind.visit(Loader(part: self, db: db, moment: moment))
    }

    /// The kind's rows from its parts' arrays, in order, as a table.
    static func assemble(_ kind: RecordKind, _ pieces: [any Sendable], rows: Int) throws -> RecordTables {
        try kind.visit(Assembler(pieces: pieces, rows: rows))
    }

    private struct Loader: RecordTypeVisitor {
        let part: SnapshotPart
        let db: Database
        let moment: KnownMoment?

        func visit<Record: RegistryRecord>(_ type: Record.Type) throws -> any Sendable {
            let schema = TableSchema.of(Record.kind)
            var conditions = [schema.knownCondition(at: moment)].filter { !$0.isEmpty }
            var arguments: StatementArguments = []
            if let bound = part.bound, let column = schema.keyColumns.first {
                conditions.append("\(column) \(bound.before ? "<" : ">=") ?")
                arguments = [bound.value]
            }
            let sql =
                "SELECT \(schema.columns.map(\.name).joined(separator: ", ")) FROM \(schema.table) "
                + (conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND ")) ")
                + "ORDER BY \(schema.keyColumns.joined(separator: ", "))"
            // A kind read whole is an array at once; a part, storage the
            // parts are moved out of when joined.
            if part.bound == nil {
                var records: [Record] = []
                records.reserveCapacity(part.rows)
                try SQLiteRegistryStore.eachRow(db, sql: sql, arguments: arguments, columns: schema.columns.count) {
                    records.append(try schema.typedRecord(of: $0, as: Record.self))
                }
                return records
            }
            let records = RowStorage<Record>(capacity: part.rows)
            try SQLiteRegistryStore.eachRow(db, sql: sql, arguments: arguments, columns: schema.columns.count) {
                records.append(try schema.typedRecord(of: $0, as: Record.self))
            }
            return records
        }
    }

    private struct Assembler: RecordTypeVisitor {
        let pieces: [any Sendable]
        let rows: Int

        func visit<Record: RegistryRecord>(_ type: Record.Type) throws -> RecordTables {
            var tables = RecordTables()
            if let whole = pieces.first as? [Record] {
                tables.set(whole)
            } else {
                tables.set(RowStorage.join(pieces.compactMap { $0 as? RowStorage<Record> }))
            }
            return tables
        }
    }
}

/// Work on the rows of one record type.
protocol RecordTypeVisitor {
    associatedtype Result
    func visit<Record: RegistryRecord>(_ type: Record.Type) throws -> Result
}

extension RecordKind {
    /// `visitor`'s work on the kind's record type. The kinds a registry
    /// holds by the hundred thousand are named, so that their rows are
    /// handled by code specialised to their type.
    func visit<Visitor: RecordTypeVisitor>(_ visitor: Visitor) throws -> Visitor.Result {
        switch self {
        case .bonds: return try visitor.visit(Bond.self)
        case .useOfProceeds: return try visitor.visit(UseOfProceeds.self)
        case .allocations: return try visitor.visit(Allocation.self)
        case .curves: return try visitor.visit(CurvePoint.self)
        default: return try visitor.visit(recordType)
        }
    }
}
