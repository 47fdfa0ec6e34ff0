import FixedIncome
import InnobondModel

/// The registry's issuers that foreign measures reach on a day, directly or
/// through their owners, with their sci-tech bonds outstanding that day:
/// the overview's and the briefing's figure of the legal shield.
public struct ShieldOverview: Sendable {
    /// An issuer foreign measures reach.
    public struct Reached: Sendable {
        public var issuer: Issuer
        /// The foreign measures that reach it, and how.
        public var exposures: [ShieldRegister.Exposure]
        /// Its sci-tech bonds outstanding on the day.
        public var bonds: [Bond]
        /// Their amount, fen.
        public var amountFen: Int64
        /// Whether a measure names the issuer itself (else only through owners).
        public var isNamed: Bool { exposures.contains(where: \.isDirect) }
    }

    public var day: CivilDate
    /// By sci-tech amount outstanding, largest first, then by code.
    public var reached: [Reached]
    /// Sci-tech bonds outstanding from the reached issuers.
    public var bondCount: Int
    /// Their amount, fen.
    public var amountFen: Int64
    /// Foreign measures in force on the day.
    public var measuresInForce: Int

    /// - Parameters:
    ///   - register: the legal shield of the snapshot.
    ///   - snapshot: the issuers and bonds.
    ///   - day: the day asked about.
    public init(register: ShieldRegister, snapshot: RegistrySnapshot, on day: CivilDate) {
        self.day = day
        var bondsByIssuer: [USCC: [Bond]] = [:]
        for bond in snapshot.bonds where bond.sciTech && BondLife(bond, on: day) == .outstanding {
            bondsByIssuer[bond.uscc, default: []].append(bond)
        }
        reached = snapshot.issuers.compactMap { issuer in
            let exposures = register.exposure(of: register.party(issuer), on: day).filter {
                $0.measure.side == .foreign
            }
            guard !exposures.isEmpty else { return nil }
            let bonds = (bondsByIssuer[issuer.uscc] ?? []).sorted { $0.code.value < $1.code.value }
            return Reached(
                issuer: issuer, exposures: exposures, bonds: bonds,
                amountFen: bonds.reduce(0) { $0.addingClamped($1.amount.fen) })
        }
        .sorted { ($0.amountFen, $1.issuer.uscc) > ($1.amountFen, $0.issuer.uscc) }
        bondCount = reached.reduce(0) { $0 + $1.bonds.count }
        amountFen = reached.reduce(0) { $0.addingClamped($1.amountFen) }
        measuresInForce = register.measures.filter { $0.side == .foreign && $0.standing(on: day) == .inForce }.count
    }
}
