import FixedIncome
import InnobondModel

/// The headline counts of the registry: rows per kind, sci-tech issuers and
/// bonds with the amount they raised, by sector and by month of issue.
public struct RegistryStatistics: Sendable, Codable, Equatable {
    /// Sci-tech bonds and the amount they raised in one group.
    public struct Group: Sendable, Codable, Equatable {
        /// The sector (its raw value) or month (`YYYY-MM`).
        public var key: String
        public var bonds: Int
        /// Amount raised, integer fen.
        public var amountFen: Int64
    }

    /// Whether the registry holds the demo data set.
    public var isDemo: Bool
    /// Rows per kind (raw kind names).
    public var counts: [String: Int]
    /// Issuers with at least one sci-tech bond.
    public var sciTechIssuers: Int
    public var sciTechBonds: Int
    /// Total amount issued by sci-tech bonds, integer fen.
    public var sciTechAmountFen: Int64
    /// Sci-tech bonds by issuer sector, largest amount first.
    public var bySector: [Group]
    /// Sci-tech bonds by month of issue, in time order.
    public var byMonth: [Group]

    public init(_ snapshot: RegistrySnapshot) {
        isDemo = snapshot.isDemo
        counts = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0.rawValue, snapshot.counts[$0] ?? 0) })
        let sciTech = snapshot.bonds.filter(\.sciTech)
        sciTechBonds = sciTech.count
        sciTechIssuers = Set(sciTech.map(\.uscc)).count
        let totalFen = sciTech.reduce(Int64(0)) { $0.addingClamped($1.amount.fen) }
        sciTechAmountFen = totalFen

        func groups(_ key: (Bond) -> String) -> [Group] {
            var fen: [String: Int64] = [:]
            var counts: [String: Int] = [:]
            for bond in sciTech {
                fen[key(bond), default: 0].addClamped(bond.amount.fen)
                counts[key(bond), default: 0] += 1
            }
            return fen.map { Group(key: $0.key, bonds: counts[$0.key]!, amountFen: $0.value) }
        }
        let sectors = snapshot.issuersByCode
        bySector = groups { sectors[$0.uscc]?.sector.rawValue ?? "unknown" }
            .sorted { ($0.amountFen, $1.key) > ($1.amountFen, $0.key) }
        byMonth = groups { String($0.issueDate.iso8601.prefix(7)) }.sorted { $0.key < $1.key }
    }
}
