import FixedIncome
import InnobondInsights
import InnobondModel
import InnobondStore
import Testing

/// The hand-worked integrity scores of `Tests/Fixtures/integrity` (its
/// README works each one out), computed from a store of either kind.
extension StoreContract {
    static let integrityCases = [
        Case(name: "the hand-worked integrity scores, findings and explanations", run: handWorkedIntegrity),
        Case(name: "a score as of a past moment ignores the rows recorded after it", run: integrityAsOf),
        Case(name: "a correction by reversal and restatement moves the score", run: integrityCorrected),
    ]

    /// The fixture's files in import order.
    static let integrityFiles: [(RecordKind, String)] = [
        (.issuers, "issuers"), (.issuerFinancials, "issuer_financials"), (.bonds, "bonds"),
        (.useOfProceeds, "use_of_proceeds"), (.allocations, "allocations"),
        (.unallocatedBalances, "unallocated_balances"), (.allocations, "allocations-late"),
        (.useChanges, "use_changes"), (.eligibilityEvidence, "eligibility_evidence"),
    ]

    static func handWorkedIntegrity(_ store: any RegistryStore) async throws {
        for (kind, name) in integrityFiles {
            let report = try await importText(store, kind, try Fixtures.text("integrity/\(name).csv"))
            #expect(report.committed, "\(name): \(report.issues)")
        }
        let snapshot = try await store.loadSnapshot()
        let (bonds, issuers) = IntegrityScoring.score(snapshot, asOf: CivilDate(year: 2026, month: 9, day: 30)!)

        let scores = try Fixtures.text("integrity/expected-scores.csv").split(separator: "\n").dropFirst()
        #expect(bonds.map { "\($0.code.value),\($0.score)" } == scores.map(String.init))

        var expected = try Fixtures.text("integrity/expected-findings.csv").split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init) }
        expected.sort { $0[0] < $1[0] }
        let found = bonds.sorted { $0.code.value < $1.code.value }.flatMap { bond in
            bond.findings.map { (bond.code.value, $0) }
        }
        #expect(found.count == expected.count)
        for ((code, finding), row) in zip(found, expected) {
            #expect([code, finding.check, String(finding.weight), finding.since.iso8601] == Array(row[0..<4]))
            #expect(abs(finding.figure - Double(row[4])!) < 0.0001, "\(code) \(finding.check): \(finding.figure)")
            #expect(finding.explanation == row[5], "\(code) \(finding.check)")
            #expect(!finding.rows.isEmpty, "\(code) \(finding.check)")
        }
        // The rows behind a finding: the entries that took 250004.SH's proceeds to parks.
        let parks = bonds.first { $0.code.value == "250004.SH" }?.findings.first { $0.check == "park_above_cap" }
        #expect(parks?.rows == [RowReference(.allocations, ["250004.SH", "H1b"])])

        #expect(issuers.map(\.name) == ["示例发行人A", "示例发行人C", "示例发行人D", "示例发行人E", "示例发行人F", "示例发行人B"])
        #expect(abs((issuers.first?.score ?? 0) - 17.75) < 1e-12)

        // A ranking's scores, without rows and explanations, are the same in every other figure.
        let ranking = IntegrityScoring.score(snapshot, asOf: CivilDate(year: 2026, month: 9, day: 30)!, details: false)
        func figures(_ finding: IntegrityFinding) -> String {
            "\(finding.check) \(finding.weight) \(finding.figure) \(finding.limit as Double?) \(finding.since)"
        }
        #expect(ranking.bonds.map(\.code) == bonds.map(\.code))
        #expect(ranking.bonds.map { $0.findings.map(figures) } == bonds.map { $0.findings.map(figures) })
        #expect(ranking.bonds.allSatisfy { $0.findings.allSatisfy { $0.rows.isEmpty && $0.explanation.isEmpty } })
        #expect(ranking.issuers.map(\.score) == issuers.map(\.score))
    }

    static func integrityAsOf(_ store: any RegistryStore) async throws {
        let later: Set<String> = ["allocations-late", "use_changes"]
        for (kind, name) in integrityFiles where !later.contains(name) {
            #expect(try await importText(store, kind, try Fixtures.text("integrity/\(name).csv")).committed)
        }
        // Moments are kept to the second: one clear second on each side.
        try await Task.sleep(for: .milliseconds(1100))
        let before = KnownMoment.now
        try await Task.sleep(for: .milliseconds(1100))
        for (kind, name) in integrityFiles where later.contains(name) {
            #expect(try await importText(store, kind, try Fixtures.text("integrity/\(name).csv")).committed)
        }
        let restated = try await importText(
            store, .unallocatedBalances,
            "bond_code,report_date,balance_cny,source_title\n250013.SH,2026-06-30,700005000,restated\n")
        #expect(restated.replaced == 1, "\(restated.issues)")

        let day = CivilDate(year: 2026, month: 9, day: 30)!
        func scores(_ snapshot: RegistrySnapshot) -> [String: Int] {
            Dictionary(
                uniqueKeysWithValues: IntegrityScoring.score(snapshot, asOf: day).bonds.map {
                    ($0.code.value, $0.score)
                })
        }
        let now = try await store.loadSnapshot()
        let then = try await store.loadSnapshot(at: before)
        #expect(scores(now)["250005.SH"] == 15 && scores(now)["250012.SH"] == 21)
        // Before the changes of use and the late entry were recorded.
        #expect(scores(then)["250005.SH"] == 0 && scores(then)["250006.SH"] == 0)
        #expect(scores(then)["250012.SH"] == 16, "stale and overdue, the balance still explained")
        #expect(
            then.records(UseChange.self).isEmpty
                && then.records(Allocation.self).count == now.records(Allocation.self).count - 1)
        let balance = { (snapshot: RegistrySnapshot) in
            snapshot.records(UnallocatedBalance.self).first { $0.bondCode.value == "250013.SH" }?.balance.yuanText
        }
        #expect(balance(then) == "700000000" && balance(now) == "700005000")
    }

    static func integrityCorrected(_ store: any RegistryStore) async throws {
        for (kind, name) in integrityFiles {
            #expect(try await importText(store, kind, try Fixtures.text("integrity/\(name).csv")).committed)
        }
        let day = CivilDate(year: 2026, month: 9, day: 30)!
        func bond(_ snapshot: RegistrySnapshot) -> BondIntegrity? {
            IntegrityScoring.score(snapshot, asOf: day).bonds.first { $0.code.value == "250002.SH" }
        }
        #expect(bond(try await store.loadSnapshot())?.score == 28)
        // The 300 m booked as working capital was research: reversed, and
        // restated against the research use.
        let corrected = try await importText(
            store, .allocations,
            allocationHeader + "250002.SH,H1-R,2026-06-30,流动资金,working_capital,-300000000,H1,restated report\n"
                + "250002.SH,H1-S,2026-06-30,研发,rd,300000000,,restated report\n")
        #expect(corrected.committed, "\(corrected.issues)")
        let after = try #require(bond(try await store.loadSnapshot()))
        // 700 m of 700 m allocated to research: only the 300 m still unallocated counts.
        #expect(after.score == 8 && after.findings.map(\.check) == ["unallocated_stale"])
    }
}
