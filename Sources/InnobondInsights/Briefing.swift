import FixedIncome
import InnobondModel

/// A briefing in the shape of the founding briefings, computed from a
/// snapshot: a headline summary, the financing-conditions table, issuance
/// tables and charts, the financing advantage, sector flows, and the risks
/// and open questions the data flags; every sentence a ``Takeaway``.
public struct Briefing: Sendable, Codable {
    /// What the briefing covers.
    public struct Options: Sendable, Hashable, Codable {
        /// Issue dates covered; the conditions table ends with `period.to`.
        public var period: DateRange
        /// Macro vintages as known on this date; the latest when `nil`.
        public var asOf: CivilDate?
        public var thresholds: TrendThresholds
        public var integrity: IntegritySettings
        public var minimumPairs: Int
        public var leagueSize: Int
        /// The period's end when neither it nor the registry gives one.
        public var today: CivilDate?

        public init(
            period: DateRange = .all, asOf: CivilDate? = nil, thresholds: TrendThresholds = .standard,
            integrity: IntegritySettings = .standard, minimumPairs: Int = 10, leagueSize: Int = 10,
            today: CivilDate? = nil
        ) {
            self.today = today
            self.period = period
            self.asOf = asOf
            self.thresholds = thresholds
            self.integrity = integrity
            self.minimumPairs = minimumPairs
            self.leagueSize = leagueSize
        }
    }

    /// A section's text: its sentences and charts.
    public struct Section: Sendable, Codable {
        public var takeaways: [Takeaway]
        public var charts: [Chart]

        /// A section not computed.
        static let empty = Section(takeaways: [], charts: [])
    }

    public var title: String
    /// The issue period, both ends set.
    public var period: DateRange
    public var asOf: CivilDate?
    public var isDemo: Bool
    public var headline: [Takeaway]
    public var conditions: FinancingConditions
    public var conditionsSection: Section
    /// Sci-tech bonds issued in the period.
    public var issuance: IssuanceStatistics
    /// Every bond issued in the period.
    public var allIssuance: IssuanceStatistics
    public var issuanceSection: Section
    public var advantage: FinancingAdvantage
    public var advantageSection: Section
    public var sectorFlows: SectorFlows?
    public var sectorSection: Section
    public var risks: [IntegrityFlag]
    /// The period's sci-tech bonds scored on their use of proceeds.
    public var integritySection: Section
    /// The legal shield as of the period's end (``shieldSection(_:day:calendar:)``).
    public var shieldSection: Section
    /// What the registry lacks for a full briefing, in plain sentences.
    public var missing: [String]
    /// How the figures were computed, one line each.
    public var methods: [String]

    /// The notice every view of demo data carries.
    public static let demoNotice =
        "DEMO DATA: a synthetic market around published facts, not market data."

    /// Builds the briefing; a period end left open is the latest date in the
    /// registry, a start left open is 1 January of the year before it.
    /// - Parameter scrutiny: whether to compute the integrity checks
    ///   (``risks``), the integrity section and the shield section; without
    ///   them (the overview shows none) those are empty.
    public init(_ snapshot: RegistrySnapshot, options: Options = Options(), scrutiny: Bool = true) {
        let period = Self.coveredPeriod(of: snapshot, options: options)
        let note = snapshot.isDemo ? Self.demoNotice : nil
        self.period = period
        asOf = options.asOf
        isDemo = snapshot.isDemo
        title = "Sci-tech innovation bonds: briefing, \(period.from!) to \(period.to!)"

        let monitor = MacroMonitor(snapshot.macro, asOf: options.asOf)
        let curves = CurveLibrary(snapshot.curvePoints)
        conditions = FinancingConditions(
            monitor: monitor, curves: curves, through: period.to!, thresholds: options.thresholds)
        conditionsSection = Section(
            takeaways: conditions.rows.map(\.takeaway),
            charts: Self.conditionCharts(
                monitor: monitor, curves: curves, end: period.to!, asOf: options.asOf, note: note))

        let issuanceOfPeriod = {
            let issuance = IssuanceStatistics(
                snapshot, filter: BondFilter(issued: period, sciTech: true), leagueSize: options.leagueSize)
            let allIssuance = IssuanceStatistics(snapshot, filter: BondFilter(issued: period))
            let charts = Self.issuanceCharts(snapshot, issuance: issuance, period: period, note: note)
            return (issuance: issuance, all: allIssuance, charts: charts)
        }
        let advantageOfPeriod = {
            FinancingAdvantage(
                snapshot, filter: BondFilter(issued: period), curves: curves, minimumPairs: options.minimumPairs)
        }
        let scrutinyOfPeriod = {
            let risks = IntegrityChecks.run(snapshot, filter: BondFilter(issued: period), settings: options.integrity)
            let integrity = Self.integritySection(snapshot, period: period, settings: options.integrity)
            let shield = Self.shieldSection(snapshot, day: period.to!, calendar: WorkingDayCalendar(market: .national))
            return (risks: risks, integrity: integrity, shield: shield)
        }
        // On two cores: the market's analyses beside the ledger's and the
        // shield's, or, without those, the issuance beside the advantage.
        let ((market, advantage), scrutinized) =
            scrutiny
            ? Parallel.both({ (issuanceOfPeriod(), advantageOfPeriod()) }, scrutinyOfPeriod)
            : (Parallel.both(issuanceOfPeriod, advantageOfPeriod), (risks: [], integrity: .empty, shield: .empty))
        issuance = market.issuance
        allIssuance = market.all
        self.advantage = advantage
        risks = scrutinized.risks
        integritySection = scrutinized.integrity
        shieldSection = scrutinized.shield
        let issuanceSummary = Self.issuanceSummary(issuance, all: allIssuance, period: period)
        issuanceSection = Section(
            takeaways: Self.issuanceTakeaways(issuance, summary: issuanceSummary, period: period),
            charts: market.charts)

        let advantageSummary = Self.advantageTakeaway(advantage, period: period)
        advantageSection = Section(
            takeaways: [advantageSummary] + Self.advantageComparisons(advantage, period: period), charts: [])

        sectorFlows = SectorFlows(snapshot.investments)
        sectorSection = Self.sectorFlowsSection(sectorFlows, note: note)

        headline = Self.headlineTakeaways(
            issuance: issuanceSummary, advantage: advantageSummary, conditions: conditions)
        missing =
            Self.conditionsMissing(snapshot, monitor: monitor, curves: curves, asOf: options.asOf)
            + Self.coverageMissing(period: period, issuance: issuance, advantage: advantage, sectorFlows: sectorFlows)
        methods = Self.methodLines(options.thresholds)
    }

    /// The period a briefing covers, both ends set: a start after the open
    /// end gives the briefing of that one day.
    private static func coveredPeriod(of snapshot: RegistrySnapshot, options: Options) -> DateRange {
        let resolved = period(of: snapshot, options: options)
        let start = resolved.from!
        return DateRange(from: start, to: max(resolved.to!, start))
    }

    // MARK: Financing conditions

    /// The conditions section's charts, over the three calendar years to `end`.
    private static func conditionCharts(
        monitor: MacroMonitor, curves: CurveLibrary, end: CivilDate, asOf: CivilDate?, note: String?
    ) -> [Chart] {
        let chartRange = DateRange(from: CivilDate(year: end.year - 3, month: 1, day: 1), to: end)
        return [
            moneyAndCreditChart(monitor, range: chartRange, asOf: asOf, note: note),
            aaaYieldChart(curves, range: chartRange, asOf: asOf, note: note),
        ]
    }

    /// Money and credit growth and the M2–M1 gap, one line per indicator with figures in `range`.
    private static func moneyAndCreditChart(
        _ monitor: MacroMonitor, range chartRange: DateRange, asOf: CivilDate?, note: String?
    ) -> Chart {
        let macroSeries: [Chart.Series] = ConditionIndicator.standard.compactMap { indicator in
            let points: [GrowthPoint]
            switch indicator.measure {
            case .gap(let broad, let narrow): points = monitor.gap(broad: broad, narrow: narrow)
            case .growth(let series): points = monitor.growth(series)
            case .curveYield: return nil
            }
            let inRange = points.map(\.timePoint).filter { chartRange.contains($0.date) }
            return inRange.isEmpty ? nil : Chart.Series(name: indicator.name, points: inRange)
        }
        return Chart(
            kind: .line, title: "Money and credit growth", xLabel: "Period (month or quarter end)",
            yLabel: "% year on year; gap in percentage points", series: macroSeries,
            source: "registry macro series (PBOC statistics), latest vintages"
                + (asOf.map { " as known on \($0)" } ?? ""), note: note)
    }

    /// The daily AAA 5-year corporate yield in `range`.
    private static func aaaYieldChart(
        _ curves: CurveLibrary, range chartRange: DateRange, asOf: CivilDate?, note: String?
    ) -> Chart {
        let yieldPoints = curves.series("AAA_corporate", tenor: Tenor("5Y")!, asOf: asOf).filter {
            chartRange.contains($0.date)
        }
        return Chart(
            kind: .line, title: "AAA 5-year corporate yield", xLabel: "Date", yLabel: "% (par yield)",
            series: yieldPoints.isEmpty ? [] : [Chart.Series(name: "AAA 5Y", points: yieldPoints)],
            source: "registry curves AAA_corporate, 5Y point, daily", note: note)
    }

    // MARK: Issuance

    /// The source every issuance figure names.
    private static func sciTechSource(_ period: DateRange) -> String {
        "registry bonds, sci_tech = true, issued \(period)"
    }

    /// The period's issuance in one sentence: issuers, amount, bonds and
    /// share of all bonds, or that none were issued.
    private static func issuanceSummary(
        _ issuance: IssuanceStatistics, all allIssuance: IssuanceStatistics, period: DateRange
    ) -> Takeaway {
        let start = period.from!
        let end = period.to!
        guard issuance.bonds != 0 else {
            return Takeaway(plain: "No sci-tech innovation bonds were issued from \(start) to \(end).")
        }
        let bondSource = sciTechSource(period)
        let share = Double(issuance.amountFen) / Double(max(allIssuance.amountFen, 1)) * 100
        return Takeaway(
            "From \(start) to \(end), {issuers} raised {amount} through {bonds}, {share} of the amount of all bonds issued.",
            [
                "issuers": .count("Issuers of sci-tech bonds", issuance.issuers, noun: "issuer", source: bondSource),
                "amount": .amount("Amount raised", fen: issuance.amountFen, source: bondSource),
                "bonds": .count(
                    "Sci-tech bonds", issuance.bonds, noun: "sci-tech innovation bond", source: bondSource),
                "share": .percent("Share of all bonds' amount", share, source: "registry bonds issued \(period)"),
            ])
    }

    /// The issuance section's sentences: the summary, the leading sector,
    /// the tenor and the largest issuer; none when no bond was issued.
    private static func issuanceTakeaways(
        _ issuance: IssuanceStatistics, summary: Takeaway, period: DateRange
    ) -> [Takeaway] {
        guard issuance.bonds != 0 else { return [] }
        return [summary]
            + [
                topSectorTakeaway(issuance, period: period), tenorTakeaway(issuance, period: period),
                largestIssuerTakeaway(issuance, period: period),
            ].compactMap { $0 }
    }

    /// The sector that raised the most: its amount, share and bonds.
    private static func topSectorTakeaway(_ issuance: IssuanceStatistics, period: DateRange) -> Takeaway? {
        guard let top = issuance.bySector.first else { return nil }
        let bondSource = sciTechSource(period)
        let who = Sector(rawValue: top.key)?.issuersPhrase ?? "issuers of unknown sector"
        return Takeaway(
            who.prefix(1).uppercased() + who.dropFirst()
                + " raised the most: {amount}, {share} of the total, in {bonds}.",
            [
                "amount": .amount("Amount, \(top.label)", fen: top.amountFen, source: bondSource),
                "share": .percent("Share, \(top.label)", top.share * 100, source: bondSource),
                "bonds": .count("Bonds, \(top.label)", top.bonds, noun: "bond", source: bondSource),
            ])
    }

    /// The tenor of a single bond, or the average and median tenor and the
    /// share of bonds over 3 years.
    private static func tenorTakeaway(_ issuance: IssuanceStatistics, period: DateRange) -> Takeaway? {
        guard let tenor = issuance.tenorYears else { return nil }
        let bondSource = sciTechSource(period)
        if issuance.bonds == 1 {
            return Takeaway("Its tenor is {tenor}.", ["tenor": .years("Tenor", tenor.mean, source: bondSource)])
        }
        let longer = issuance.byTenor.filter { $0.key != TenorBucket.upToOneYear.rawValue }
            .filter { $0.key != TenorBucket.oneToThreeYears.rawValue }
        let longBonds = longer.reduce(0) { $0 + $1.bonds }
        return Takeaway(
            "The average tenor of the period's bonds is {tenor} (median {median}); {share} of them run longer than 3 years.",
            [
                "tenor": .years("Average tenor", tenor.mean, source: bondSource),
                "median": .years("Median tenor", tenor.median, source: bondSource),
                "share": .percent(
                    "Share of bonds over 3 years", Double(longBonds) / Double(issuance.bonds) * 100,
                    source: bondSource + ", tenor bucket above 3 years"),
            ])
    }

    /// The largest issuer of the league table: its amount and bonds.
    private static func largestIssuerTakeaway(_ issuance: IssuanceStatistics, period: DateRange) -> Takeaway? {
        guard let leader = issuance.league.first else { return nil }
        let bondSource = sciTechSource(period)
        return Takeaway(
            "The largest issuer, \(leader.name), raised {amount} in {bonds}.",
            [
                "amount": .amount("Amount, \(leader.name)", fen: leader.amountFen, source: bondSource),
                "bonds": .count("Bonds, \(leader.name)", leader.bonds, noun: "bond", source: bondSource),
            ])
    }

    /// The issuance charts: by month and market, by issuer sector, by tenor.
    private static func issuanceCharts(
        _ snapshot: RegistrySnapshot, issuance: IssuanceStatistics, period: DateRange, note: String?
    ) -> [Chart] {
        let bondSource = sciTechSource(period)
        return [
            Chart(
                kind: .stackedBar, title: "Sci-tech bond issuance by month and market", xLabel: "Month of issue",
                yLabel: "RMB bn", categories: issuance.byMonth.map(\.key),
                series: monthlySeriesByMarket(snapshot, months: issuance.byMonth, period: period),
                source: bondSource, note: note),
            Chart(
                kind: .bar, title: "Sci-tech bond issuance by issuer sector", xLabel: "Issuer sector",
                yLabel: "RMB bn", categories: issuance.bySector.map(\.label),
                series: [
                    Chart.Series(name: "Amount", values: issuance.bySector.map { Double($0.amountFen) / 1e11 })
                ], source: bondSource, note: note),
            Chart(
                kind: .bar, title: "Sci-tech bonds by tenor", xLabel: "Tenor at issue", yLabel: "Bonds",
                categories: issuance.byTenor.map(\.label),
                series: [Chart.Series(name: "Bonds", values: issuance.byTenor.map { Double($0.bonds) })],
                source: bondSource, note: note),
        ]
    }

    /// One series per market: its sci-tech amount in each of `months`, RMB bn.
    private static func monthlySeriesByMarket(
        _ snapshot: RegistrySnapshot, months: [IssuanceStatistics.Group], period: DateRange
    ) -> [Chart.Series] {
        // One pass over the period's sci-tech bonds, read in place: fen by market and month.
        let all = snapshot.bonds
        let positions = snapshot.positions(matching: BondFilter(issued: period, sciTech: true))
        let monthOf = positions.map { IssuanceStatistics.month(all[$0].issueDate) }
        let low = monthOf.min() ?? 0
        let width = monthOf.isEmpty ? 0 : monthOf.max()! - low + 1
        let markets = Market.allCases
        var fen = [Int64](repeating: 0, count: markets.count * width)
        for (index, position) in positions.enumerated() {
            let market = markets.firstIndex(of: all[position].market)!
            fen[market * width + monthOf[index] - low].addClamped(all[position].amount.fen)
        }
        let slots = Dictionary(uniqueKeysWithValues: (0..<width).map { (IssuanceStatistics.monthKey(low + $0), $0) })
        return markets.indices.map { market -> Chart.Series in
            Chart.Series(
                name: markets[market].label,
                values: months.map { month in slots[month.key].map { Double(fen[market * width + $0]) / 1e11 } ?? 0 })
        }
    }

    // MARK: Financing advantage

    /// The sentences after the advantage's conclusion: tenor and issue-spread comparisons.
    private static func advantageComparisons(_ advantage: FinancingAdvantage, period: DateRange) -> [Takeaway] {
        [tenorComparison(advantage, period: period), spreadComparison(advantage, period: period)].compactMap { $0 }
    }

    /// Average tenors of sci-tech and conventional bonds, and the difference within matched pairs.
    private static func tenorComparison(_ advantage: FinancingAdvantage, period: DateRange) -> Takeaway? {
        guard let sciTechTenor = advantage.sciTech.tenorYears, let conventionalTenor = advantage.conventional.tenorYears
        else { return nil }
        let source = "registry bonds issued \(period)"
        var figures: [String: Figure] = [
            "sciTech": .years("Average tenor, sci-tech bonds", sciTechTenor.mean, source: source),
            "conventional": .years("Average tenor, conventional bonds", conventionalTenor.mean, source: source),
        ]
        var sentence =
            "Sci-tech bonds run {sciTech} on average against {conventional} for all conventional bonds of the same period"
        if let difference = advantage.tenorDifferenceYears, !advantage.pairs.isEmpty {
            let pairSource = "registry bonds issued \(period): matched sci-tech and conventional pairs"
            figures["difference"] = Figure(
                name: "Mean tenor difference within matched pairs (sci-tech minus conventional)",
                value: difference.mean, unit: .years, text: NumberText.signed(difference.mean, 2) + " years",
                source: pairSource)
            sentence += "; within matched pairs (same tenor bucket) the difference is {difference}"
        }
        return Takeaway(sentence + ".", figures)
    }

    /// Mean issue spreads over the CGB curve of sci-tech and conventional bonds.
    private static func spreadComparison(_ advantage: FinancingAdvantage, period: DateRange) -> Takeaway? {
        guard let sciTechSpread = advantage.sciTech.issueSpreadBp,
            let conventionalSpread = advantage.conventional.issueSpreadBp
        else { return nil }
        let source = "registry bonds issued \(period) and the CGB curve of each issue date"
        return Takeaway(
            "Over the CGB curve of their issue dates, sci-tech bonds priced at {sciTech} on average, conventional bonds at {conventional}.",
            [
                "sciTech": .basisPoints("Mean issue spread, sci-tech bonds", sciTechSpread.mean, source: source),
                "conventional": .basisPoints(
                    "Mean issue spread, conventional bonds", conventionalSpread.mean, source: source),
            ])
    }

    // MARK: Sector flows

    /// The sector-flows section: the fastest and slowest growth and the
    /// investment chart; empty without flows.
    private static func sectorFlowsSection(_ sectorFlows: SectorFlows?, note: String?) -> Section {
        guard let flows = sectorFlows else { return Section(takeaways: [], charts: []) }
        return Section(
            takeaways: [sectorGrowthTakeaway(flows)].compactMap { $0 },
            charts: [
                Chart(
                    kind: .bar, title: "Investment by technology sector", xLabel: "Sector", yLabel: "USD bn",
                    categories: flows.rows.map(\.sector),
                    series: [
                        Chart.Series(name: String(flows.year - 1), values: flows.rows.map(\.previous)),
                        Chart.Series(name: String(flows.year), values: flows.rows.map(\.current)),
                    ], source: "registry investments (\(flows.source))", note: note)
            ])
    }

    /// The sectors whose investment grew fastest and slowest over the two years.
    private static func sectorGrowthTakeaway(_ flows: SectorFlows) -> Takeaway? {
        guard let fastest = flows.rows.filter({ $0.growth != nil }).max(by: { $0.growth! < $1.growth! }),
            let slowest = flows.rows.filter({ $0.growth != nil }).min(by: { $0.growth! < $1.growth! })
        else { return nil }
        let source = "registry investments, source \(flows.source), \(flows.year - 1) and \(flows.year)"
        return Takeaway(
            "Investment grew fastest in \(fastest.sector) ({fastest}) and slowest in \(slowest.sector) ({slowest}) from \(flows.year - 1) to \(flows.year).",
            [
                "fastest": Figure(
                    name: "Growth, \(fastest.sector)", value: fastest.growth! * 100, unit: .percent,
                    text: NumberText.signed(fastest.growth! * 100, 0) + " %", source: source),
                "slowest": Figure(
                    name: "Growth, \(slowest.sector)", value: slowest.growth! * 100, unit: .percent,
                    text: NumberText.signed(slowest.growth! * 100, 0) + " %", source: source),
            ])
    }

    // MARK: Headline, missing data, methods

    /// The summary: issuance, the financing advantage, then the gap and the
    /// yield rows of the conditions table when they have figures.
    private static func headlineTakeaways(
        issuance: Takeaway, advantage: Takeaway, conditions: FinancingConditions
    ) -> [Takeaway] {
        var headline = [issuance, advantage]
        if let gap = conditions.rows.first?.takeaway, !gap.figures.isEmpty { headline.append(gap) }
        if let yield = conditions.rows.last?.takeaway, !yield.figures.isEmpty, conditions.rows.count > 1 {
            headline.append(yield)
        }
        return headline
    }

    /// What the conditions table lacks: money and credit series, the AAA curve.
    private static func conditionsMissing(
        _ snapshot: RegistrySnapshot, monitor: MacroMonitor, curves: CurveLibrary, asOf: CivilDate?
    ) -> [String] {
        var missing: [String] = []
        if monitor.seriesNames.isEmpty {
            if let asOf, !snapshot.macro.isEmpty {
                missing.append("No money and credit figures had been published by \(asOf) (--as-of).")
            } else {
                missing.append("No money and credit series: import the macro kind.")
            }
        }
        if curves.days["AAA_corporate"] == nil {
            missing.append("No AAA_corporate curve: the AAA 5-year yield row is empty.")
        }
        return missing
    }

    /// What the other sections lack: sci-tech bonds, issue spreads, sector figures.
    private static func coverageMissing(
        period: DateRange, issuance: IssuanceStatistics, advantage: FinancingAdvantage, sectorFlows: SectorFlows?
    ) -> [String] {
        var missing: [String] = []
        if issuance.bonds == 0 {
            missing.append("No sci-tech bonds issued from \(period.from!) to \(period.to!).")
        }
        let spreadsComputed = advantage.sciTech.issueSpreadBp != nil && advantage.conventional.issueSpreadBp != nil
        if !spreadsComputed && advantage.sciTech.bonds > 0 {
            missing.append("No CGB curve on the bonds' issue dates: issue spreads are not computed.")
        }
        if sectorFlows == nil {
            missing.append("No sector investment figures for two consecutive years: import the investments kind.")
        }
        return missing
    }

    /// How the figures were computed, one line each, with the trend thresholds.
    private static func methodLines(_ thresholds: TrendThresholds) -> [String] {
        [
            "Growth rates are as published, or from two levels of the same definition; never across a definition change.",
            "Trends: least-squares change over the \(thresholds.windowMonths) months to the quarter's end; a gap within ±\(NumberText.fixed(thresholds.gapStableBand, 1)) pp is stable (narrow up to \(NumberText.fixed(thresholds.gapNarrowMaximum, 1)) pp), growth within ±\(NumberText.fixed(thresholds.growthStableBand, 1)) pp, a yield within ±\(NumberText.fixed(thresholds.yieldStableBandBp, 0)) bp (a decline beyond \(NumberText.fixed(thresholds.yieldSharpDeclineBp, 0)) bp is sharp).",
            "Financing advantage: each sci-tech bond matched to the conventional bond of the same rating, market, issue month and priced-tenor bucket nearest in issue date; 95 % interval by Student's t.",
            "Issue spreads: coupon over the CGB par yield at the priced tenor, on the Hermite curve of the issue date.",
        ]
    }

    /// The advantage's conclusion: the mean coupon difference of matched
    /// pairs and its interval, or why there is none.
    private static func advantageTakeaway(_ advantage: FinancingAdvantage, period: DateRange) -> Takeaway {
        let source = "registry bonds issued \(period): matched sci-tech and conventional pairs"
        let pairs = Figure.count("Matched pairs", advantage.pairs.count, noun: "matched pair", source: source)
        guard advantage.conclusion != .tooFewPairs, let difference = advantage.couponDifferenceBp,
            let interval = advantage.confidenceInterval95Bp
        else {
            if advantage.sciTech.bonds == 0 {
                return Takeaway(plain: "No sci-tech bonds issued in the period: no financing advantage to measure.")
            }
            if advantage.conventional.bonds == 0 {
                return Takeaway(
                    plain: "No conventional bonds issued in the period: no comparison for the sci-tech bonds' coupons.")
            }
            let bondSource = "registry bonds issued \(period), sci_tech = true"
            return Takeaway(
                "Too few matched pairs to conclude on the coupon difference: {pairs} among {bonds} (each with a conventional bond of the same rating, market, issue month and tenor bucket); {minimum} needed.",
                [
                    "pairs": pairs,
                    "bonds": .count(
                        "Sci-tech bonds", advantage.sciTech.bonds, noun: "sci-tech bond", source: bondSource),
                    "minimum": .count(
                        "Pairs needed (setting)", advantage.minimumPairs, noun: "pair", source: "setting minimumPairs"),
                ])
        }
        let mean = Figure.basisPoints("Mean coupon difference", difference.mean, source: source)
        let low = Figure.basisPoints("95 % interval, low", interval.lowerBound, source: source)
        let high = Figure.basisPoints("95 % interval, high", interval.upperBound, source: source)
        let verdict: String
        switch advantage.conclusion {
        case .cheaper: verdict = "Sci-tech bonds paid lower coupons than comparable conventional bonds"
        case .dearer: verdict = "Sci-tech bonds paid higher coupons than comparable conventional bonds"
        default: verdict = "No significant coupon difference between sci-tech and comparable conventional bonds"
        }
        return Takeaway(
            "\(verdict): {mean} on average (95 % interval {low} to {high}, {pairs}).",
            ["mean": mean, "low": low, "high": high, "pairs": pairs])
    }

    /// The issue period a briefing of `snapshot` covers: an end left open is
    /// the latest date in the registry (else `options.today`), a start left
    /// open is 1 January of the year before the end. Both ends are set; the
    /// start may come after the end when only the start was given.
    public static func period(of snapshot: RegistrySnapshot, options: Options) -> DateRange {
        let end =
            options.period.to ?? defaultEnd(snapshot, asOf: options.asOf, today: options.today)
            ?? CivilDate(year: 2000, month: 1, day: 1)!
        return DateRange(from: options.period.from ?? CivilDate(year: end.year - 1, month: 1, day: 1)!, to: end)
    }

    /// Where a period ends when not told: the vintage date when one is asked
    /// for (what was known then), else the registry's latest date, never
    /// after either; `today` for an empty registry.
    public static func defaultEnd(_ snapshot: RegistrySnapshot, asOf: CivilDate?, today: CivilDate?) -> CivilDate? {
        guard let latest = latestDate(snapshot, notAfter: today) ?? today else { return asOf }
        return asOf.map { min($0, latest) } ?? latest
    }

    /// The latest date of any bond issue, curve point or money figure's
    /// period, but not after `today`: a date mistyped into the future does
    /// not move the default period past the present.
    public static func latestDate(_ snapshot: RegistrySnapshot, notAfter today: CivilDate? = nil) -> CivilDate? {
        let dates = [
            snapshot.bonds.map(\.issueDate).max(), snapshot.curvePoints.map(\.date).max(),
            snapshot.macro.map(\.period.lastDay).max(),
        ].compactMap { $0 }
        guard let latest = dates.max() else { return nil }
        return today.map { min(latest, $0) } ?? latest
    }
}
