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
        self.init(issueDay: bond.issueDate.dayNumber, maturityDay: bond.maturityDate.dayNumber, on: day.dayNumber)
    }

    /// The life of a bond issued and maturing on these days, all day numbers.
    public init(issueDay: Int, maturityDay: Int, on day: Int) {
        if day < issueDay {
            self = .notYetIssued
        } else if day >= maturityDay {
            self = .matured
        } else {
            self = .outstanding
        }
    }
}
