import FixedIncome

/// Where a bond stands in its life on a day.
public enum BondLife: String, Sendable, Hashable, Codable {
    /// Before its issue date.
    case notYetIssued = "not_yet_issued"
    /// From its issue date to the day before it matures.
    case outstanding
    /// On or after its maturity date: repaid, with no live analytics.
    case matured

    public init(_ bond: Bond, on day: CivilDate) {
        if day < bond.issueDate {
            self = .notYetIssued
        } else if day >= bond.maturityDate {
            self = .matured
        } else {
            self = .outstanding
        }
    }
}
