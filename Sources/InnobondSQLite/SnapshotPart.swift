import GRDB
import InnobondModel
import InnobondStore

/// The rows of one kind a snapshot reads in one go: all of them, or, for a
/// kind of many rows, those whose first key column is before a bound or
/// from it, so that two connections can read the kind at once.
struct SnapshotPart: Sendable {
    /// Rows above which a kind is read in two parts.
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
    static func parts(of kind: RecordKind, rows: Int, _ db: Database) throws -> [SnapshotPart] {
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
        // The kinds held by the hundred thousand are named here so that
        // their rows are read by code specialised to their type.
        switch kind {
        case .bonds: return try load(Bond.self, db, at: moment)
        case .useOfProceeds: return try load(UseOfProceeds.self, db, at: moment)
        case .allocations: return try load(Allocation.self, db, at: moment)
        case .curves: return try load(CurvePoint.self, db, at: moment)
        default: return try load(kind.recordType, db, at: moment)
        }
    }

    private func load<Record: RegistryRecord>(_ type: Record.Type, _ db: Database, at moment: KnownMoment?) throws
        -> [Record]
    {
        let schema = TableSchema.of(Record.kind)
        var conditions = [schema.knownCondition(at: moment)].filter { !$0.isEmpty }
        var arguments: StatementArguments = []
        if let bound, let column = schema.keyColumns.first {
            conditions.append("\(column) \(bound.before ? "<" : ">=") ?")
            arguments = [bound.value]
        }
        let sql =
            "SELECT \(schema.columns.map(\.name).joined(separator: ", ")) FROM \(schema.table) "
            + (conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND ")) ")
            + "ORDER BY \(schema.keyColumns.joined(separator: ", "))"
        var records: [Record] = []
        records.reserveCapacity(rows)
        try SQLiteRegistryStore.eachRow(db, sql: sql, arguments: arguments, columns: schema.columns.count) { row in
            records.append(try schema.typedRecord(of: row, as: Record.self))
        }
        return records
    }
}
