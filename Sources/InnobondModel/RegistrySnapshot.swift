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

    /// Issuers by code.
    public let issuersByCode: [USCC: Issuer]
    /// Each bond's position in ``bonds``, by code.
    private let bondPositions: [BondCode: Int]

    public init(
        isDemo: Bool, issuers: [Issuer], financials: [IssuerFinancials], bonds: [Bond], proceeds: [UseOfProceeds],
        curvePoints: [CurvePoint], macro: [MacroObservation], investments: [SectorInvestment],
        counts: [RecordKind: Int]
    ) {
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
        var positions: [BondCode: Int] = [:]
        positions.reserveCapacity(bonds.count)
        for index in bonds.indices where positions[bonds[index].code] == nil { positions[bonds[index].code] = index }
        bondPositions = positions
    }

    /// The bond with a code.
    public func bond(_ code: BondCode) -> Bond? { bondPositions[code].map { bonds[$0] } }

    /// An empty registry.
    public static let empty = RegistrySnapshot(
        isDemo: false, issuers: [], financials: [], bonds: [], proceeds: [], curvePoints: [], macro: [],
        investments: [], counts: [:])
}
