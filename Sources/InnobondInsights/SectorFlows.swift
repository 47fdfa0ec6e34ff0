import InnobondModel

/// Investment into technology sectors: each sector's amount in a year and
/// the year before, its growth and its share of the year's total, from one
/// source.
public struct SectorFlows: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var sector: String
        /// USD bn in the year before; `nil` when not reported.
        public var previous: Double?
        /// USD bn in the year.
        public var current: Double?
        /// `current / previous − 1` (0.51 is +51 %); `nil` without both or with `previous` 0.
        public var growth: Double?
        /// Share of the year's total, 0...1.
        public var share: Double?
    }

    public var source: String
    public var year: Int
    public var rows: [Row]
    /// The sectors reported in both years, summed.
    public var total: Row

    /// The latest year of `source` (or the source with most figures) that
    /// has a year before it, or a chosen `year`; `nil` when there is none.
    public init?(_ investments: [SectorInvestment], source: String? = nil, year: Int? = nil) {
        let sources = Dictionary(grouping: investments, by: \.source)
        guard
            let chosen = source
                ?? sources.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) })?.key,
            let rows = sources[chosen]
        else { return nil }
        let years = Set(rows.map(\.year))
        guard let year = year ?? years.filter({ years.contains($0 - 1) }).max(), years.contains(year) else {
            return nil
        }
        self.source = chosen
        self.year = year
        let current = Dictionary(rows.filter { $0.year == year }.map { ($0.sector, $0.amountUSDBillions) }) { a, _ in a
        }
        let previous = Dictionary(rows.filter { $0.year == year - 1 }.map { ($0.sector, $0.amountUSDBillions) }) {
            a, _ in a
        }
        let totalCurrent = current.values.reduce(0, +)
        let sectors = Set(current.keys).union(previous.keys).sorted {
            (current[$0] ?? 0, $1) > (current[$1] ?? 0, $0)
        }
        self.rows = sectors.map { sector in
            Self.row(sector, previous: previous[sector], current: current[sector], total: totalCurrent)
        }
        let both = sectors.filter { current[$0] != nil && previous[$0] != nil }
        total = Self.row(
            "Total", previous: both.reduce(0) { $0 + previous[$1]! }, current: both.reduce(0) { $0 + current[$1]! },
            total: totalCurrent)
    }

    private static func row(_ sector: String, previous: Double?, current: Double?, total: Double) -> Row {
        var growth: Double?
        if let previous, let current, previous > 0 { growth = current / previous - 1 }
        return Row(
            sector: sector, previous: previous, current: current, growth: growth,
            share: current.map { total > 0 ? $0 / total : 0 })
    }
}
