import Dispatch
import GRDB
import InnobondModel
import InnobondStore
import Synchronization

/// How a snapshot's kinds are read on two connections at once: each kind
/// whole on one of them, except the costliest, which is cut at a value of
/// its first key column when it holds many rows, so that both connections
/// have about as much to read. The cost of a kind is its rows times its
/// columns.
struct SnapshotPlan: Sendable {
    /// Rows above which the costliest kind is cut, unless a store says otherwise.
    static let splitAbove = 200_000

    /// The kind read on both connections: the rows before `bound` on the
    /// first, in key order; the others on the second, backwards. Both fill
    /// one array, from either end.
    struct Split: Sendable {
        let kind: RecordKind
        /// A value of the kind's first key column.
        let bound: String
        /// The kind's stored rows: at least as many as both sides read together.
        let rows: Int
    }

    /// More rows than were counted: the registry changed under the read.
    struct Moved: Error {}

    /// The kinds read whole on each connection.
    let whole: [[RecordKind]]
    let split: Split?

    /// The plan for `kinds`, stored `counts` rows each.
    static func make(_ kinds: [RecordKind], counts: [RecordKind: Int], splitAbove: Int, _ db: Database) throws
        -> SnapshotPlan
    {
        func cost(_ kind: RecordKind) -> Int { (counts[kind] ?? 0) * kind.columns.count }
        let byCost = kinds.sorted { (cost($0), $1.rawValue) > (cost($1), $0.rawValue) }
        var whole: [[RecordKind]] = [[], []]
        var costs = [0, 0]
        for kind in byCost.dropFirst() {
            let lighter = costs[0] <= costs[1] ? 0 : 1
            whole[lighter].append(kind)
            costs[lighter] += cost(kind)
        }
        guard let costliest = byCost.first else { return SnapshotPlan(whole: whole, split: nil) }
        // The first connection reads the rows before the bound: as many as
        // make both costs equal.
        let rows = counts[costliest] ?? 0
        let columns = costliest.columns.count
        let before = (rows * columns + costs[1] - costs[0]) / (2 * columns)
        let schema = TableSchema.of(costliest)
        if rows > splitAbove, before > 0, before < rows, let column = schema.keyColumns.first,
            let bound = try String.fetchOne(
                db, sql: "SELECT \(column) FROM \(schema.table) ORDER BY \(column) LIMIT 1 OFFSET ?",
                arguments: [before])
        {
            return SnapshotPlan(whole: whole, split: Split(kind: costliest, bound: bound, rows: rows))
        }
        whole[costs[0] <= costs[1] ? 0 : 1].append(costliest)
        return SnapshotPlan(whole: whole, split: nil)
    }

    /// The plan's rows known at `moment`, each kind in key order, read in
    /// two read transactions at once, with the registry version each read.
    /// Blocks the calling thread until both are read.
    func read(_ pool: DatabasePool, at moment: KnownMoment?) throws -> (tables: RecordTables, versions: [Int64]) {
        guard let split else {
            let sides = try readSides(pool, at: moment) { _, _ in }
            return (sides.tables, sides.versions)
        }
        return try split.kind.visit(SplitReader(plan: self, split: split, pool: pool, moment: moment))
    }

    /// Reads each connection's whole kinds (after `first`, given the side
    /// and the connection) on two connections at once.
    fileprivate func readSides(
        _ pool: DatabasePool, at moment: KnownMoment?, first: @escaping @Sendable (Int, Database) throws -> Void
    ) throws -> (tables: RecordTables, versions: [Int64]) {
        let results = Mutex<[Result<(Int64, RecordTables), any Error>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let result = Result {
                try pool.read { db in
                    try Self.streaming(db) {
                        let version = try SQLiteRegistryStore.currentVersion(db)
                        try first(side, db)
                        var tables = RecordTables()
                        for kind in whole[side] {
                            tables.merge(try kind.visit(WholeReader(db: db, moment: moment)))
                        }
                        return (version, tables)
                    }
                }
            }
            results.withLock { $0[side] = result }
        }
        var tables = RecordTables()
        var versions: [Int64] = []
        for result in results.withLock({ $0 }) {
            let (version, read) = try result!.get()
            versions.append(version)
            tables.merge(read)
        }
        return (tables, versions)
    }

    /// `body`, reading with a small page cache: a snapshot reads each page
    /// once, and a cache of them would only hold memory.
    private static func streaming<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -2048")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(SQLiteRegistryStore.cacheSize)") }
        return try body()
    }

    /// The statement that reads a kind's rows known at `moment`, in key
    /// order (or backwards), with `condition` on its first key column.
    static func select(
        _ kind: RecordKind, at moment: KnownMoment?, firstKey condition: String? = nil, backwards: Bool = false
    ) -> String {
        let schema = TableSchema.of(kind)
        let conditions =
            [schema.knownCondition(at: moment)].filter { !$0.isEmpty }
            + [condition.flatMap { condition in schema.keyColumns.first.map { "\($0) \(condition)" } }].compactMap {
                $0
            }
        return "SELECT \(schema.columns.map(\.name).joined(separator: ", ")) FROM \(schema.table) "
            + (conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND ")) ")
            + "ORDER BY \(schema.keyColumns.map { $0 + (backwards ? " DESC" : "") }.joined(separator: ", "))"
    }

    /// A kind's rows, read whole on one connection.
    private struct WholeReader: RecordTypeVisitor {
        let db: Database
        let moment: KnownMoment?

        func visit<Record: RegistryRecord>(_ type: Record.Type) throws -> RecordTables {
            let schema = TableSchema.of(Record.kind)
            var records: [Record] = []
            try SQLiteRegistryStore.eachRow(
                db, sql: SnapshotPlan.select(Record.kind, at: moment), columns: schema.columns.count
            ) { records.append(try schema.typedRecord(of: $0, as: Record.self)) }
            var tables = RecordTables()
            tables.set(records)
            return tables
        }
    }

    /// The split kind's rows, read into one array from both ends at once
    /// (no copy to join them), and the other kinds on the side.
    private struct SplitReader: RecordTypeVisitor {
        let plan: SnapshotPlan
        let split: Split
        let pool: DatabasePool
        let moment: KnownMoment?

        func visit<Record: RegistryRecord>(_ type: Record.Type) throws -> (tables: RecordTables, versions: [Int64]) {
            let schema = TableSchema.of(Record.kind)
            var sides: Swift.Result<(tables: RecordTables, versions: [Int64]), any Error>?
            let records = try [Record](unsafeUninitializedCapacity: split.rows) { buffer, initialized in
                let ends = BothEnds(buffer)
                let bound = split.bound
                let moment = moment
                sides = Swift.Result {
                    try plan.readSides(pool, at: moment) { side, db in
                        let sql = SnapshotPlan.select(
                            Record.kind, at: moment, firstKey: side == 0 ? "< ?" : ">= ?", backwards: side == 1)
                        try SQLiteRegistryStore.eachRow(db, sql: sql, arguments: [bound], columns: schema.columns.count)
                        {
                            row in
                            try ends.put(try schema.typedRecord(of: row, as: Record.self), fromEnd: side == 1)
                        }
                    }
                }
                initialized = ends.close()
                _ = try sides!.get()
            }
            let read = try sides!.get()
            var tables = read.tables
            tables.set(records)
            return (tables, read.versions)
        }
    }
}

/// Storage two readers fill at once, one from its start upwards and one
/// from its end downwards; closing it moves the second's rows down to
/// follow the first's.
private final class BothEnds<Record>: @unchecked Sendable {

    // Each end is touched by one reader only; `taken` is shared.
    private let buffer: UnsafeMutableBufferPointer<Record>
    private var front = 0
    private var back = 0
    private let taken = Atomic<Int>(0)

    init(_ buffer: UnsafeMutableBufferPointer<Record>) {
        self.buffer = buffer
    }

    func put(_ record: Record, fromEnd: Bool) throws {
        guard taken.wrappingAdd(1, ordering: .relaxed).newValue <= buffer.count else { throw SnapshotPlan.Moved() }
        if fromEnd {
            back += 1
            (buffer.baseAddress! + buffer.count - back).initialize(to: record)
        } else {
            (buffer.baseAddress! + front).initialize(to: record)
            front += 1
        }
    }

    /// Moves the rows from the end to follow those from the start; returns
    /// how many rows the storage holds.
    func close() -> Int {
        let base = buffer.baseAddress!
        if back > 0 && front + back < buffer.count {
            (base + front).moveInitialize(from: base + buffer.count - back, count: back)
        }
        return front + back
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
        case .unallocatedBalances: return try visitor.visit(UnallocatedBalance.self)
        default: return try visitor.visit(recordType)
        }
    }
}
