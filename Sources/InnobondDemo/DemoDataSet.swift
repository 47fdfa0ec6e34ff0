import FixedIncome
import InnobondModel

/// The built-in demo data set: facts of DOMAIN.md as they are, in a synthetic
/// market of issuers, bonds, curves, quotes and money statistics that looks
/// like the real one. Built by the program, deterministically: the same rows
/// on every machine, no network.
public struct DemoDataSet: Sendable {
    public var issuers: [Issuer]
    public var financials: [IssuerFinancials]
    public var bonds: [Bond]
    public var proceeds: [UseOfProceeds]
    public var quotes: [Quote]
    public var curves: [CurvePoint]
    public var macro: [MacroObservation]
    public var investments: [SectorInvestment]
    public var allocations: [Allocation]
    public var balances: [UnallocatedBalance]
    public var useChanges: [UseChange]
    public var evidence: [EligibilityEvidence]
    public var impacts: [ImpactReport]
    public var measures: [Measure]
    public var measureTargets: [MeasureTarget]
    public var ownership: [OwnershipLink]
    public var cases: [ComplianceCase]
    public var reviews: [MatchReview]

    /// The last day of the demo's market data.
    public static let asOf = CivilDate(year: 2026, month: 11, day: 20)!

    /// Builds the data set.
    public static func build(seed: UInt64 = 2025_05_09) -> DemoDataSet {
        var random = DemoRandom(seed: seed)
        let market = DemoMarket(through: asOf, random: &random)
        let (issuers, financials) = DemoIssuers.build(random: &random)
        var bonds = DemoBonds(issuers: issuers, market: market)
        bonds.build(random: &random)
        let quotes = DemoQuotes.build(bonds: bonds.bonds, market: market, random: &random)
        var ledgerRandom = DemoRandom(seed: seed &+ 1)
        let ledger = DemoLedger.build(
            issuers: issuers, bonds: bonds.bonds, proceeds: bonds.proceeds, through: asOf, random: &ledgerRandom)
        let shield = DemoShield.build(issuers: issuers, bonds: bonds.bonds, asOf: asOf)
        return DemoDataSet(
            issuers: issuers, financials: financials, bonds: bonds.bonds, proceeds: bonds.proceeds, quotes: quotes,
            curves: market.curvePoints(), macro: DemoMacro.observations(), investments: sectorInvestments,
            allocations: ledger.allocations, balances: ledger.balances, useChanges: ledger.changes,
            evidence: ledger.evidence, impacts: ledger.impacts, measures: shield.measures,
            measureTargets: shield.targets, ownership: shield.ownership, cases: shield.cases,
            reviews: shield.reviews)
    }

    /// The records of each kind, in the order they must be imported.
    public var recordsByKind: [(RecordKind, [any RegistryRecord])] {
        [
            (.issuers, issuers), (.issuerFinancials, financials), (.bonds, bonds), (.useOfProceeds, proceeds),
            (.curves, curves), (.quotes, quotes), (.macro, macro), (.investments, investments),
            (.allocations, allocations), (.unallocatedBalances, balances), (.useChanges, useChanges),
            (.eligibilityEvidence, evidence), (.impactReports, impacts), (.measures, measures),
            (.measureTargets, measureTargets), (.ownership, ownership), (.complianceCases, cases),
            (.matchReviews, reviews),
        ]
    }

    /// The founding briefing's sector investment table, USD bn, 2022 and 2023.
    static let sectorInvestments: [SectorInvestment] = [
        ("Semiconductor design & equipment", 12.4, 18.7), ("Industrial & AI software", 8.1, 13.2),
        ("Next-gen hardware", 5.6, 9.3), ("Biotech & health tech", 14.2, 15.8),
    ].flatMap { sector, first, second in
        [
            SectorInvestment(sector: sector, year: 2022, amountUSDBillions: first, source: "founding briefing"),
            SectorInvestment(sector: sector, year: 2023, amountUSDBillions: second, source: "founding briefing"),
        ]
    }
}

/// Daily ChinaBond-style valuations of 300 bonds over the two years to the
/// demo's last day: the AAA corporate curve at the bond's remaining life,
/// plus a spread for its rating and its own, priced with its conventions.
/// Their source is `demo`: no valuation agency made them.
enum DemoQuotes {
    /// The source every synthetic quote names.
    static let source = "demo"

    static func build(bonds: [Bond], market: DemoMarket, random: inout DemoRandom) -> [Quote] {
        let start = CivilDate(year: 2024, month: 11, day: 22)!
        let end = DemoDataSet.asOf
        let candidates = bonds.filter { bond in
            bond.frequency.periodic != nil && bond.maturityDate > start.adding(days: 60)!
                && bond.issueDate < end.adding(days: -20)!
        }
        let sciTech = candidates.filter(\.sciTech).shuffled(using: &random).prefix(200)
        let conventional = candidates.filter { !$0.sciTech }.shuffled(using: &random).prefix(100)
        let days = market.workingDays.filter { $0 >= start && $0 <= end }
        var quotes: [Quote] = []
        for bond in (Array(sciTech) + Array(conventional)).sorted(by: { $0.code < $1.code }) {
            // Priced as its market prices it, so that the quote's price and
            // yield agree under the market's rules.
            guard
                let instrument = try? MarketBond(
                    convention: bond.market.convention, issueDate: bond.issueDate, maturityDate: bond.maturityDate,
                    couponRate: bond.couponRatePercent / 100, frequency: bond.frequency.periodic)
            else { continue }
            let ratingSpread: Double
            switch bond.rating?.value {
            case "AAA": ratingSpread = 0.02
            case "AA+": ratingSpread = 0.28
            case "AA": ratingSpread = 0.62
            default: ratingSpread = 1.05
            }
            let own = 0.08 * random.normal() - (bond.sciTech ? 0.05 : 0)
            var drift = 0.0
            for day in days where day >= bond.issueDate && day < bond.maturityDate {
                drift = 0.9 * drift + 0.01 * random.normal()
                let years = Double(day.days(to: bond.maturityDate)) / 365.25
                let yield = round4(market.corporate(day, years: years) + ratingSpread + own + drift)
                guard let figures = try? instrument.analytics(settlement: day, quote: .yield(yield / 100)) else {
                    continue
                }
                quotes.append(
                    Quote(
                        bondCode: bond.code, date: day, cleanPrice: round4(figures.cleanPrice), yieldPercent: yield,
                        source: Self.source))
            }
        }
        return quotes
    }
}

extension DemoDataSet {
    /// The data set as a registry snapshot would hold it after `innobond demo`.
    public var snapshot: RegistrySnapshot {
        var counts: [RecordKind: Int] = [:]
        for (kind, records) in recordsByKind { counts[kind] = records.count }
        return RegistrySnapshot(
            isDemo: true, issuers: issuers, financials: financials, bonds: bonds, proceeds: proceeds,
            curvePoints: curves, macro: macro, investments: investments, counts: counts)
    }
}
