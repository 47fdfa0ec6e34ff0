import InnobondModel

/// Net fen by proceeds category, held inline: a ledger keeps one of these at
/// each report date, so a timeline of a hundred thousand bonds builds no
/// dictionaries.
public struct CategoryAmounts: Sendable, Hashable {
    /// A set of categories, one bit each.
    public struct Categories: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16

        public init(rawValue: UInt16) {
            self.rawValue = rawValue
        }

        public init(_ categories: some Sequence<ProceedsCategory>) {
            rawValue = categories.reduce(0) { $0 | 1 << $1.position }
        }

        /// The categories that count towards the sci-tech share.
        public static let sciTech = Categories(ProceedsCategory.allCases.filter(\.isSciTech))

        public func contains(_ category: ProceedsCategory) -> Bool { rawValue & 1 << category.position != 0 }
    }

    private var fen = InlineArray<9, Int64>(repeating: 0)
    /// The categories any entry so far named, even when their net is 0.
    public private(set) var named: Categories = []

    public init() {}

    /// The net fen of `category`.
    public subscript(category: ProceedsCategory) -> Int64 { fen[category.position] }

    /// Adds `amount` fen (negative for a reversal) to `category`.
    public mutating func add(_ amount: Int64, to category: ProceedsCategory) {
        fen[category.position] += amount
        named.insert(Categories(rawValue: 1 << category.position))
    }

    /// All categories together, fen.
    public var total: Int64 { sum(of: Categories(rawValue: .max)) }

    /// The fen of the categories in `categories`.
    public func sum(of categories: Categories) -> Int64 {
        var sum: Int64 = 0
        for index in fen.indices where categories.rawValue & 1 << index != 0 { sum += fen[index] }
        return sum
    }

    /// The named categories' fen, by category.
    public var byCategory: [ProceedsCategory: Int64] {
        var amounts: [ProceedsCategory: Int64] = [:]
        for category in ProceedsCategory.allCases where named.contains(category) { amounts[category] = self[category] }
        return amounts
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.named == right.named && left.fen.indices.allSatisfy { left.fen[$0] == right.fen[$0] }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(named)
        for index in fen.indices { hasher.combine(fen[index]) }
    }
}

extension ProceedsCategory {
    /// The category's place among the nine, for ``CategoryAmounts``.
    fileprivate var position: Int {
        switch self {
        case .rd: return 0
        case .capacity: return 1
        case .mna: return 2
        case .equityInvestment: return 3
        case .sciTechFund: return 4
        case .parkInfrastructure: return 5
        case .refinancing: return 6
        case .workingCapital: return 7
        case .other: return 8
        }
    }
}
