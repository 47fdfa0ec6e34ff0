import FixedIncome
import InnobondModel
import Testing

@testable import InnobondInsights

/// The legal shield's core: effective ownership through chains, measures'
/// standing over time, names that screen alike, and exposure as of a day.
@Suite struct ShieldTests {
    static func day(_ text: String) -> CivilDate { try! CivilDate(iso8601: text) }
    static let start = day("2020-01-01")

    static func link(
        _ parent: String, _ child: String, _ percent: Double, from: String = "2020-01-01", until: String? = nil
    )
        -> OwnershipGraph.Link
    {
        OwnershipGraph.Link(
            parent: parent, child: child, sharePercent: percent, from: day(from), until: until.map(day))
    }

    /// Worked by hand: A holds 60 % of B, which holds 50 % of C, so A holds
    /// 0.6 × 0.5 = 30 % of C; B's holding does not count back up to A.
    @Test func aChainMultipliesItsShares() throws {
        let graph = try OwnershipGraph([Self.link("A", "B", 60), Self.link("B", "C", 50)])
        let on = Self.day("2025-01-01")
        #expect(abs(graph.share(of: "A", in: "C", on: on) - 30) < 1e-12)
        #expect(graph.share(of: "C", in: "A", on: on) == 0)
        #expect(graph.chains(from: "A", to: "C", on: on).map(\.parties) == [["A", "B", "C"]])
        #expect(graph.owners(of: "C", on: on).map(\.owner) == ["B", "A"])
    }

    /// Worked by hand: A holds D through B (0.4 × 0.5 = 0.20), through C
    /// (0.3 × 0.4 = 0.12) and directly (0.10): 42 %, above a 40 % rule
    /// though no single chain is.
    @Test func chainsAddUp() throws {
        let graph = try OwnershipGraph([
            Self.link("A", "B", 40), Self.link("A", "C", 30), Self.link("B", "D", 50), Self.link("C", "D", 40),
            Self.link("A", "D", 10),
        ])
        let on = Self.day("2025-01-01")
        #expect(abs(graph.share(of: "A", in: "D", on: on) - 42) < 1e-12)
        #expect(graph.chains(from: "A", to: "D", on: on).count == 3)
        #expect(graph.chains(from: "A", to: "D", on: on).allSatisfy { $0.percent < 40 })
        let holdings = graph.holdings(of: "A", on: on)
        #expect(holdings.map(\.party) == ["D", "B", "C"])
    }

    /// A circle of holdings is refused, with the day it closes, even when it
    /// closes only later; so is a party owned more than whole.
    @Test func circlesAndOverOwnershipAreRefused() throws {
        #expect(throws: OwnershipGraph.Problem.cycle(["A", "B", "C", "A"], on: Self.start)) {
            try OwnershipGraph([Self.link("A", "B", 50), Self.link("B", "C", 50), Self.link("C", "A", 10)])
        }
        #expect(throws: OwnershipGraph.Problem.cycle(["A", "B", "A"], on: Self.day("2026-01-01"))) {
            try OwnershipGraph([Self.link("A", "B", 50), Self.link("B", "A", 5, from: "2026-01-01")])
        }
        // Ended before the other began: never a circle.
        _ = try OwnershipGraph([
            Self.link("A", "B", 50, until: "2025-01-01"), Self.link("B", "A", 5, from: "2025-01-01"),
        ])
        #expect(throws: OwnershipGraph.Problem.overOwned("B", percent: 110, on: Self.start)) {
            try OwnershipGraph([Self.link("A", "B", 60), Self.link("C", "B", 50)])
        }
    }

    /// A share that changes over time: 40 % to the end of June 2025, 60 %
    /// from July; a 50 % rule reaches B from 1 July only.
    @Test func aShareChangesOverTime() throws {
        let graph = try OwnershipGraph([
            Self.link("A", "B", 40, until: "2025-07-01"), Self.link("A", "B", 60, from: "2025-07-01"),
        ])
        #expect(graph.share(of: "A", in: "B", on: Self.day("2025-06-30")) == 40)
        #expect(graph.share(of: "A", in: "B", on: Self.day("2025-07-01")) == 60)
        #expect(graph.share(of: "A", in: "B", on: Self.day("2019-12-31")) == 0)
    }

    @Test func aMeasureStandsInForceSuspendedOrEnded() {
        let measure = Measure(
            id: "rule", side: .foreign, jurisdiction: "United States", authority: "BIS", instrument: "rule",
            citation: "c", kind: .ownershipRule, ownershipPercent: 50, effectiveFrom: Self.day("2025-09-29"),
            suspendedFrom: Self.day("2025-11-10"), suspendedUntil: Self.day("2026-11-10"),
            endedOn: Self.day("2027-01-01"), source: "test")
        #expect(measure.standing(on: Self.day("2025-09-28")) == .notYetEffective)
        #expect(measure.standing(on: Self.day("2025-09-29")) == .inForce)
        #expect(measure.standing(on: Self.day("2025-11-09")) == .inForce)
        #expect(measure.standing(on: Self.day("2025-11-10")) == .suspended)
        #expect(measure.standing(on: Self.day("2026-11-09")) == .suspended)
        #expect(measure.standing(on: Self.day("2026-11-10")) == .inForce)
        #expect(measure.standing(on: Self.day("2027-01-01")) == .ended)
    }

    /// One entity's published spellings give one key; different entities
    /// that share words do not come close.
    @Test func spellingsOfOneNameShareAKey() {
        for (a, b) in [
            ("闻泰科技股份有限公司", "聞泰科技股份有限公司"), ("闻泰科技股份有限公司", "闻泰科技"),
            ("Wingtech Technology Co., Ltd.", "WINGTECH TECHNOLOGY CO LTD"),
            ("Wingtech Technology Co., Ltd.", "Ｗｉｎｇｔｅｃｈ　Ｔｅｃｈｎｏｌｏｇｙ"),
            ("Nexperia B.V.", "NEXPERIA BV"), ("Peking Example Works Inc.", "Beijing Example Works"),
            (
                "Hangzhou Hikvision Digital Technology Co., Ltd.",
                "hangzhou hikvision digital technology company limited"
            ),
        ] {
            #expect(PartyName.key(a) == PartyName.key(b), "\(a) | \(b)")
        }
        for (a, b) in [
            ("华为技术有限公司", "华为终端有限公司"), ("Huawei Technologies Co., Ltd.", "Huawei Device Co., Ltd."),
            ("中国电子科技集团有限公司", "中国电子信息产业集团有限公司"),
        ] {
            #expect(PartyName.similarity(a, b) < 0.9, "\(a) | \(b)")
        }
        // A legal form alone stays a name.
        #expect(PartyName.key("Limited") == "limited")
    }

    /// Wingtech and Nexperia as of the dates that matter (DOMAIN.md, "The
    /// legal shield"): the December 2024 Entity List rule (Federal Register
    /// 2024-28267, effective 2 December 2024) names Wingtech; BIS's
    /// Affiliates rule (interim final rule effective 29 September 2025)
    /// reaches what listed parties own 50 % or more, and is suspended from
    /// 10 November 2025 for a year. Nexperia B.V. is Wingtech's wholly owned
    /// subsidiary (held here from before the first date asked).
    @Test func wingtechAndNexperiaAsOfEachDate() throws {
        let listing = Measure(
            id: "US-BIS-2024-28267", side: .foreign, jurisdiction: "United States", authority: "BIS",
            instrument: "Entity List final rule", citation: "Federal Register 2024-28267", kind: .entityListing,
            effectiveFrom: Self.day("2024-12-02"), source: "DOMAIN.md")
        let affiliates = Measure(
            id: "US-BIS-affiliates-2025", side: .foreign, jurisdiction: "United States", authority: "BIS",
            instrument: "Affiliates rule (interim final rule)", citation: "BIS, 29 September 2025",
            kind: .ownershipRule, ownershipPercent: 50, effectiveFrom: Self.day("2025-09-29"),
            suspendedFrom: Self.day("2025-11-10"), suspendedUntil: Self.day("2026-11-10"), source: "DOMAIN.md")
        let wingtech = ShieldRegister.Party(names: ["闻泰科技股份有限公司", "Wingtech Technology Co., Ltd."])
        let nexperia = ShieldRegister.Party(names: ["Nexperia B.V.", "安世半导体"])
        let register = ShieldRegister(
            measures: [listing, affiliates],
            targets: [
                MeasureTarget(
                    measureID: listing.id, name: "Wingtech Technology Co., Ltd.", aliases: ["闻泰科技"],
                    country: "CN")
            ],
            ownership: try OwnershipGraph([
                OwnershipGraph.Link(
                    parent: wingtech.key, child: nexperia.key, sharePercent: 100, from: Self.day("2020-01-01"))
            ]), parties: [wingtech, nexperia])
        func reach(_ party: ShieldRegister.Party, _ date: String) -> [String] {
            register.exposure(of: party, on: Self.day(date)).map { $0.isDirect ? "direct" : "via " + $0.owner! }
        }
        #expect(reach(wingtech, "2024-11-01") == [] && reach(nexperia, "2024-11-01") == [])
        #expect(reach(wingtech, "2025-03-01") == ["direct"] && reach(nexperia, "2025-03-01") == [])
        #expect(reach(wingtech, "2025-10-15") == ["direct"] && reach(nexperia, "2025-10-15") == ["via " + wingtech.key])
        #expect(reach(wingtech, "2025-12-01") == ["direct"] && reach(nexperia, "2025-12-01") == [])
        #expect(reach(nexperia, "2026-11-10") == ["via " + wingtech.key])
        let during = try #require(register.exposure(of: nexperia, on: Self.day("2025-10-15")).first)
        #expect(during.ownedPercent == 100 && during.rule?.id == affiliates.id && during.measure.id == listing.id)
        #expect(during.chains.map(\.parties) == [[wingtech.key, nexperia.key]])
    }

    /// A Chinese prohibition order names the foreign measure it forbids
    /// complying with by its key: it counters that measure while in force.
    /// A rejected review stops a same-key name from counting; a confirmed one
    /// makes a different name count (docs/shield.md). Synthetic measures.
    @Test func counterMeasuresAndReviewedNames() throws {
        let listing = Measure(
            id: "L", side: .foreign, jurisdiction: "United States", authority: "BIS", instrument: "listing",
            citation: "L", kind: .entityListing, effectiveFrom: Self.day("2025-01-01"), source: "test")
        let order = Measure(
            id: "PO", side: .chinese, jurisdiction: "China", authority: "MOFCOM", instrument: "prohibition order",
            citation: "PO", kind: .prohibitionOrder, effectiveFrom: Self.day("2025-03-01"),
            suspendedFrom: Self.day("2025-06-01"), source: "test")
        let issuer = ShieldRegister.Party(uscc: try USCC("91350100M000100Y43"), names: ["示例芯片股份有限公司"])
        let other = ShieldRegister.Party(uscc: try USCC("91440300708461136T"), names: ["华为技术有限公司"])
        let targets = [
            MeasureTarget(measureID: "L", targetID: "same-key", name: "示例芯片有限公司"),
            MeasureTarget(measureID: "L", targetID: "other-name", name: "Huawei Technology Company"),
            MeasureTarget(measureID: "PO", targetID: "L", name: "the listing L"),
        ]
        let plain = ShieldRegister(
            measures: [listing, order], targets: targets, ownership: try OwnershipGraph([]), parties: [issuer, other])
        #expect(plain.counterMeasures(to: "L", on: Self.day("2025-02-01")).isEmpty)
        #expect(plain.counterMeasures(to: "L", on: Self.day("2025-04-01")).map(\.id) == ["PO"])
        #expect(plain.counterMeasures(to: "L", on: Self.day("2025-07-01")).isEmpty)
        let on = Self.day("2025-04-01")
        #expect(plain.exposure(of: issuer, on: on).map(\.target.targetID) == ["same-key"])
        #expect(plain.exposure(of: other, on: on).isEmpty)
        let reviewed = ShieldRegister(
            measures: [listing, order], targets: targets, ownership: try OwnershipGraph([]), parties: [issuer, other],
            reviews: [
                MatchReview(
                    uscc: issuer.uscc!, measureID: "L", targetID: "same-key", decision: .rejected,
                    decidedOn: Self.day("2025-03-01")),
                MatchReview(
                    uscc: other.uscc!, measureID: "L", targetID: "other-name", decision: .confirmed,
                    decidedOn: Self.day("2025-03-01")),
            ])
        #expect(reviewed.exposure(of: issuer, on: on).isEmpty)
        #expect(reviewed.exposure(of: other, on: on).map(\.matchedBy) == ["review"])
    }

    /// The register's own party of an issuer is the party made of it anew:
    /// every demo issuer; an issuer renamed since, or unknown, is made anew.
    @Test func theRegistersPartyOfAnIssuerIsTheIssuersParty() throws {
        let snapshot = BriefingTests.demo
        let register = try ShieldRegister(snapshot)
        for issuer in snapshot.issuers {
            #expect(register.party(issuer) == ShieldRegister.Party(issuer))
        }
        var renamed = try #require(snapshot.issuers.first)
        renamed.name += " renamed"
        #expect(register.party(renamed) == ShieldRegister.Party(renamed))
        #expect(register.party(renamed).names.first == renamed.name)
    }
}
