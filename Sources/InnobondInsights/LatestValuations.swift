import FixedIncome
import InnobondModel

/// Each bond's latest quote valued at its own date, against the CGB curve
/// of that date: the market columns a screener lists and filters on.
/// Built once a registry version.
public struct LatestValuations: Sendable {
    /// One bond's latest quote and what it values to.
    public struct Figures: Sendable {
        public var quote: Quote
        /// Clean price per 100 face; `nil` when the quote cannot be priced.
        public var cleanPrice: Double?
        /// Yield to maturity, percent.
        public var yieldPercent: Double?
        /// Over the CGB curve of the quote's date, basis points.
        public var gSpreadBp: Double?
        public var zSpreadBp: Double?
        /// Modified duration, years.
        public var modifiedDuration: Double?
    }

    private let byCode: [BondCode: Figures]

    /// Values the latest quote of each bond (one quote a bond, ``Quote/latest(_:)``).
    ///
    /// - Parameter previous: valuations of the same bonds and curves: a
    ///   quote that has not changed keeps its figures rather than being valued again.
    public init(
        snapshot: RegistrySnapshot, latestQuotes: [Quote], curves: CurveLibrary, governmentCurve: String = "CGB",
        reusing previous: LatestValuations? = nil
    ) {
        func value(_ quotes: ArraySlice<Quote>) -> [Figures] {
            // The curve of a day, built once for the bonds quoted that day.
            var governments: [CivilDate: BondValuation.GovernmentCurve?] = [:]
            return quotes.map { quote in
                if let kept = previous?.byCode[quote.bondCode], kept.quote == quote { return kept }
                var figures = Figures(quote: quote)
                guard let bond = snapshot.bond(quote.bondCode),
                    let given = quote.cleanPrice.map(BondQuote.cleanPrice)
                        ?? quote.yieldPercent.map({ .yield($0 / 100) })
                else { return figures }
                let government =
                    governments[quote.date]
                    ?? {
                        let built = curves.day(governmentCurve, on: quote.date).map {
                            BondValuation.GovernmentCurve(day: $0, curves: curves)
                        }
                        governments[quote.date] = built
                        return built
                    }()
                guard
                    let valuation = try? BondValuation(
                        bond: bond, settlement: quote.date, quote: given, government: government, priceYieldSteps: 0)
                else { return figures }
                figures.cleanPrice = valuation.figures.cleanPrice
                // A yield quoted alone is shown as quoted, not as (quoted / 100) · 100.
                figures.yieldPercent = quote.cleanPrice == nil ? quote.yieldPercent : valuation.figures.yield * 100
                figures.gSpreadBp = valuation.gSpreadBp
                figures.zSpreadBp = valuation.zSpreadBp
                figures.modifiedDuration = valuation.figures.modifiedDuration
                return figures
            }
        }
        let half = latestQuotes.count / 2
        let (first, second) = Parallel.both(
            { value(latestQuotes[..<half]) }, { value(latestQuotes[half...]) })
        var byCode: [BondCode: Figures] = [:]
        byCode.reserveCapacity(latestQuotes.count)
        for figures in first { byCode[figures.quote.bondCode] = figures }
        for figures in second { byCode[figures.quote.bondCode] = figures }
        self.byCode = byCode
    }

    /// No quotes.
    public init() { byCode = [:] }

    /// The figures of a bond's latest quote, when it has one.
    public subscript(code: BondCode) -> Figures? { byCode[code] }

    /// The figures of every quoted bond, in no order.
    public var all: Dictionary<BondCode, Figures>.Values { byCode.values }

    /// How many bonds have a quote.
    public var count: Int { byCode.count }
}
