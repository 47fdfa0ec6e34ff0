import FixedIncome
import InnobondIO
import InnobondInsights
import InnobondModel
import InnobondStore
import Testing

/// The legal shield's kinds: measures, the parties they name, and holdings.
/// The fixtures are the Wingtech / Nexperia chain with the dates of
/// DOMAIN.md ("The legal shield"); the holding's first day is a test value.
extension StoreContract {
    static let shieldCases = [
        Case(name: "the legal shield's kinds import, export the same bytes and answer as of a day", run: shieldKinds),
        Case(name: "the legal shield's kinds refuse what cannot be", run: shieldRefusals),
        Case(
            name: "a screening list's releases remove the parties that vanish and keep earlier answers",
            run: screeningListReleases),
    ]

    static let measuresHeader =
        "measure_id,side,jurisdiction,authority,instrument,citation,kind,ownership_percent,effective_from,"
        + "suspended_from,suspended_until,ended_on,source,revision\n"
    public static let measuresFile =
        measuresHeader
        + "US-BIS-2024-28267,foreign,United States,BIS,Entity List final rule,Federal Register 2024-28267,"
        + "entity_listing,,2024-12-02,,,,DOMAIN.md,1\n"
        + "US-BIS-affiliates-2025,foreign,United States,BIS,Affiliates rule (interim final rule),"
        + "\"BIS, 29 September 2025\",ownership_rule,50,2025-09-29,2025-11-10,2026-11-10,,DOMAIN.md,1\n"
    public static let targetsHeader =
        "measure_id,target_id,name,aliases,country,address,uscc,listed_on,removed_on,revision\n"
    public static let targetsFile =
        targetsHeader + "US-BIS-2024-28267,wingtech,\"Wingtech Technology Co., Ltd.\",闻泰科技; 聞泰科技,CN,,,,,1\n"
    public static let ownershipHeader =
        "parent,parent_name,child,child_name,share_percent,held_from,held_until,source\n"
    static let ownershipFile =
        ownershipHeader + "闻泰科技股份有限公司,,Nexperia B.V.,,100,2020-01-01,,test value\n"

    static func shieldKinds(_ store: any RegistryStore) async throws {
        for (kind, text) in [
            (RecordKind.measures, measuresFile), (.measureTargets, targetsFile), (.ownership, ownershipFile),
        ] {
            let report = try await importText(store, kind, text)
            #expect(report.committed, "\(kind): \(report.issues)")
            #expect(try await exportText(store, kind) == text, "\(kind)")
        }
        // As of a day, from what the store holds.
        let snapshot = try await store.loadSnapshot()
        let links = snapshot.records(OwnershipLink.self)
        let graph = try OwnershipGraph(
            links.map {
                OwnershipGraph.Link(
                    parent: PartyName.key($0.parent), child: PartyName.key($0.child), sharePercent: $0.sharePercent,
                    from: $0.heldFrom, until: $0.heldUntil)
            })
        let wingtech = ShieldRegister.Party(names: ["闻泰科技股份有限公司"])
        let nexperia = ShieldRegister.Party(names: ["Nexperia B.V."])
        let register = ShieldRegister(
            measures: snapshot.records(Measure.self), targets: snapshot.records(MeasureTarget.self),
            ownership: graph, parties: [wingtech, nexperia])
        func reached(_ party: ShieldRegister.Party, _ day: String) throws -> Bool {
            !register.exposure(of: party, on: try .init(iso8601: day)).isEmpty
        }
        #expect(try reached(wingtech, "2025-03-01") && !(try reached(nexperia, "2025-03-01")))
        #expect(try reached(nexperia, "2025-10-15") && !(try reached(nexperia, "2025-12-01")))
    }

    static func shieldRefusals(_ store: any RegistryStore) async throws {
        _ = try await importText(store, .measures, measuresFile)
        try await expectRejected(
            store, .measures,
            measuresHeader + "X-1,foreign,United States,BIS,rule,c,ownership_rule,,2025-01-01,,,,s,\n"
                + "X-2,foreign,United States,BIS,rule,c,entity_listing,50,2025-01-01,,,,s,\n"
                + "X-3,foreign,United States,BIS,rule,c,entity_listing,,2025-01-01,,2025-06-01,,s,\n"
                + "X-4,foreign,United States,BIS,rule,c,entity_listing,,2025-01-01,,,2024-12-31,s,\n"
                + "X-5,abroad,United States,BIS,rule,c,listing,,2025-01-01,,,,s,\n",
            [
                (2, "ownership_percent"), (3, "ownership_percent"), (4, "suspended_until"), (5, "ended_on"),
                (6, "kind"), (6, "side"),
            ])
        try await expectRejected(
            store, .measureTargets, targetsHeader + "NO-SUCH-MEASURE,t,Some Party,,,,,,,\n", [(2, "measure_id")],
            reason: "measure")
        try await expectRejected(
            store, .ownership,
            ownershipHeader + "A,,A,,50,2025-01-01,,s\n" + "A,,B,,0,2025-01-01,,s\n"
                + "A,,C,,50,2025-01-01,2025-01-01,s\n",
            [(2, "child"), (3, "share_percent"), (4, "held_until")])
        // Holdings that would, with those stored, go round in a circle or own
        // a party more than whole on some day are refused, the file whole.
        let stored = ownershipHeader + "P,,Q,,50,2025-01-01,,s\n"
        #expect(try await importText(store, .ownership, stored).committed)
        for (row, reason) in [
            ("Q,,P,,30,2025-06-01,,s\n", "round in a circle on 2025-06-01: "),
            ("R,,Q,,60,2025-03-01,2025-05-01,s\n", "Q is owned 110 % directly on 2025-03-01"),
        ] {
            do {
                _ = try await importText(store, .ownership, ownershipHeader + "X,,Y,,10,2025-01-01,,s\n" + row)
                Issue.record("holdings that cannot be were imported: \(row)")
            } catch StoreError.unusableFile(let issues) {
                #expect(issues.map { "\($0.line):\($0.column)" } == ["3:child"], "\(issues)")
                #expect(issues.first?.reason.contains(reason) == true, "\(issues)")
            }
        }
        #expect(try await exportText(store, .ownership) == stored)
    }

    /// The two releases of Tests/Fixtures/shield/csl (its README gives what
    /// changes): 12 entries of 8 lists, then 12 with two gone, one alias
    /// changed and two new, the first read as JSON, the second as CSV.
    static func screeningListReleases(_ store: any RegistryStore) async throws {
        func entries(_ file: String, _ format: ImportSource.Format) throws -> [ScreeningListEntry] {
            let input = MemoryInput(Array(try Fixtures.text("shield/csl/" + file).utf8))
            return try ScreeningListEntry.read(input, format: format)
        }
        func day(_ text: String) throws -> CivilDate { try CivilDate(iso8601: text) }
        let january = try entries("consolidated-2025-01.json", .json)
        #expect(january.count == 12)
        #expect(try entries("consolidated-2025-01.csv", .csv).map(\.name) == january.map(\.name))
        let first = try await ScreeningListImport.run(
            january, published: try day("2025-01-15"), store: store, actor: .system)
        #expect(first.lists == 8 && first.removed == 0 && first.imports[1].inserted == 12)
        // The same release again writes nothing.
        let again = try await ScreeningListImport.run(
            january, published: try day("2025-02-01"), store: store, actor: .system)
        #expect(again.imports.allSatisfy { $0.inserted + $0.replaced == 0 }, "\(again.imports.map(\.summary))")
        let june = try await ScreeningListImport.run(
            try entries("consolidated-2025-06.csv", .csv), published: try day("2025-06-15"), store: store,
            actor: .system)
        #expect(june.removed == 2 && june.imports[1].inserted == 2 && june.imports[1].replaced == 3)
        let targets = Dictionary(
            try await store.records(MeasureTarget.self).map { ($0.measureID + " " + $0.targetID, $0) },
            uniquingKeysWith: { first, _ in first })
        let (march, june15, july) = (try day("2025-03-01"), try day("2025-06-15"), try day("2025-07-01"))
        let gone = try #require(targets["US-CSL-CMIC 990102"])
        #expect(gone.removedOn == june15 && gone.revision == 2)
        #expect(gone.named(on: march) && !gone.named(on: july))
        let added = try #require(targets["US-CSL-SDN 990203"])
        #expect(added.listedOn == june15 && !added.named(on: march))
        #expect(targets["US-CSL-EL Demo Zhongke Microelectronics Co., Ltd."]?.aliases.contains("Demo ZK Micro") == true)
        // Nothing is deleted: the first revision of a removed party is kept.
        let measures = try await store.records(Measure.self).filter {
            $0.id.hasPrefix(ScreeningListImport.measurePrefix)
        }
        #expect(measures.map(\.id).contains("US-CSL-EL") && measures.allSatisfy { $0.revision == 1 })
        do {
            let bad = try entries("bad.csv", .csv)
            _ = try await ScreeningListImport.run(bad, published: try day("2025-07-01"), store: store, actor: .system)
            Issue.record("a release with bad entries was imported")
        } catch StoreError.unusableFile(let issues) {
            #expect(issues.map(\.line) == [3, 5] && issues.map(\.column) == ["start_date", "name"])
        }
        #expect(try await store.records(MeasureTarget.self).count == targets.count)
    }
}
