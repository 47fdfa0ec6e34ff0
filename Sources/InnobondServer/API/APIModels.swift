import FixedIncome
import InnobondInsights
import InnobondModel
import InnobondStore

/// The JSON shapes of the API (keys in snake_case on the wire). Money is an
/// integer number of fen (1 yuan = 100 fen) in a member named `..._fen`;
/// rates and yields are percent, spreads basis points.
enum APIModels {
    struct BondItem: SnakeCaseKeyed, Sendable {
        var code: String
        var name: String
        var uscc: String
        var issuerName: String?
        var type: String
        var sciTech: Bool
        var regime: String?
        var market: String
        var issueDate: CivilDate
        var maturityDate: CivilDate
        var amountFen: Int64
        var couponRate: Double
        var frequency: Int
        var dayCount: String
        var rating: String?
        var putDate: CivilDate?
        var couponResetDate: CivilDate?
        var approvalDays: Int?
        // The list's market columns, on its `as_of` day (absent elsewhere).
        var status: BondLife?
        var outstandingFen: Int64?
        var remainingYears: Double?
        var quoteDate: CivilDate?
        var quoteSource: String?
        var quoteAgeDays: Int?
        var quoteStale: Bool?
        var cleanPrice: Double?
        var yield: Double?
        var gSpreadBp: Double?
        var zSpreadBp: Double?
        var modifiedDuration: Double?

        /// The keys as the wire writes them.
        enum CodingKeys: String, CodingKey {
            case code
            case name
            case uscc
            case issuerName = "issuer_name"
            case type
            case sciTech = "sci_tech"
            case regime
            case market
            case issueDate = "issue_date"
            case maturityDate = "maturity_date"
            case amountFen = "amount_fen"
            case couponRate = "coupon_rate"
            case frequency
            case dayCount = "day_count"
            case rating
            case putDate = "put_date"
            case couponResetDate = "coupon_reset_date"
            case approvalDays = "approval_days"
            case status
            case outstandingFen = "outstanding_fen"
            case remainingYears = "remaining_years"
            case quoteDate = "quote_date"
            case quoteSource = "quote_source"
            case quoteAgeDays = "quote_age_days"
            case quoteStale = "quote_stale"
            case cleanPrice = "clean_price"
            case yield
            case gSpreadBp = "g_spread_bp"
            case zSpreadBp = "z_spread_bp"
            case modifiedDuration = "modified_duration"
        }

        init(_ bond: Bond, issuer: Issuer?) {
            code = bond.code.value
            name = bond.name
            uscc = bond.uscc.value
            issuerName = issuer?.name
            type = bond.type.rawValue
            sciTech = bond.sciTech
            regime = bond.regime?.rawValue
            market = bond.market.rawValue
            issueDate = bond.issueDate
            maturityDate = bond.maturityDate
            amountFen = bond.amount.fen
            couponRate = bond.couponRatePercent
            frequency = bond.frequency.rawValue
            dayCount = bond.dayCount.rawValue
            rating = bond.rating?.value
            putDate = bond.putDate
            couponResetDate = bond.couponResetDate
            approvalDays = bond.approvalDays
        }
    }

    /// A bond of a list, with its market columns.
    static func listItem(_ bond: Bond, issuer: Issuer?, market: BondScreener.MarketColumns) -> BondItem {
        var item = BondItem(bond, issuer: issuer)
        item.status = market.status
        item.outstandingFen = market.outstanding.fen
        item.remainingYears = market.remainingYears
        if let figures = market.figures {
            item.quoteDate = figures.quote.date
            item.quoteSource = figures.quote.source
            item.quoteAgeDays = market.quoteAge?.days
            item.quoteStale = market.stale
            item.cleanPrice = figures.cleanPrice
            item.yield = figures.yieldPercent
            item.gSpreadBp = figures.gSpreadBp
            item.zSpreadBp = figures.zSpreadBp
            item.modifiedDuration = figures.modifiedDuration
        }
        return item
    }

    /// A page of the bond list: the items, the facets of its filters, and the
    /// day its statuses, tenors and quote ages are measured at.
    struct BondList: SnakeCaseKeyed, Sendable {
        var items: [BondItem]
        /// Passed back as `cursor` for the next page; absent on the last.
        var nextCursor: String?
        var total: Int
        var asOf: CivilDate
        var facets: BondScreener.Facets

        enum CodingKeys: String, CodingKey {
            case items
            case nextCursor = "next_cursor"
            case total
            case asOf = "as_of"
            case facets
        }
    }

    struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
        var items: [Item]
        /// Passed back as `cursor` for the next page; absent on the last.
        var nextCursor: String?
        var total: Int
    }

    struct Items<Item: Encodable & Sendable>: Encodable, Sendable {
        var items: [Item]
    }

    /// The integrity ranking: how many bonds and issuers were scored, and
    /// the worst of each up to the limit.
    struct IntegrityRanking: Encodable, Sendable {
        var asOf: CivilDate
        /// `then` (rows recorded by `as_of`) or `now`.
        var known: String
        var bonds: Int
        var issuers: Int
        var bondScores: [BondIntegrity]
        var issuerScores: [IssuerIntegrity]
    }

    struct IssuerItem: Encodable, Sendable {
        var uscc: String
        var name: String
        var nameEn: String?
        var sector: String
        var province: String
        var ownership: String
        var listedCode: String?

        init(_ issuer: Issuer) {
            uscc = issuer.uscc.value
            name = issuer.name
            nameEn = issuer.nameEnglish
            sector = issuer.sector.rawValue
            province = issuer.province
            ownership = issuer.ownership.rawValue
            listedCode = issuer.listedCode
        }
    }

    struct FinancialsItem: Encodable, Sendable {
        var year: Int
        var revenueFen: Int64
        var rdSpendFen: Int64
        var rdIntensity: Double?
        var inventionPatents: Int?
    }

    struct IssuerDetail: Encodable, Sendable {
        var issuer: IssuerItem
        var financials: [FinancialsItem]
        var bonds: [BondItem]
    }

    struct UseItem: Encodable, Sendable {
        var project: String
        var category: String
        var sciTech: Bool
        var plannedFen: Int64
    }

    struct QuoteItem: Encodable, Sendable {
        var date: CivilDate
        var cleanPrice: Double?
        var yield: Double?
        var source: String

        init(_ quote: Quote) {
            date = quote.date
            cleanPrice = quote.cleanPrice
            yield = quote.yieldPercent
            source = quote.source
        }
    }

    struct BondDetail: Encodable, Sendable {
        var bond: BondItem
        /// Where the bond stands in its life on `statusOn`: a matured bond's
        /// latest quote is history, not a price to trade on.
        var status: BondLife
        var statusOn: CivilDate
        var issuer: IssuerItem?
        var useOfProceeds: [UseItem]
        var latestQuote: QuoteItem?
    }

    struct Analytics: Encodable, Sendable {
        var code: String
        var settlement: CivilDate
        var convention: String
        var cleanPrice: Double
        var yield: Double
        var accruedInterest: Double
        var dirtyPrice: Double
        var macaulayDuration: Double
        var modifiedDuration: Double
        var convexity: Double
        var dv01: Double
        var gSpreadBp: Double?
        var zSpreadBp: Double?
        var curveDate: CivilDate?
        /// How the government curve behind the spreads was built: `hermite`,
        /// ChinaBond's method, the default of the CLI and the pages too.
        var curveMethod: String?
        var yieldToPut: Double?
        var yieldToWorst: Double?

        /// - Parameter givenYield: the yield the request gave, in percent,
        ///   echoed as given rather than as `(given / 100) · 100`.
        init(code: String, _ valuation: BondValuation, givenYield: Double? = nil) {
            self.code = code
            settlement = valuation.settlement
            convention = valuation.convention.rawValue
            let figures = valuation.figures
            cleanPrice = figures.cleanPrice
            yield = givenYield ?? figures.yield * 100
            accruedInterest = figures.accruedInterest
            dirtyPrice = figures.dirtyPrice
            macaulayDuration = figures.macaulayDuration
            modifiedDuration = figures.modifiedDuration
            convexity = figures.convexity
            dv01 = figures.dv01
            gSpreadBp = valuation.gSpreadBp
            zSpreadBp = valuation.zSpreadBp
            curveDate = valuation.curveDate
            curveMethod = valuation.curveDate == nil ? nil : "hermite"
            yieldToPut = valuation.yieldToPut.map { $0 * 100 }
            // Never above the yield echoed.
            yieldToWorst = valuation.yieldToWorst.map { min($0 * 100, yield) }
        }
    }

    struct CurveItem: Encodable, Sendable {
        var curve: String
        var firstDate: CivilDate
        var lastDate: CivilDate
        var days: Int
    }

    struct CurvePointItem: Encodable, Sendable {
        var tenor: String
        var maturity: CivilDate?
        var yield: Double
        var zeroRate: Double?
        var discountFactor: Double?
    }

    struct CurveDay: Encodable, Sendable {
        var curve: String
        var date: CivilDate
        var method: String
        var points: [CurvePointItem]
    }

    struct SeriesItem: Encodable, Sendable {
        var series: String
        var definitions: [DefinitionSpan]
    }

    struct ObservationItem: Encodable, Sendable {
        var period: String
        var value: Double?
        var yoyPct: Double?
        var unit: String
        var definition: String
        var published: CivilDate
    }

    struct SeriesDetail: Encodable, Sendable {
        var series: String
        var asOf: CivilDate?
        var definitions: [DefinitionSpan]
        var growth: [GrowthPoint]
        var observations: [ObservationItem]
    }

    /// A page of the audit log.
    struct AuditPage: Encodable, Sendable {
        var items: [AuditEntry]
        /// The `after` of the next page; absent on the last.
        var nextAfter: Int64?
    }

    /// The measures that reach a party on a day.
    struct ExposureList: Encodable, Sendable {
        struct Chain: Encodable, Sendable {
            var parties: [String]
            var percent: Double
        }

        struct Item: Encodable, Sendable {
            var measureId: String
            var side: String
            var jurisdiction: String
            var authority: String
            var instrument: String
            var citation: String
            var kind: String
            var standing: String
            var targetId: String
            var targetName: String
            var matchedBy: String
            var direct: Bool
            var ruleId: String?
            var owner: String?
            var ownedPercent: Double?
            var chains: [Chain]
            var source: String
            /// Chinese measures in force that counter the measure (docs/shield.md).
            var counterMeasures: [String]

            init(_ exposure: ShieldRegister.Exposure, on day: CivilDate, register: ShieldRegister) {
                let measure = exposure.measure
                measureId = measure.id
                side = measure.side.rawValue
                jurisdiction = measure.jurisdiction
                authority = measure.authority
                instrument = measure.instrument
                citation = measure.citation
                kind = measure.kind.rawValue
                standing = measure.standing(on: day).rawValue
                targetId = exposure.target.targetID
                targetName = exposure.target.name
                matchedBy = exposure.matchedBy
                direct = exposure.isDirect
                ruleId = exposure.rule?.id
                owner = exposure.owner
                ownedPercent = exposure.ownedPercent
                chains = exposure.chains.map { Chain(parties: $0.parties, percent: $0.percent) }
                source = measure.source
                counterMeasures = register.counterMeasures(to: measure.id, on: day).map(\.id)
            }
        }

        var uscc: String
        var asOf: CivilDate
        var items: [Item]
    }

    struct Health: Encodable, Sendable {
        /// `ok`, or `unavailable` while the store does not answer.
        var status: String
        /// The registry's version, its bonds and the store's location (a
        /// PostgreSQL URL without its password): not told to anonymous
        /// callers of a private server.
        var version: Int64? = nil
        var bonds: Int? = nil
        var store: String? = nil
        /// Since when the store has not answered (UTC), and why.
        var staleSince: String? = nil
        var storeError: String? = nil
    }
}
