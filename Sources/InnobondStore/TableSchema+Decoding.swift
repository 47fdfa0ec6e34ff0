import FixedIncome
import InnobondModel

extension TableSchema {
    /// The record of a database row, as its kind's type. Inlinable, so that
    /// a store reading a million rows of one kind reads them with code
    /// specialised to its type and to its cursor.
    @inlinable
    public func typedRecord<Record: RegistryRecord>(of row: some StoredValues, as type: Record.Type) throws -> Record {
        // The kinds with a typed reader, read without boxing each row.
        if let record = TypedRow(values: row).read(Record.self) { return record }
        guard let record = try snapshotRecord(of: row.sqlValues) as? Record else {
            throw StoreError.database("a \(kind.rawValue) row did not read as a \(Record.self)")
        }
        return record
    }

    /// The record of a database row. Bonds, curve points, uses of proceeds
    /// and allocations, which a snapshot holds by the hundred thousand, are
    /// read straight from their typed values; other kinds, and any row whose
    /// values are not as the schema stores them, go through the validating
    /// path of ``record(of:)``, which reads them as a file would.
    public func snapshotRecord(of row: [SQLValue]) throws(RowIssues) -> any RegistryRecord {
        if let record = TypedRow(values: row).read(kind.recordType) { return record }
        return try record(of: row)
    }
}

/// A database row read by position, in ``TableSchema/columns`` order.
@usableFromInline
struct TypedRow<Values: StoredValues> {
    @usableFromInline
    struct Malformed: Error {
        @usableFromInline init() {}
    }

    @usableFromInline
    let values: Values

    @inlinable
    init(values: Values) {
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
        case is UnallocatedBalance.Type where values.count == 10: return try? unallocatedBalance() as? Record
        case is UseChange.Type where values.count == 13: return try? useChange() as? Record
        case is EligibilityEvidence.Type where values.count == 10: return try? eligibilityEvidence() as? Record
        case is IssuerFinancials.Type where values.count == 5: return try? issuerFinancials() as? Record
        case is Issuer.Type where values.count == 7: return try? issuer() as? Record
        default: return nil
        }
    }

    @inlinable
    func text(_ index: Int) throws(Malformed) -> String {
        guard let text = values.text(index), !text.isEmpty else { throw Malformed() }
        return text
    }

    @inlinable
    func optional<Value>(_ index: Int, _ read: (Int) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        if values.isNull(index) { return nil }
        return try read(index)
    }

    @inlinable
    func integer(_ index: Int) throws(Malformed) -> Int64 {
        guard let value = values.integer(index) else { throw Malformed() }
        return value
    }

    @inlinable
    func real(_ index: Int) throws(Malformed) -> Double {
        guard let value = values.real(index) else { throw Malformed() }
        return value
    }

    /// A `YYYY-MM-DD` date, read from the bytes.
    @inlinable
    func date(_ index: Int) throws(Malformed) -> CivilDate {
        guard let date = values.withText(index, { CivilDate(parsingISO8601: $0) }) ?? nil else { throw Malformed() }
        return date
    }

    /// The case whose raw value the text is, found from the bytes.
    @inlinable
    func enumeration<Value: RawRepresentable & CaseIterable>(_ index: Int, _ type: Value.Type) throws(Malformed)
        -> Value
    where Value.RawValue == String {
        let value = values.withText(index) { bytes in
            Value.allCases.first { value in
                var raw = value.rawValue
                return raw.utf8.count == bytes.count && raw.withUTF8 { $0.elementsEqual(bytes) }
            }
        }
        guard let value = value ?? nil else { throw Malformed() }
        return value
    }

    @inlinable
    func parsed<Value>(_ index: Int, _ parse: (String) -> Value?) throws(Malformed) -> Value {
        guard let value = parse(try text(index)) else { throw Malformed() }
        return value
    }

    @inlinable
    func bond() throws(Malformed) -> Bond {
        guard let frequency = CouponFrequency(rawValue: Int(try integer(10))) else { throw Malformed() }
        return Bond(
            code: try parsed(0, BondCode.init), uscc: try parsed(1) { try? USCC($0) }, name: try text(2),
            type: try enumeration(3, BondType.self), sciTech: try integer(4) != 0,
            regime: try optional(5) { index throws(Malformed) in try enumeration(index, Regime.self) },
            issueDate: try date(6), maturityDate: try date(7), amount: Money(fen: try integer(8)),
            couponRatePercent: try real(9),
            frequency: frequency,
            dayCount: try parsed(11, DayCount.init(rawValue:)),
            rating: try optional(12) { index throws(Malformed) in try parsed(index, Rating.init) },
            putDate: try optional(13, date), couponResetDate: try optional(14, date),
            approvalDays: try optional(15) { index throws(Malformed) in Int(try integer(index)) })
    }

    @inlinable
    func curvePoint() throws(Malformed) -> CurvePoint {
        CurvePoint(
            curve: try text(0), date: try date(1), tenor: try parsed(2, Tenor.init), yieldPercent: try real(3))
    }

    @inlinable
    func allocation() throws(Malformed) -> Allocation {
        Allocation(
            bondCode: try parsed(0, BondCode.init), entry: try text(1), reportDate: try date(2), project: try text(3),
            category: try enumeration(4, ProceedsCategory.self), amount: Money(fen: try integer(5)),
            reverses: try optional(6, text), sourceTitle: try text(7), sourceURL: try optional(8, text),
            sourceFiling: try optional(9, text), sourcePage: try optional(10, integer).map { Int($0) })
    }

    @inlinable
    func money(_ index: Int) throws(Malformed) -> Money { Money(fen: try integer(index)) }

    @inlinable
    func count(_ index: Int) throws(Malformed) -> Int { Int(try integer(index)) }

    @inlinable
    func uscc(_ index: Int) throws(Malformed) -> USCC { try parsed(index) { try? USCC($0) } }

    @inlinable
    func unallocatedBalance() throws(Malformed) -> UnallocatedBalance {
        UnallocatedBalance(
            bondCode: try parsed(0, BondCode.init), reportDate: try date(1), balance: try money(2),
            deposits: try optional(3, money), moneyMarketFunds: try optional(4, money), bonds: try optional(5, money),
            other: try optional(6, money), sourceTitle: try text(7), sourceURL: try optional(8, text),
            revision: try optional(9, count))
    }

    @inlinable
    func useChange() throws(Malformed) -> UseChange {
        UseChange(
            bondCode: try parsed(0, BondCode.init), changeID: try text(1), changeDate: try date(2),
            fromProject: try optional(3, text), fromCategory: try enumeration(4, ProceedsCategory.self),
            toProject: try optional(5, text), toCategory: try enumeration(6, ProceedsCategory.self),
            amount: try money(7), resolution: try optional(8, text), resolutionDate: try optional(9, date),
            reason: try optional(10, text), sourceTitle: try text(11), sourceURL: try optional(12, text))
    }

    @inlinable
    func eligibilityEvidence() throws(Malformed) -> EligibilityEvidence {
        EligibilityEvidence(
            uscc: try uscc(0), title: try enumeration(1, EligibilityEvidence.Title.self),
            certificate: try optional(2, text), certifyingBody: try text(3), policyBasis: try text(4),
            issuedOn: try date(5), expiresOn: try optional(6, date), sourceTitle: try text(7),
            sourceURL: try optional(8, text), revision: try optional(9, count))
    }

    @inlinable
    func issuerFinancials() throws(Malformed) -> IssuerFinancials {
        IssuerFinancials(
            uscc: try uscc(0), year: try count(1), revenue: try money(2), researchSpend: try money(3),
            inventionPatents: try optional(4, count))
    }

    @inlinable
    func issuer() throws(Malformed) -> Issuer {
        Issuer(
            uscc: try uscc(0), name: try text(1), nameEnglish: try optional(2, text),
            sector: try enumeration(3, Sector.self), province: try text(4),
            ownership: try enumeration(5, Ownership.self), listedCode: try optional(6, text))
    }

    @inlinable
    func useOfProceeds() throws(Malformed) -> UseOfProceeds {
        UseOfProceeds(
            bondCode: try parsed(0, BondCode.init), project: try text(1),
            category: try enumeration(2, ProceedsCategory.self), planned: Money(fen: try integer(3)))
    }
}
