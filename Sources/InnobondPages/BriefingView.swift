import FixedIncome
import InnobondInsights
import InnobondModel

/// A briefing as its templates print it: every number already formatted.
public struct BriefingView: Sendable {
    public struct FigureView: Sendable {
        var name: String
        var text: String
        var source: String
    }

    public struct TakeawayView: Sendable {
        var text: String
        var figures: [FigureView]
        var hasFigures: Bool

        public init(_ takeaway: Takeaway) {
            text = takeaway.text
            figures = takeaway.figures.map { FigureView(name: $0.name, text: $0.text, source: $0.source) }
            hasFigures = !figures.isEmpty
        }
    }

    public struct ChartView: Sendable {
        var title: String
        var svg: String
    }

    public struct ConditionRow: Sendable {
        var indicator: String
        var yearAverage: String
        var quarterAverage: String
        var trend: String
        var implication: String
        var source: String

        /// A row of the table as printed: yields to 2 decimals, the rest to 1.
        public init(_ row: FinancingConditions.Row) {
            indicator = row.indicator + (row.unit == "pp" ? " (pp)" : " (%)")
            yearAverage = FinancingConditions.cell(row.yearAverage, kind: row.kind)
            quarterAverage = FinancingConditions.cell(row.quarterAverage, kind: row.kind)
            trend = row.trend?.trendClass.rawValue ?? "not enough data"
            implication = row.implication
            source = row.source
        }
    }

    public struct GroupRow: Sendable {
        var label: String
        var bonds: String
        var issuers: String
        var amount: String
        var share: String
    }

    public struct GroupTable: Sendable {
        var title: String
        var heading: String
        var rows: [GroupRow]
    }

    public struct LeagueRow: Sendable {
        var rank: Int
        var name: String
        /// The issuer's page, when the briefing is served.
        var href: String?
        var uscc: String
        var bonds: String
        var amount: String
        var share: String
    }

    public struct ComparisonRow: Sendable {
        var measure: String
        var sciTech: String
        var conventional: String
    }

    public struct SectorRow: Sendable {
        var sector: String
        var previous: String
        var current: String
        var growth: String
        var share: String
    }

    public struct RiskView: Sendable {
        var title: String
        var takeaway: TakeawayView
        /// The first codes and how many more, as text (Markdown, files).
        var codes: String
        var hasCodes: Bool
        /// The first codes, each with its page when the briefing is served.
        var codeLinks: [CodeLink]
        /// The page listing every code, when there are more than shown.
        var moreHref: String?
        var moreCount: Int
        var hasMore: Bool
    }

    /// A bond's or an issuer's code, with its page, and what follows it.
    public struct CodeLink: Sendable {
        var code: String
        var href: String?
        var separator: String
    }

    /// Codes shown before "and N more".
    static let codesShown = 12

    var title: String
    var period: String
    var asOf: String?
    var isDemo: Bool
    var demoNotice: String
    var headline: [TakeawayView]
    var yearLabel: String
    var quarterLabel: String
    var conditionRows: [ConditionRow]
    var conditionTakeaways: [TakeawayView]
    var conditionCharts: [ChartView]
    var issuanceTakeaways: [TakeawayView]
    var issuanceCharts: [ChartView]
    var issuanceSummary: [ComparisonRow]
    var groupTables: [GroupTable]
    var league: [LeagueRow]
    var hasIssuance: Bool
    var advantageRows: [ComparisonRow]
    var advantagePairs: String
    var advantageDifference: String
    var advantageInterval: String
    var advantageConclusion: String
    var advantageTakeaways: [TakeawayView]
    var hasSectorFlows: Bool
    var sectorYear: String
    var sectorPreviousYear: String
    var sectorSource: String
    var sectorRows: [SectorRow]
    var sectorTotal: SectorRow?
    var sectorTakeaways: [TakeawayView]
    var sectorCharts: [ChartView]
    var risks: [RiskView]
    var integrityTakeaways: [TakeawayView]
    var shieldTakeaways: [TakeawayView]
    var hasRisks: Bool
    var missing: [String]
    var hasMissing: Bool
    var methods: [String]

    /// - Parameter links: the path and query of the briefing's period, when
    ///   a server renders it: codes and issuers then link to their pages,
    ///   "and N more" to the list of all of a flag's codes.
    public init(_ briefing: Briefing, links: (query: String, flagPath: String)? = nil) {
        title = briefing.title
        period = briefing.period.description
        asOf = briefing.asOf?.iso8601
        isDemo = briefing.isDemo
        demoNotice = Briefing.demoNotice
        headline = briefing.headline.map(TakeawayView.init)
        let conditions = briefing.conditions
        yearLabel = conditions.yearLabel
        quarterLabel = conditions.quarterLabel
        conditionRows = conditions.rows.map(ConditionRow.init)
        conditionTakeaways = briefing.conditionsSection.takeaways.map(TakeawayView.init)
        conditionCharts = briefing.conditionsSection.charts.map(Self.chart)
        issuanceTakeaways = briefing.issuanceSection.takeaways.map(TakeawayView.init)
        issuanceCharts = briefing.issuanceSection.charts.map(Self.chart)
        let issuance = briefing.issuance
        let all = briefing.allIssuance
        issuanceSummary = [
            ComparisonRow(
                measure: "Bonds", sciTech: NumberText.group(Int64(issuance.bonds)),
                conventional: NumberText.group(Int64(all.bonds))),
            ComparisonRow(
                measure: "Issuers", sciTech: NumberText.group(Int64(issuance.issuers)),
                conventional: NumberText.group(Int64(all.issuers))),
            ComparisonRow(
                measure: "Amount (RMB bn)", sciTech: Self.billions(issuance.amountFen),
                conventional: Self.billions(all.amountFen)),
            ComparisonRow(
                measure: "Average tenor (years)", sciTech: Self.optional(issuance.tenorYears?.mean, 2),
                conventional: Self.optional(all.tenorYears?.mean, 2)),
            ComparisonRow(
                measure: "Median tenor (years)", sciTech: Self.optional(issuance.tenorYears?.median, 2),
                conventional: Self.optional(all.tenorYears?.median, 2)),
            ComparisonRow(
                measure: "Average coupon (%)", sciTech: Self.optional(issuance.couponPercent?.mean, 2),
                conventional: Self.optional(all.couponPercent?.mean, 2)),
            ComparisonRow(
                measure: "Median coupon (%)", sciTech: Self.optional(issuance.couponPercent?.median, 2),
                conventional: Self.optional(all.couponPercent?.median, 2)),
        ]
        groupTables = [
            GroupTable(title: "By issuer sector", heading: "Sector", rows: issuance.bySector.map(Self.group)),
            GroupTable(title: "By tenor", heading: "Tenor", rows: issuance.byTenor.map(Self.group)),
            GroupTable(title: "By rating", heading: "Rating", rows: issuance.byRating.map(Self.group)),
            GroupTable(title: "By market", heading: "Market", rows: issuance.byMarket.map(Self.group)),
            GroupTable(title: "By issuer type", heading: "Ownership", rows: issuance.byIssuerType.map(Self.group)),
        ]
        league = issuance.league.enumerated().map { index, entry in
            LeagueRow(
                rank: index + 1, name: entry.name, href: links.map { _ in "/issuers/\(entry.uscc)" }, uscc: entry.uscc,
                bonds: NumberText.group(Int64(entry.bonds)),
                amount: Self.billions(entry.amountFen), share: NumberText.fixed(entry.share * 100, 1))
        }
        hasIssuance = issuance.bonds > 0

        let advantage = briefing.advantage
        advantageRows = [
            ComparisonRow(
                measure: "Bonds", sciTech: NumberText.group(Int64(advantage.sciTech.bonds)),
                conventional: NumberText.group(Int64(advantage.conventional.bonds))),
            ComparisonRow(
                measure: "Average coupon (%)", sciTech: Self.optional(advantage.sciTech.couponPercent?.mean, 2),
                conventional: Self.optional(advantage.conventional.couponPercent?.mean, 2)),
            ComparisonRow(
                measure: "Average tenor (years)", sciTech: Self.optional(advantage.sciTech.tenorYears?.mean, 2),
                conventional: Self.optional(advantage.conventional.tenorYears?.mean, 2)),
            ComparisonRow(
                measure: "Average issue spread over CGB (bp)",
                sciTech: Self.optional(advantage.sciTech.issueSpreadBp?.mean, 0),
                conventional: Self.optional(advantage.conventional.issueSpreadBp?.mean, 0)),
        ]
        advantagePairs = NumberText.group(Int64(advantage.pairs.count))
        advantageDifference = Self.optional(advantage.couponDifferenceBp?.mean, 1)
        advantageInterval =
            advantage.confidenceInterval95Bp.map {
                "\(NumberText.fixed($0.lowerBound, 1)) to \(NumberText.fixed($0.upperBound, 1))"
            } ?? "–"
        switch advantage.conclusion {
        case .tooFewPairs: advantageConclusion = "too few matched pairs to conclude"
        case .cheaper: advantageConclusion = "sci-tech bonds borrow cheaper"
        case .dearer: advantageConclusion = "sci-tech bonds borrow dearer"
        case .noSignificantDifference: advantageConclusion = "no significant difference"
        }
        advantageTakeaways = briefing.advantageSection.takeaways.map(TakeawayView.init)

        if let flows = briefing.sectorFlows {
            hasSectorFlows = true
            sectorYear = String(flows.year)
            sectorPreviousYear = String(flows.year - 1)
            sectorSource = flows.source
            sectorRows = flows.rows.map(Self.sector)
            sectorTotal = Self.sector(flows.total)
        } else {
            hasSectorFlows = false
            sectorYear = ""
            sectorPreviousYear = ""
            sectorSource = ""
            sectorRows = []
            sectorTotal = nil
        }
        sectorTakeaways = briefing.sectorSection.takeaways.map(TakeawayView.init)
        integrityTakeaways = briefing.integritySection.takeaways.map(TakeawayView.init)
        shieldTakeaways = briefing.shieldSection.takeaways.map(TakeawayView.init)
        sectorCharts = briefing.sectorSection.charts.map(Self.chart)
        risks = briefing.risks.map { flag in
            let first = flag.codes.prefix(Self.codesShown)
            let shown = first.joined(separator: ", ")
            let more = flag.codes.count - first.count
            return RiskView(
                title: flag.title, takeaway: TakeawayView(flag.takeaway),
                codes: more > 0 ? shown + " and \(more) more" : shown, hasCodes: !flag.codes.isEmpty,
                codeLinks: first.enumerated().map { index, code in
                    CodeLink(
                        code: code, href: links.map { _ in Self.page(of: code) },
                        separator: index == first.count - 1 ? "" : ", ")
                },
                moreHref: links.flatMap { more > 0 ? "\($0.flagPath)/\(flag.id)?\($0.query)" : nil }, moreCount: more,
                hasMore: more > 0)
        }
        hasRisks = !risks.isEmpty
        missing = briefing.missing
        hasMissing = !missing.isEmpty
        methods = briefing.methods
    }

    /// The page of a bond's code, else of an issuer's credit code.
    public static func page(of code: String) -> String {
        BondCode(code) != nil ? "/bonds/\(code)" : "/issuers/\(code)"
    }

    static func chart(_ chart: Chart) -> ChartView { ChartView(title: chart.title, svg: chart.svg()) }

    static func billions(_ fen: Int64) -> String { NumberText.fixed(Double(fen) / 1e11, 1, grouped: true) }

    static func optional(_ value: Double?, _ places: Int) -> String {
        value.map { NumberText.fixed($0, places) } ?? "–"
    }

    static func group(_ group: IssuanceStatistics.Group) -> GroupRow {
        GroupRow(
            label: group.label, bonds: NumberText.group(Int64(group.bonds)),
            issuers: NumberText.group(Int64(group.issuers)), amount: billions(group.amountFen),
            share: NumberText.fixed(group.share * 100, 1))
    }

    static func sector(_ row: SectorFlows.Row) -> SectorRow {
        SectorRow(
            sector: row.sector, previous: optional(row.previous, 1), current: optional(row.current, 1),
            growth: row.growth.map { NumberText.signed($0 * 100, 0) + " %" } ?? "–",
            share: row.share.map { NumberText.fixed($0 * 100, 1) + " %" } ?? "–")
    }
}
