import ArgumentParser
import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import InnobondStore

/// `innobond insights`: issuance statistics, financing advantage and the
/// monetary monitor for a period and filter.
struct InsightsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Issuance statistics, financing advantage and the monetary monitor for a period and filter.",
        discussion: "Filters repeat or take comma-separated values; an empty filter keeps every bond."
    )

    @OptionGroup var period: PeriodOptions

    @OptionGroup var filters: FilterOptions

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    /// The filter the options describe.
    func filter() throws -> BondFilter { try filters.filter(issued: period.period) }

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let snapshot: RegistrySnapshot
        do {
            snapshot = try await store.loadSnapshot(at: nil, kinds: InsightsSummary.kinds)
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
        var filter = try filter()
        filter.provinces = try FilterOptions.provinces(filter.provinces, in: snapshot)
        let end = filter.issued.to ?? Briefing.defaultEnd(snapshot, asOf: period.asOfDate, today: .today) ?? .today
        // As known on --as-of: nothing issued after it either.
        if period.asOfDate != nil { filter.issued = DateRange(from: filter.issued.from, to: end) }
        if !snapshot.bonds.isEmpty { try period.checkStart(against: DateRange(from: filter.issued.from, to: end)) }
        let summary = InsightsSummary(snapshot, filter: filter, through: end, asOf: period.asOfDate)
        if json {
            FileHandle.standardOutput.write(try JSONEncoder.api.encode(summary))
            FileHandle.standardOutput.write(Data("\n".utf8))
            return
        }
        print(InsightsText.render(summary, isDemo: snapshot.isDemo))
    }
}

/// The plain-text tables of `innobond insights`.
enum InsightsText {
    static func render(_ summary: InsightsSummary, isDemo: Bool) -> String {
        typealias T = StatisticsText
        var lines: [String] = []
        if isDemo { lines.append(Briefing.demoNotice + "\n") }
        let issuance = summary.issuance
        lines.append(
            "Sci-tech bonds issued \(issuance.filter.issued): \(NumberText.count(issuance.bonds, "bond")) by "
                + "\(NumberText.count(issuance.issuers, "issuer")), RMB \(T.billions(issuance.amountFen)) bn"
        )
        if issuance.bonds == 0 {
            lines.append("  No sci-tech bond matches this period and filter: no breakdowns and no league table.")
        }
        if let tenor = issuance.tenorYears, let coupon = issuance.couponPercent {
            lines.append(
                "  tenor mean \(NumberText.fixed(tenor.mean, 2)) y, median \(NumberText.fixed(tenor.median, 2)) y; "
                    + "coupon mean \(NumberText.fixed(coupon.mean, 2)) %, median \(NumberText.fixed(coupon.median, 2)) %"
            )
        }
        let breakdowns = [
            ("By sector", issuance.bySector), ("By month of issue", issuance.byMonth), ("By tenor", issuance.byTenor),
            ("By rating", issuance.byRating), ("By market", issuance.byMarket),
            ("By issuer type", issuance.byIssuerType),
        ]
        for (title, groups) in issuance.bonds == 0 ? [] : breakdowns {
            lines.append("")
            lines.append(T.pad(title, 26) + T.leftPad("bonds", 8) + T.leftPad("RMB bn", 12) + T.leftPad("share %", 9))
            for group in groups {
                lines.append(
                    "  " + T.pad(group.label, 24) + T.leftPad(T.grouped(group.bonds), 8)
                        + T.leftPad(T.billions(group.amountFen), 12)
                        + T.leftPad(NumberText.fixed(group.share * 100, 1), 9))
            }
        }
        if !issuance.league.isEmpty {
            lines.append("")
            lines.append(
                T.pad("League table", 50) + T.leftPad("bonds", 8) + T.leftPad("RMB bn", 12) + T.leftPad("share %", 9))
            for (rank, entry) in issuance.league.enumerated() {
                lines.append(
                    "  " + T.pad("\(rank + 1). \(entry.name)", 48) + T.leftPad(T.grouped(entry.bonds), 8)
                        + T.leftPad(T.billions(entry.amountFen), 12)
                        + T.leftPad(NumberText.fixed(entry.share * 100, 1), 9))
            }
        }
        let advantage = summary.advantage
        lines.append("")
        lines.append("Financing advantage: \(advantage.pairs) matched pairs, \(advantage.unmatched) unmatched")
        if let difference = advantage.couponDifferenceBp, let interval = advantage.confidenceInterval95Bp {
            lines.append(
                "  coupon difference \(NumberText.fixed(difference.mean, 1)) bp (95 % interval "
                    + "\(NumberText.fixed(interval.lowerBound, 1)) to \(NumberText.fixed(interval.upperBound, 1))): "
                    + advantage.conclusion.rawValue.replacingOccurrences(of: "_", with: " "))
        } else {
            lines.append("  too few pairs to conclude")
        }
        lines.append("")
        let conditions = summary.conditions
        lines.append(
            T.pad("Financing conditions", 32) + T.leftPad(conditions.yearLabel, 16)
                + T.leftPad(conditions.quarterLabel, 18) + "  trend")
        for row in conditions.rows {
            lines.append(
                "  " + T.pad(row.indicator + " (\(row.unit))", 30)
                    + T.leftPad(FinancingConditions.cell(row.yearAverage, kind: row.kind), 16)
                    + T.leftPad(FinancingConditions.cell(row.quarterAverage, kind: row.kind), 18)
                    + "  " + (row.trend?.trendClass.rawValue ?? "not enough data"))
        }
        // Rows short of a figure say why.
        for row in conditions.rows where row.yearAverage == nil || row.quarterAverage == nil || row.trend == nil {
            lines.append("  " + row.takeaway.text)
        }
        return lines.joined(separator: "\n")
    }
}
