import FixedIncome

/// One line of the financing-conditions table: what is measured, how its
/// trend is named, and what each trend implies.
public struct ConditionIndicator: Sendable, Hashable, Codable {
    /// Where the indicator's numbers come from.
    public enum Measure: Sendable, Hashable, Codable {
        /// The gap between two macro series' growth rates, percentage points.
        case gap(broad: String, narrow: String)
        /// A macro series' year-on-year growth, percent.
        case growth(series: String)
        /// A curve's par yield at one tenor, percent, daily.
        case curveYield(curve: String, tenor: Tenor)
    }

    /// `M2–M1 gap`.
    public var name: String
    public var measure: Measure
    public var kind: TrendKind
    /// What each trend class means for issuers, one short clause.
    public var implications: [TrendClass: String]

    public init(name: String, measure: Measure, kind: TrendKind, implications: [TrendClass: String]) {
        self.name = name
        self.measure = measure
        self.kind = kind
        self.implications = implications
    }

    /// The founding briefing's four: the M2–M1 gap, growth of aggregate
    /// financing (TSF) and of loans to technology firms, and the AAA 5-year
    /// corporate yield.
    public static let standard: [ConditionIndicator] = [
        ConditionIndicator(
            name: "M2–M1 gap", measure: .gap(broad: "M2", narrow: "M1"), kind: .gap,
            implications: [
                .narrowAndStable: "Stable liquidity: money is not piling up idle",
                .wideAndStable: "Money stays parked in deposits rather than spent or invested",
                .widening: "Money is turning idle: weaker appetite to invest",
                .narrowing: "Money is turning active: demand for funding is picking up",
            ]),
        ConditionIndicator(
            name: "TSF growth", measure: .growth(series: "TSF_stock"), kind: .growth,
            implications: [
                .accelerating: "Credit expansion is gathering pace",
                .stable: "Steady credit expansion supports issuance",
                .decelerating: "Credit expansion is slowing",
            ]),
        ConditionIndicator(
            name: "Tech-sector loan growth", measure: .growth(series: "tech_loans"), kind: .growth,
            implications: [
                .accelerating: "Credit is being channelled to technology firms",
                .stable: "Lending to technology firms keeps its pace",
                .decelerating: "Lending to technology firms is slowing",
            ]),
        ConditionIndicator(
            name: "AAA 5-year corporate yield", measure: .curveYield(curve: "AAA_corporate", tenor: Tenor("5Y")!),
            kind: .yield,
            implications: [
                .rising: "Financing costs are rising",
                .stable: "Financing costs are steady",
                .gradualDecline: "Lower financing costs for issuers",
                .sharpDecline: "Financing costs are falling fast",
            ]),
    ]
}
