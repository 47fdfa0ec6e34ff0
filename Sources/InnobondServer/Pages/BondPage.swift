import FixedIncome
import InnobondInsights
import InnobondModel

/// `/bonds/CODE`: terms, issuer, committed use of proceeds, cash flows, the
/// latest quote with its analytics and spreads, the price–yield chart and
/// the quote history.
struct BondPage: Sendable {
    struct Term: Sendable {
        var label: String
        var value: String
    }

    struct Use: Sendable {
        var project: String
        var category: String
        var sciTech: Bool
        var amount: String
        var share: String
    }

    struct FlowRow: Sendable {
        var date: String
        var coupon: String
        var principal: String
        var past: Bool
    }

    var layout: Layout
    var code: String
    var name: String
    var issuer: String
    var issuerHref: String
    var sciTech: Bool
    var terms: [Term]
    var uses: [Use]
    var hasUses: Bool
    var committedText: String
    var flows: [FlowRow]
    /// "Latest quote", or for a matured bond "Last quote (historical)".
    var quoteTitle: String
    var quoteText: String?
    var figures: [Term]
    var valuationError: String?
    var charts: [String]
    var apiHref: String
    /// Every quote of the bond, in the registry's import format.
    var quotesHref: String
    /// The use-of-proceeds ledger and integrity findings, for a sci-tech bond.
    var ledger: LedgerSection?
    /// The form that prices the bond at another date, price or yield.
    var pricing: PricingSection
    /// The measures that reach its issuer today.
    var shield: ShieldSection?

    /// The page on `today`: a matured bond shows its last quote as history,
    /// without live analytics; a quote more than `staleAfter` working days
    /// old (in the bond's market) is marked stale.
    init(
        current: RegistryState.Current, bond: Bond, quotes: [Quote], ledger: LedgerView? = nil, today: CivilDate,
        staleAfter: Int, calendarData: WorkingDayCalendarData, pricing: PricingRequest = PricingRequest()
    ) {
        self.pricing = PricingSection(bond: bond, request: pricing, current: current)
        self.ledger = ledger.map { LedgerSection($0, isDemo: current.snapshot.isDemo) }
        layout = Layout(bond.name, section: .bonds, current: current)
        let snapshot = current.snapshot
        let issuer = snapshot.issuersByCode[bond.uscc]
        code = bond.code.value
        name = bond.name
        self.issuer = issuer?.name ?? bond.uscc.value
        shield = issuer.map { ShieldSection(current: current, issuer: $0, day: today) }
        issuerHref = "/issuers/" + bond.uscc.value
        sciTech = bond.sciTech
        apiHref = "/api/v1/bonds/" + bond.code.value
        quotesHref = "/bonds/" + bond.code.value + "/quotes.csv"
        terms = [
            Term(label: "Code", value: bond.code.value),
            Term(
                label: "Market",
                value: bond.market.label + " (" + bond.market.convention.rawValue + " rules)"),
            Term(label: "Type", value: bond.type.label),
            Term(
                label: "Sci-tech innovation bond",
                value: bond.sciTech ? "yes" + (bond.regime.map { ", " + $0.label } ?? "") : "no"),
            Term(label: "Issued", value: bond.issueDate.iso8601),
            Term(label: "Maturity", value: bond.maturityDate.iso8601),
            Term(label: "Status", value: Self.status(bond, today: today)),
            Term(label: "Amount", value: "RMB " + Format.millions(bond.amount.fen) + " m"),
            Term(label: "Coupon", value: NumberText.fixed(bond.couponRatePercent, 2) + " %"),
            Term(
                label: "Frequency",
                value: bond.frequency == .atMaturity ? "at maturity" : "\(bond.frequency.rawValue) a year"),
            Term(label: "Day count", value: bond.dayCount.rawValue),
            Term(label: "Rating", value: bond.rating?.value ?? "unrated"),
        ]
        if let put = bond.putDate { terms.append(Term(label: "Investor put", value: put.iso8601)) }
        if let reset = bond.couponResetDate { terms.append(Term(label: "Coupon reset", value: reset.iso8601)) }
        if let days = bond.approvalDays { terms.append(Term(label: "Approval", value: "\(days) working days")) }

        let committed = snapshot.proceeds.filter { $0.bondCode == bond.code }
        uses = committed.map { use in
            Use(
                project: use.project, category: use.category.label, sciTech: use.category.isSciTech,
                amount: Format.millions(use.planned.fen),
                share: NumberText.fixed(Double(use.planned.fen) / Double(bond.amount.fen) * 100, 1))
        }
        hasUses = !uses.isEmpty
        let sciTechFen = committed.filter(\.category.isSciTech).reduce(Int64(0)) { $0.addingClamped($1.planned.fen) }
        let totalFen = committed.reduce(Int64(0)) { $0.addingClamped($1.planned.fen) }
        committedText =
            "Committed RMB \(Format.millions(totalFen)) m of RMB \(Format.millions(bond.amount.fen)) m; "
            + "sci-tech uses \(NumberText.fixed(Double(sciTechFen) / Double(bond.amount.fen) * 100, 1)) % of the amount."

        let latest = quotes.last
        // Flows paid by today are past, whatever the date of the last quote.
        let settlement = max(latest?.date ?? current.latestDate, today)
        flows = BondValuation.flows(of: bond).map { flow in
            FlowRow(
                date: flow.date.iso8601, coupon: NumberText.fixed(flow.coupon, 4),
                principal: flow.principal > 0 ? NumberText.fixed(flow.principal, 2) : "", past: flow.date <= settlement)
        }
        figures = []
        charts = []
        let note = snapshot.isDemo ? Briefing.demoNotice : nil
        let matured = BondLife(bond, on: today) == .matured
        quoteTitle = matured ? "Last quote (historical)" : "Latest quote"
        if let latest {
            let age = QuoteAge(today: today, calendarData: calendarData).age(of: latest.date, market: bond.market)
            let when =
                matured
                ? "Last quote \(latest.date) (\(latest.source)), before the bond matured on \(bond.maturityDate): "
                : "Latest quote \(latest.date) (\(latest.source))"
                    + (age.0 > staleAfter ? ", stale: \(age.0) \(age.1) old" : "") + ": "
            quoteText =
                when
                + [
                    latest.cleanPrice.map { "clean price " + NumberText.fixed($0, 4) },
                    latest.yieldPercent.map { "yield " + NumberText.fixed($0, 4) + " %" },
                ].compactMap { $0 }
                .joined(separator: ", ")
            let quote: BondQuote = latest.cleanPrice.map(BondQuote.cleanPrice) ?? .yield(latest.yieldPercent! / 100)
            // A repaid bond has no yield, duration or spread to show.
            if !matured {
                do {
                    let valuation = try BondValuation(
                        bond: bond, settlement: latest.date, quote: quote, curves: current.curves)
                    figures = Self.figures(valuation)
                    charts.append(
                        Chart(
                            kind: .xy, title: "Price and yield on \(latest.date)", xLabel: "Yield (%)",
                            yLabel: "Clean price per 100 face",
                            series: [
                                Chart.Series(
                                    name: "Clean price",
                                    xy: valuation.priceYield.map { Chart.XYPoint(x: $0.yield * 100, y: $0.cleanPrice) })
                            ], source: "innobond pricing under \(valuation.convention.rawValue) rules", note: note,
                            reference: valuation.figures.yield * 100
                        ).svg())
                } catch {
                    valuationError = "The latest quote cannot be priced: \(error)."
                }
            }
            let prices = quotes.compactMap { quote in quote.cleanPrice.map { TimePoint(date: quote.date, value: $0) } }
            let yields = quotes.compactMap { quote in quote.yieldPercent.map { TimePoint(date: quote.date, value: $0) }
            }
            if !prices.isEmpty {
                charts.append(
                    Chart(
                        kind: .line, title: "Clean price history", xLabel: "Date", yLabel: "Clean price per 100 face",
                        series: [Chart.Series(name: "Clean price", points: prices)],
                        source: "registry quotes (\(Set(quotes.map(\.source)).sorted().joined(separator: ", ")))",
                        note: note
                    ).svg())
            }
            if !yields.isEmpty {
                charts.append(
                    Chart(
                        kind: .line, title: "Yield history", xLabel: "Date", yLabel: "Yield (%)",
                        series: [Chart.Series(name: "Yield", points: yields)],
                        source: "registry quotes", note: note
                    ).svg())
            }
        }
    }

    /// The bond's life on `today`, in words.
    static func status(_ bond: Bond, today: CivilDate) -> String {
        switch BondLife(bond, on: today) {
        case .notYetIssued: return "not yet issued (issue date \(bond.issueDate))"
        case .outstanding: return "outstanding"
        case .matured: return "matured on \(bond.maturityDate)"
        }
    }

    static func figures(_ valuation: BondValuation) -> [Term] {
        let figures = valuation.figures
        var terms = [
            Term(label: "Clean price", value: NumberText.fixed(figures.cleanPrice, 4)),
            Term(label: "Yield to maturity", value: Format.percent(figures.yield) + " %"),
            Term(label: "Accrued interest", value: NumberText.fixed(figures.accruedInterest, 4)),
            Term(label: "Dirty price", value: NumberText.fixed(figures.dirtyPrice, 4)),
            Term(label: "Macaulay duration", value: NumberText.fixed(figures.macaulayDuration, 4) + " years"),
            Term(label: "Modified duration", value: NumberText.fixed(figures.modifiedDuration, 4)),
            Term(label: "Convexity", value: NumberText.fixed(figures.convexity, 4)),
            Term(label: "DV01 (per 100 face)", value: NumberText.fixed(figures.dv01, 6)),
            Term(label: "G-spread to CGB", value: Format.optional(valuation.gSpreadBp, 1) + " bp"),
            Term(label: "Z-spread to CGB", value: Format.optional(valuation.zSpreadBp, 1) + " bp"),
        ]
        if let curveDate = valuation.curveDate {
            terms.append(Term(label: "CGB curve (Hermite) of", value: curveDate.iso8601))
        }
        if let put = valuation.yieldToPut {
            terms.append(Term(label: "Yield to put", value: Format.percent(put) + " %"))
            terms.append(Term(label: "Yield to worst", value: Format.percent(valuation.yieldToWorst) + " %"))
        }
        return terms
    }
}
