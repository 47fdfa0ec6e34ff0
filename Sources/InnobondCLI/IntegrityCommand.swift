import ArgumentParser
import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel
import InnobondStore

/// `innobond integrity`: sci-tech bonds and their issuers ranked by how far
/// their use of proceeds drifts from the label, each point explained.
struct IntegrityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrity",
        abstract: "Rank sci-tech bonds and issuers by how far their use of proceeds drifts from the label.",
        discussion: """
            Each bond scores 0 to 100: the weights of the ledger checks that fire (docs/integrity.md). With \
            --as-of, the score as it would have been computed at the end of that day (Beijing time): from the \
            rows recorded by then, and the ledger's dates and clocks up to it. --from and --to filter by issue \
            date.
            """
    )

    @Option(help: "Score as of the end of this day, YYYY-MM-DD, from the rows recorded by then (default: today).")
    var asOf: String?

    @Flag(help: "With --as-of, read every row recorded until now: the ledger and its clocks still stop at --as-of.")
    var knownNow = false

    @Option(help: "First issue date covered, YYYY-MM-DD.")
    var from: String?

    @Option(help: "Last issue date covered, YYYY-MM-DD.")
    var to: String?

    @OptionGroup var filters: FilterOptions

    @Option(help: "Explain one bond: every finding, its figure, date and rows.")
    var bond: String?

    @Option(help: "Bonds and issuers listed (default 20).")
    var limit = 20

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        try PeriodOptions.checkDates([("--as-of", asOf), ("--from", from), ("--to", to)])
        if let bond, BondCode(bond) == nil {
            throw ValidationError(
                "--bond is not a bond code (1 to 20 letters or digits, then .IB, .SH or .SZ): '\(bond)'")
        }
        guard limit > 0 else { throw ValidationError("--limit must be 1 or more: \(limit)") }
    }

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let day = asOf.flatMap(CivilDate.init) ?? .today
        let snapshot: RegistrySnapshot
        do {
            snapshot = try await store.loadSnapshot(
                at: knownNow ? nil : KnownMoment(endOf: day), kinds: IntegrityScoring.kinds)
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
        KeptUntilExit.keep(snapshot)
        var filter = try filters.filter(
            issued: DateRange(from: from.flatMap(CivilDate.init), to: to.flatMap(CivilDate.init)))
        filter.provinces = try FilterOptions.provinces(filter.provinces, in: snapshot)
        // The ranking prints checks and scores: its findings need no rows or explanations.
        let details = json || bond != nil
        let (bonds, issuers) = IntegrityScoring.score(snapshot, filter: filter, asOf: day, details: details)
        KeptUntilExit.keep(bonds)
        if let bond {
            guard let scored = bonds.first(where: { $0.code.value == BondCode(bond)?.value }) else {
                throw UsageFailure("--bond: \(bond) is no sci-tech bond the filter passes, issued by \(day)")
            }
            if json {
                try Self.write(scored)
            } else {
                print(IntegrityText.explain(scored, asOf: day))
            }
            return
        }
        if json {
            try Self.write(IntegrityReport(asOf: day, bonds: bonds, issuers: issuers))
            return
        }
        if snapshot.isDemo { print(Briefing.demoNotice + "\n") }
        print(IntegrityText.ranking(bonds, issuers, asOf: day, filter: filter, limit: limit))
    }

    private static func write(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(try JSONEncoder.api.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

/// What `innobond integrity --json` prints.
struct IntegrityReport: Encodable {
    let asOf: CivilDate
    let bonds: [BondIntegrity]
    let issuers: [IssuerIntegrity]
}

/// The plain-text tables of `innobond integrity`.
enum IntegrityText {
    typealias T = StatisticsText

    static func ranking(
        _ bonds: [BondIntegrity], _ issuers: [IssuerIntegrity], asOf: CivilDate, filter: BondFilter, limit: Int
    ) -> String {
        var lines = [
            "Integrity of sci-tech bonds issued \(filter.issued), as of \(asOf): "
                + "\(NumberText.count(bonds.count, "bond")) scored, "
                + "\(NumberText.count(bonds.count { $0.score > 0 }, "bond")) with a finding"
        ]
        guard !bonds.isEmpty else { return lines.joined(separator: "\n") }
        lines.append("")
        lines.append(T.pad("  bond", 24) + T.leftPad("score", 6) + "  checks")
        for (rank, bond) in bonds.prefix(limit).enumerated() {
            lines.append(
                T.pad("\(T.leftPad(String(rank + 1), 4)). \(bond.code.value)", 24) + T.leftPad(String(bond.score), 6)
                    + "  " + (bond.findings.isEmpty ? "-" : bond.findings.map(\.check).joined(separator: ", ")))
        }
        if bonds.count > limit { lines.append("  ... and \(bonds.count - limit) more (--limit)") }
        lines.append("")
        lines.append(T.pad("  issuer", 44) + T.leftPad("score", 6) + T.leftPad("bonds", 7))
        for (rank, issuer) in issuers.prefix(limit).enumerated() {
            lines.append(
                T.pad("\(T.leftPad(String(rank + 1), 4)). \(issuer.name)", 44)
                    + T.leftPad(NumberText.fixed(issuer.score, 1), 6) + T.leftPad(String(issuer.bonds.count), 7))
        }
        if issuers.count > limit { lines.append("  ... and \(issuers.count - limit) more (--limit)") }
        lines.append("")
        lines.append("innobond integrity --bond CODE explains a bond's score.")
        return lines.joined(separator: "\n")
    }

    static func explain(_ bond: BondIntegrity, asOf: CivilDate) -> String {
        var lines = [
            "\(bond.code.value) \(bond.name): score \(bond.score) of 100 as of \(asOf) (issued \(bond.issueDate), "
                + "RMB \(Money(fen: bond.amountFen).yuanText))"
        ]
        if bond.findings.isEmpty { lines.append("  No check fires.") }
        for finding in bond.findings {
            lines.append("")
            lines.append("  +\(finding.weight)  \(finding.title) (\(finding.check)), since \(finding.since)")
            lines.append("       \(finding.explanation)")
            let rows = finding.rows.map { "\($0.kind.rawValue) \($0.key.joined(separator: ", "))" }
            lines.append("       rows: " + rows.prefix(10).joined(separator: "; ") + (rows.count > 10 ? "; ..." : ""))
        }
        return lines.joined(separator: "\n")
    }
}
