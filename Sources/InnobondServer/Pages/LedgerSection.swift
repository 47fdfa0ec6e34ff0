import FixedIncome
import InnobondInsights
import InnobondModel

/// The use-of-proceeds ledger on a bond's page: committed against
/// allocated by category, the cumulative allocation over time, balances,
/// changes of use, evidence, impact figures, and the integrity findings
/// with the rows behind each.
struct LedgerSection: Sendable {
    struct Cell: Sendable {
        var text: String
        var isNumber: Bool
    }

    /// A table row; cells that are figures align right.
    struct Row: Sendable {
        var cells: [Cell]

        init(cells texts: [String], numbers: Set<Int> = []) {
            cells = texts.enumerated().map { Cell(text: $0.element, isNumber: numbers.contains($0.offset)) }
        }
    }

    struct Finding: Sendable {
        var weight: Int
        var title: String
        var check: String
        var explanation: String
        var since: String
        var rows: String
    }

    var score: Int
    var scoreText: String
    var findings: [Finding]
    var summary: String
    var categories: [Row]
    var chart: String?
    var balances: [Row]
    var changes: [Row]
    var evidence: [Row]
    var impacts: [Row]
    var csvHref: String
    var apiHref: String
    // Stored, as templates read stored properties only.
    var hasFindings = false
    var hasBalances = false
    var hasChanges = false
    var hasEvidence = false
    var hasImpacts = false

    init(_ view: LedgerView, isDemo: Bool) {
        let money = Format.millions
        score = view.integrity.score
        scoreText = "Integrity score \(view.integrity.score) of 100 as of \(view.asOf)"
        findings = view.integrity.findings.map { finding in
            Finding(
                weight: finding.weight, title: finding.title, check: finding.check, explanation: finding.explanation,
                since: finding.since.iso8601,
                rows: finding.rows.prefix(8).map { "\($0.kind.rawValue) \($0.key.joined(separator: " / "))" }
                    .joined(separator: "; ") + (finding.rows.count > 8 ? "; and \(finding.rows.count - 8) more" : ""))
        }
        let share = { (value: Double?) in value.map { NumberText.fixed($0 * 100, 1) + " %" } ?? "–" }
        summary =
            "Allocated RMB \(money(view.allocatedFen)) m of RMB \(money(view.amountFen)) m; sci-tech share "
            + "committed \(share(view.committedSciTechShare)), allocated \(share(view.allocatedSciTechShare)); "
            + "unallocated RMB \(money(view.unallocatedFen)) m"
            + (view.unallocatedAgeDays.map { ", \($0) days after issue." } ?? ".")
        categories = view.categories.map { category in
            Row(
                cells: [
                    category.category.label, category.sciTech ? "yes" : "no", money(category.committedFen),
                    money(category.allocatedFen),
                    view.allocatedFen > 0
                        ? NumberText.fixed(Double(category.allocatedFen) / Double(view.allocatedFen) * 100, 1) : "–",
                ], numbers: [2, 3, 4])
        }
        let used = ProceedsCategory.allCases.filter { category in
            view.timeline.contains { $0.allocatedFen[category.rawValue] != nil }
        }
        chart =
            view.timeline.isEmpty
            ? nil
            : Chart(
                kind: .stackedBar, title: "Allocated, cumulative, by category", xLabel: "Report date",
                yLabel: "RMB m", categories: view.timeline.map(\.date.iso8601),
                series: used.map { category in
                    Chart.Series(
                        name: category.label,
                        values: view.timeline.map { Double($0.allocatedFen[category.rawValue] ?? 0) / 1e8 })
                }, source: "registry allocations of \(view.code.value), net of reversals",
                note: isDemo ? Briefing.demoNotice : nil
            ).svg()
        balances = view.balances.map {
            Row(
                cells: [
                    $0.reportDate.iso8601, money($0.balanceFen), money($0.expectedFen),
                    [
                        ("deposits", $0.depositsFen), ("money-market funds", $0.moneyMarketFundsFen),
                        ("bonds", $0.bondsFen),
                        ("other", $0.otherFen),
                    ].compactMap { name, fen in fen.map { "\(name) \(money($0))" } }.joined(separator: ", "), $0.source,
                ], numbers: [1, 2])
        }
        changes = view.changes.map { change in
            Row(
                cells: [
                    change.changeDate.iso8601, change.from, change.to, money(change.amountFen),
                    change.resolution.map { $0 + (change.resolutionDate.map { ", \($0)" } ?? "") } ?? "none disclosed",
                    change.reason ?? "",
                ], numbers: [3])
        }
        evidence = view.evidence.map {
            Row(cells: [
                $0.label, $0.certifyingBody, $0.issuedOn.iso8601, $0.expiresOn?.iso8601 ?? "no end",
                $0.validAtIssue ? "yes" : "no",
            ])
        }
        impacts = view.impacts.map {
            Row(
                cells: [
                    $0.periodEnd.iso8601, $0.label, NumberText.fixed($0.value, 0, grouped: true), $0.unit, $0.source,
                ], numbers: [2])
        }
        csvHref = "/bonds/\(view.code.value)/ledger.csv"
        apiHref = "/api/v1/bonds/\(view.code.value)/ledger"
        hasFindings = !findings.isEmpty
        hasBalances = !balances.isEmpty
        hasChanges = !changes.isEmpty
        hasEvidence = !evidence.isEmpty
        hasImpacts = !impacts.isEmpty
    }
}
