import FixedIncome
import InnobondModel

extension TableSchema {
    /// The record of a database row, as its kind's type. Inlinable, so that
    /// a store reading a million rows of one kind reads them with code
    /// specialised to its type.
    @inlinable
    public func typedRecord<Record: RegistryRecord>(of row: [SQLValue], as type: Record.Type) throws -> Record {
        // The kinds with a typed reader, read without boxing each row.
        if let record = TypedRow(values: row).read(Record.self) { return record }
        guard let record = try snapshotRecord(of: row) as? Record else {
            throw StoreError.database("a \(kind.rawValue) row did not read as a \(Record.self)")
        }
        return record
    }

    /// The record of a database row. Bonds, curve points and uses of
    /// proceeds, which a snapshot holds by the hundred thousand, are read
    /// straight from their typed values; other kinds, and any row whose
    /// values are not as the schema stores them, go through the validating
    /// path of ``record(of:)``, which reads them as a file would.
    public func snapshotRecord(of row: [SQLValue]) throws(RowIssues) -> any RegistryRecord {
        if let record = TypedRow(values: row).read(kind.recordType) { return record }
        return try record(of: row)
    }
}

/// A database row read by position, in ``TableSchema/columns`` order.
@usableFromInline
struct TypedRow {
    @usableFromInline
    struct Malformed: Error {}

    @usableFromInline
    let values: [SQLValue]

    @usableFromInline
    init(values: [SQLValue]) {
        self.values = values
    }

    /// The row as a `Record`, when its kind has a typed reader and the row
    /// is as the schema stores it.
    @inlinable
    func read<Record: RegistryRecord>(_ type: Record.Type) -> Record? {
        switch type {
        case is Bond.Type where values.count == 16: return try? bond() as? Record
        case is CurvePoint.Type where values.count == 4: return try? curvePoint() as? Record
        case is UseOfProceeds.Type where values.count == 4: return try? useOfProceeds() as? Record
        case is Allocation.Type where values.count == 11: return try? allocation() as? Record
        default: return nil
        }
    }

    func text(_ index: Int) throws(Malformed) -> String {
        guard case .text(let text) = values[index], !text.isEmpty else { throw Malformed() }
        return text
    }

    func optional<Value>(_ index: Int, _ read: (Int) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        if case .null = values[index] { return nil }
        return try read(index)
    }

    func integer(_ index: Int) throws(Malformed) -> Int64 {
        guard case .integer(let value) = values[index] else { throw Malformed() }
        return value
    }

    func real(_ index: Int) throws(Malformed) -> Double {
        switch values[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: throw Malformed()
        }
    }

    func date(_ index: Int) throws(Malformed) -> CivilDate {
        guard let date = try? CivilDate(iso8601: text(index)) else { throw Malformed() }
        return date
    }

    func parsed<Value>(_ index: Int, _ parse: (String) -> Value?) throws(Malformed) -> Value {
        guard let value = parse(try text(index)) else { throw Malformed() }
        return value
    }

    @usableFromInline
    func bond() throws(Malformed) -> Bond {
        guard let frequency = CouponFrequency(rawValue: Int(try integer(10))) else { throw Malformed() }
        return Bond(
            code: try parsed(0, BondCode.init), uscc: try parsed(1) { try? USCC($0) }, name: try text(2),
            type: try parsed(3, BondType.init(rawValue:)), sciTech: try integer(4) != 0,
            regime: try optional(5) { index throws(Malformed) in try parsed(index, Regime.init(rawValue:)) },
            issueDate: try date(6), maturityDate: try date(7), amount: Money(fen: try integer(8)),
            couponRatePercent: try real(9),
            frequency: frequency,
            dayCount: try parsed(11, DayCount.init(rawValue:)),
            rating: try optional(12) { index throws(Malformed) in try parsed(index, Rating.init) },
            putDate: try optional(13, date), couponResetDate: try optional(14, date),
            approvalDays: try optional(15) { index throws(Malformed) in Int(try integer(index)) })
    }

    @usableFromInline
    func curvePoint() throws(Malformed) -> CurvePoint {
        CurvePoint(
            curve: try text(0), date: try date(1), tenor: try parsed(2, Tenor.init), yieldPercent: try real(3))
    }

    @usableFromInline
    func allocation() throws(Malformed) -> Allocation {
        Allocation(
            bondCode: try parsed(0, BondCode.init), entry: try text(1), reportDate: try date(2), project: try text(3),
            category: try parsed(4, ProceedsCategory.init(rawValue:)), amount: Money(fen: try integer(5)),
            reverses: try optional(6, text), sourceTitle: try text(7), sourceURL: try optional(8, text),
            sourceFiling: try optional(9, text), sourcePage: try optional(10, integer).map { Int($0) })
    }

    @usableFromInline
    func useOfProceeds() throws(Malformed) -> UseOfProceeds {
        UseOfProceeds(
            bondCode: try parsed(0, BondCode.init), project: try text(1),
            category: try parsed(2, ProceedsCategory.init(rawValue:)), planned: Money(fen: try integer(3)))
    }
}
