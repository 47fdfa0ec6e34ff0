import FixedIncome

/// The registry at one moment, in memory and immutable: everything but the
/// daily quotes, which are read from the store by bond and date range.
///
/// Analyses are plain functions over a snapshot; a store loads a new one
/// after each write.
public struct RegistrySnapshot: Sendable {
    /// Whether the registry holds the built-in demo data set.
    public var isDemo: Bool
    public let issuers: [Issuer]
    public var financials: [IssuerFinancials]
    public let bonds: [Bond]
    public var proceeds: [UseOfProceeds]
    public var curvePoints: [CurvePoint]
    public var macro: [MacroObservation]
    public var investments: [SectorInvestment]
    /// Rows of each kind in the store, quotes included.
    public var counts: [RecordKind: Int]
    /// The rows of every kind the snapshot holds, by kind: the typed
    /// properties above, and ``records(_:)`` for any kind.
    public let tables: RecordTables

    /// Issuers by code.
    public let issuersByCode: [USCC: Issuer]
    /// Each bond's position in ``bonds``, by code: `nil` when the bonds are
    /// in strictly ascending code order (as stores read them), where a
    /// binary search finds a code without a table of a million entries.
    private let bondPositions: [BondCode: Int]?

    /// The snapshot of the rows of `tables`.
    public init(isDemo: Bool, tables: RecordTables, counts: [RecordKind: Int]) {
        self.init(
            isDemo: isDemo, issuers: tables.records(Issuer.self), financials: tables.records(IssuerFinancials.self),
            bonds: tables.records(Bond.self), proceeds: tables.records(UseOfProceeds.self),
            curvePoints: tables.records(CurvePoint.self), macro: tables.records(MacroObservation.self),
            investments: tables.records(SectorInvestment.self), counts: counts, tables: tables)
    }

    public init(
        isDemo: Bool, issuers: [Issuer], financials: [IssuerFinancials], bonds: [Bond], proceeds: [UseOfProceeds],
        curvePoints: [CurvePoint], macro: [MacroObservation], investments: [SectorInvestment],
        counts: [RecordKind: Int], tables: RecordTables = RecordTables()
    ) {
        var tables = tables
        tables.set(issuers)
        tables.set(financials)
        tables.set(bonds)
        tables.set(proceeds)
        tables.set(curvePoints)
        tables.set(macro)
        tables.set(investments)
        self.tables = tables
        self.isDemo = isDemo
        self.issuers = issuers
        self.financials = financials
        self.bonds = bonds
        self.proceeds = proceeds
        self.curvePoints = curvePoints
        self.macro = macro
        self.investments = investments
        self.counts = counts
        issuersByCode = Dictionary(issuers.map { ($0.uscc, $0) }, uniquingKeysWith: { first, _ in first })
        if bonds.indices.dropFirst().allSatisfy({ bonds[$0 - 1].code < bonds[$0].code }) {
            bondPositions = nil
        } else {
            var positions: [BondCode: Int] = [:]
            positions.reserveCapacity(bonds.count)
            for index in bonds.indices where positions[bonds[index].code] == nil {
                positions[bonds[index].code] = index
            }
            bondPositions = positions
        }
    }

    /// This snapshot with the rows and counts of `kinds` taken from
    /// `partial` (a load of those kinds alone), and its demo mark. What the
    /// snapshot derives from bonds and issuers is built again only when
    /// they are among the kinds.
    public func replacing(_ kinds: Set<RecordKind>, from partial: RegistrySnapshot) -> RegistrySnapshot {
        var counts = counts
        for kind in kinds { counts[kind] = partial.counts[kind] ?? 0 }
        let rows = kinds.filter(\.declaration.inSnapshot)
        guard !rows.isEmpty else {
            var copy = self
            copy.counts = counts
            copy.isDemo = partial.isDemo
            return copy
        }
        var tables = tables
        tables.replace(rows, from: partial.tables)
        return RegistrySnapshot(isDemo: partial.isDemo, tables: tables, counts: counts)
    }

    /// The rows of a kind the snapshot holds.
    public func records<Record: RegistryRecord>(_ type: Record.Type) -> [Record] { tables.records(type) }

    /// Whether ``bonds`` are in strictly ascending code order, as stores read them.
    public var bondsAreInCodeOrder: Bool { bondPositions == nil }

    /// Ascending positions in ``bonds`` put in their bonds' code order
    /// (as they are when the bonds are in code order).
    public func inCodeOrder(_ positions: [Int]) -> [Int] {
        bondsAreInCodeOrder ? positions : positions.sorted { bonds[$0].code < bonds[$1].code }
    }

    /// The bond with a code.
    public func bond(_ code: BondCode) -> Bond? { position(of: code).map { bonds[$0] } }

    /// The position in ``bonds`` of the bond with a code (the first, if
    /// several have it).
    public func position(of code: BondCode) -> Int? {
        if let bondPositions { return bondPositions[code] }
        var (low, high) = (0, bonds.count)
        while low < high {
            let middle = (low + high) / 2
            if bonds[middle].code < code { low = middle + 1 } else { high = middle }
        }
        return low < bonds.count && bonds[low].code == code ? low : nil
    }

    /// An empty registry.
    public static let empty = RegistrySnapshot(
        isDemo: false, issuers: [], financials: [], bonds: [], proceeds: [], curvePoints: [], macro: [],
        investments: [], counts: [:])
}

/// The rows of several kinds, each kept as an array of its own record type.
public struct RecordTables: Sendable {
    private var storage: [RecordKind: any Sendable] = [:]

    public init() {}

    /// The rows of a kind (none when not held).
    public func records<Record: RegistryRecord>(_ type: Record.Type) -> [Record] {
        storage[Record.kind] as? [Record] ?? []
    }

    /// Sets the rows of their kind.
    public mutating func set<Record: RegistryRecord>(_ records: [Record]) {
        storage[Record.kind] = records
    }

    /// The rows of `kinds` as `other` holds them (none, where it holds none).
    public mutating func replace(_ kinds: Set<RecordKind>, from other: RecordTables) {
        for kind in kinds { storage[kind] = other.storage[kind] }
    }

    /// Adds the kinds `other` holds, which replace those held here.
    public mutating func merge(_ other: RecordTables) {
        storage.merge(other.storage) { _, theirs in theirs }
    }
}
