import FixedIncome
import InnobondInsights
import InnobondModel

/// The screener's conditions beyond ``BondFilter``: ranges of the figures of
/// the bond's latest quote, its status and remaining tenor on the day, and
/// the quote's age. Every one is a query parameter, so that a screen is a URL.
struct BondScreen: Sendable, Equatable {
    /// A figure of the latest quote a range can bound: `yield_min=2` keeps
    /// bonds whose yield is at least 2 %.
    enum Measure: String, CaseIterable, Sendable {
        case cleanPrice = "clean_price"
        case yield
        case gSpread = "g_spread"
        case zSpread = "z_spread"
        case duration

        /// The parameter's description, with the unit its bounds are in.
        var description: String {
            switch self {
            case .cleanPrice: return "clean price of the latest quote, per 100 face"
            case .yield: return "yield to maturity of the latest quote, percent"
            case .gSpread: return "G-spread of the latest quote over the CGB curve, basis points"
            case .zSpread: return "Z-spread of the latest quote over the CGB curve, basis points"
            case .duration: return "modified duration at the latest quote, years"
            }
        }

        /// The bounds a parameter may take.
        var range: ClosedRange<Double> {
            switch self {
            case .cleanPrice: return 0...100_000
            case .yield: return -100...1000
            case .gSpread, .zSpread: return -100_000...100_000
            case .duration: return 0...100
            }
        }

        func value(_ figures: LatestValuations.Figures) -> Double? {
            switch self {
            case .cleanPrice: return figures.cleanPrice
            case .yield: return figures.yieldPercent
            case .gSpread: return figures.gSpreadBp
            case .zSpread: return figures.zSpreadBp
            case .duration: return figures.modifiedDuration
            }
        }
    }

    /// Inclusive bounds; either may be open.
    struct Bounds: Sendable, Equatable {
        var min: Double?
        var max: Double?

        func contains(_ value: Double) -> Bool {
            (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
        }
    }

    var bounds: [Measure: Bounds] = [:]
    /// The bond's life on the day; empty for any.
    var statuses: Set<BondLife> = []
    /// The remaining tenor's bucket on the day (outstanding bonds only); empty for any.
    var tenors: Set<TenorBucket> = []
    /// The oldest latest quote kept, in working days of the bond's market.
    var quoteAgeMax: Int?

    /// The most working days `quote_age_max` may name: ten years.
    static let quoteAges = 0...2600

    var isEmpty: Bool { bounds.isEmpty && statuses.isEmpty && tenors.isEmpty && quoteAgeMax == nil }

    /// Whether any condition needs the latest quote.
    var readsQuote: Bool { !bounds.isEmpty || quoteAgeMax != nil }

    /// The parameters of a screen, for the API's routes and the OpenAPI document.
    static let parameters: [APIRoute.Parameter] =
        [
            .init(
                name: "status", kind: .string,
                description: "The bond's life today: outstanding, matured, or not yet issued",
                values: [BondLife.outstanding, .matured, .notYetIssued].map(\.rawValue), list: true),
            .init(
                name: "tenor", kind: .string,
                description: "Remaining tenor today, by bucket (outstanding bonds)",
                values: TenorBucket.allCases.map(\.rawValue), list: true),
            .init(
                name: "quote_age_max", kind: .integer,
                description: "Latest quote at most this many working days old (in the bond's market's calendar)",
                range: Double(quoteAges.lowerBound)...Double(quoteAges.upperBound)),
        ]
        + Measure.allCases.flatMap { measure in
            [("min", "Lowest"), ("max", "Highest")].map { suffix, word in
                APIRoute.Parameter(
                    name: measure.rawValue + "_" + suffix, kind: .number, description: word + " " + measure.description,
                    range: measure.range)
            }
        }

    init() {}

    init(_ query: Query) throws(APIError) {
        for measure in Measure.allCases {
            let low = try query.number(measure.rawValue + "_min", in: measure.range)
            let high = try query.number(measure.rawValue + "_max", in: measure.range)
            if let low, let high, low > high {
                throw .badParameter(measure.rawValue + "_max", "\(high.shortText) is below \(measure.rawValue)_min")
            }
            if low != nil || high != nil { bounds[measure] = Bounds(min: low, max: high) }
        }
        statuses = try query.set("status", expected: "outstanding, matured or not_yet_issued") {
            BondLife(rawValue: $0.lowercased())
        }
        tenors = try query.set("tenor", expected: TenorBucket.allCases.map(\.rawValue).joined(separator: ", ")) {
            text in TenorBucket.allCases.first { $0.rawValue.lowercased() == text.lowercased() || $0.label == text }
        }
        quoteAgeMax = try query.integer("quote_age_max", in: Self.quoteAges)
    }

    /// The screen as query items, in a fixed order.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if !statuses.isEmpty {
            items.append(
                (
                    "status",
                    [BondLife.outstanding, .matured, .notYetIssued].filter(statuses.contains).map(\.rawValue)
                        .joined(separator: ",")
                ))
        }
        if !tenors.isEmpty {
            items.append(("tenor", TenorBucket.allCases.filter(tenors.contains).map(\.rawValue).joined(separator: ",")))
        }
        if let quoteAgeMax { items.append(("quote_age_max", String(quoteAgeMax))) }
        for measure in Measure.allCases {
            if let low = bounds[measure]?.min { items.append((measure.rawValue + "_min", low.shortText)) }
            if let high = bounds[measure]?.max { items.append((measure.rawValue + "_max", high.shortText)) }
        }
        return items
    }
}
