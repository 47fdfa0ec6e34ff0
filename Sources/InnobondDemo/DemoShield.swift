import FixedIncome
import InnobondModel

/// The demo's legal shield. Two parts that never mix:
///
/// - **Real:** the Wingtech / Nexperia chain of DOMAIN.md ("The legal
///   shield"): the Entity List rule of December 2024 that names Wingtech,
///   the BIS Affiliates rule with its suspension, the Dutch order over
///   Nexperia, and Wingtech's whole holding of Nexperia, each with its
///   source. Neither company is a registry issuer: no row of the registry
///   carries a figure the sources do not publish.
/// - **Synthetic, marked `demo`:** measures naming a few of the demo's
///   issuers (by code, by English name, by Chinese name), a demo holding
///   company under sanctions that owns demo issuers directly and through a
///   chain, a misspelt name an analyst confirmed and a namesake one
///   rejected, Chinese counter-measures, and compliance cases in each state
///   of their clocks.
struct DemoShield {
    var measures: [Measure] = []
    var targets: [MeasureTarget] = []
    var ownership: [OwnershipLink] = []
    var cases: [ComplianceCase] = []
    var reviews: [MatchReview] = []

    static let demo = "demo"

    static func build(issuers: [Issuer], bonds: [Bond], asOf: CivilDate) -> DemoShield {
        var shield = DemoShield()
        shield.addWingtechChain()
        // Issuers with a sci-tech bond outstanding on the demo's last day,
        // semiconductor makers first, in a fixed order.
        let outstanding = Set(bonds.filter { $0.sciTech && $0.issueDate <= asOf && asOf < $0.maturityDate }.map(\.uscc))
        let candidates = issuers.filter {
            outstanding.contains($0.uscc) && $0.nameEnglish != nil && $0.uscc != DemoIssuers.flagship.uscc
        }
        .sorted {
            ($0.sector == .semiconductors ? 0 : 1, $0.uscc) < ($1.sector == .semiconductors ? 0 : 1, $1.uscc)
        }
        guard candidates.count >= 8 else { return shield }
        shield.addSyntheticMeasures(Array(candidates.prefix(8)))
        return shield
    }

    private static func day(_ text: String) -> CivilDate { try! CivilDate(iso8601: text) }

    // MARK: - Real: DOMAIN.md, "The legal shield"

    static let entityListRule = "US-BIS-2024-28267"
    static let affiliatesRule = "US-BIS-affiliates-2025"
    static let dutchOrder = "NL-EZ-nexperia-2025"
    static let wingtechChinese = "闻泰科技股份有限公司"
    static let nexperia = "Nexperia B.V."

    private mutating func addWingtechChain() {
        measures += [
            Measure(
                id: Self.entityListRule, side: .foreign, jurisdiction: "United States", authority: "BIS",
                instrument: "Entity List additions (final rule, 140 entities)",
                citation: "Federal Register document 2024-28267", kind: .entityListing,
                effectiveFrom: Self.day("2024-12-02"),
                source: "https://www.federalregister.gov/d/2024-28267 (rule of 2 December 2024)"),
            Measure(
                id: Self.affiliatesRule, side: .foreign, jurisdiction: "United States", authority: "BIS",
                instrument: "Affiliates rule (interim final rule): Entity List restrictions extend to entities "
                    + "owned 50 % or more by listed parties",
                citation: "BIS interim final rule of 29 September 2025", kind: .ownershipRule, ownershipPercent: 50,
                effectiveFrom: Self.day("2025-09-29"), suspendedFrom: Self.day("2025-11-10"),
                suspendedUntil: Self.day("2026-11-10"),
                source: "BIS interim final rule of 29 September 2025; suspended for one year by BIS on "
                    + "10 November 2025 (press and law-firm reports, DOMAIN.md)"),
            Measure(
                id: Self.dutchOrder, side: .foreign, jurisdiction: "Netherlands",
                authority: "Minister of Economic Affairs",
                instrument: "Order taking control of Nexperia's major decisions for one year",
                citation: "Netherlands government order of 30 September 2025", kind: .judgmentOrOrder,
                effectiveFrom: Self.day("2025-09-30"), endedOn: Self.day("2026-09-30"),
                source: "Netherlands government, 30 September 2025 (press reports, DOMAIN.md)"),
        ]
        targets += [
            MeasureTarget(
                measureID: Self.entityListRule, targetID: "wingtech", name: "Wingtech Technology Co., Ltd.",
                aliases: ["闻泰科技", "聞泰科技"], country: "CN"),
            MeasureTarget(
                measureID: Self.dutchOrder, targetID: "nexperia", name: Self.nexperia, aliases: ["Nexperia"],
                country: "NL"),
        ]
        ownership.append(
            OwnershipLink(
                parent: Self.wingtechChinese, parentName: "Wingtech Technology Co., Ltd.", child: Self.nexperia,
                childName: Self.nexperia, sharePercent: 100, heldFrom: Self.day("2024-12-02"),
                source: "Wholly owned subsidiary (DOMAIN.md, from press and law-firm notes); held here from the "
                    + "Entity List rule, the first date the sources state it"))
    }

    // MARK: - Synthetic

    private mutating func addSyntheticMeasures(_ reached: [Issuer]) {
        let demo = Self.demo
        let holding = "演示海外控股集团有限公司"
        let holdingEnglish = "Demo Overseas Holding Group Ltd."
        let intermediate = "演示中间投资有限公司"
        measures += [
            Measure(
                id: "DEMO-US-EL-2025", side: .foreign, jurisdiction: "United States", authority: "BIS",
                instrument: "Entity List additions (demo)", citation: "demo rule DEMO-EL-2025", kind: .entityListing,
                effectiveFrom: Self.day("2025-03-25"), source: demo),
            Measure(
                id: "DEMO-US-SDN-2025", side: .foreign, jurisdiction: "United States", authority: "OFAC",
                instrument: "Sanctions designations (demo)", citation: "demo designation DEMO-SDN-2025",
                kind: .sanctionsDesignation, effectiveFrom: Self.day("2025-06-12"), source: demo),
            Measure(
                id: "DEMO-US-OFAC-50", side: .foreign, jurisdiction: "United States", authority: "OFAC",
                instrument: "Ownership rule (demo): designations extend to entities owned 50 % or more",
                citation: "demo guidance DEMO-50", kind: .ownershipRule, ownershipPercent: 50,
                effectiveFrom: Self.day("2025-01-01"), source: demo),
            Measure(
                id: "DEMO-US-MEU-2026", side: .foreign, jurisdiction: "United States", authority: "BIS",
                instrument: "Military End-User List additions (demo)", citation: "demo rule DEMO-MEU-2026",
                kind: .exportControl, effectiveFrom: Self.day("2026-04-15"), endedOn: Self.day("2026-10-01"),
                source: demo),
            Measure(
                id: "DEMO-CN-UEL-2025", side: .chinese, jurisdiction: "China", authority: "MOFCOM",
                instrument: "Unreliable Entity List decision (demo)", citation: "demo announcement DEMO-UEL-2025",
                kind: .unreliableEntity, effectiveFrom: Self.day("2025-04-09"), source: demo),
            Measure(
                id: "DEMO-CN-PO-2026", side: .chinese, jurisdiction: "China", authority: "MOFCOM",
                instrument: "Prohibition order under the blocking rules (demo)", citation: "demo order DEMO-PO-2026",
                kind: .prohibitionOrder, effectiveFrom: Self.day("2026-02-10"), suspendedFrom: Self.day("2026-08-01"),
                source: demo),
            Measure(
                id: "DEMO-CN-AFSL-2025", side: .chinese, jurisdiction: "China", authority: "MOFCOM",
                instrument: "Countermeasure decision under the Anti-Foreign Sanctions Law (demo)",
                citation: "demo decision DEMO-AFSL-2025", kind: .countermeasure, effectiveFrom: Self.day("2025-07-01"),
                source: demo),
        ]
        // Named directly: by code, by English name in capitals without
        // punctuation, by Chinese name in traditional characters.
        let (byCode, byEnglish, byChinese) = (reached[0], reached[1], reached[2])
        targets += [
            MeasureTarget(
                measureID: "DEMO-US-EL-2025", targetID: "demo-el-1", name: byCode.nameEnglish!, country: "CN",
                uscc: byCode.uscc),
            MeasureTarget(
                measureID: "DEMO-US-EL-2025", targetID: "demo-el-2",
                name: byEnglish.nameEnglish!.uppercased().filter { $0 != "," && $0 != "." }, country: "CN"),
            MeasureTarget(
                measureID: "DEMO-US-MEU-2026", targetID: "demo-meu-1", name: "Demo listed party",
                aliases: [Self.traditional(byChinese.name)], country: "CN"),
            // Listed, then removed.
            MeasureTarget(
                measureID: "DEMO-US-EL-2025", targetID: "demo-el-3", name: reached[3].nameEnglish!, country: "CN",
                listedOn: Self.day("2025-09-01"), removedOn: Self.day("2026-03-01")),
            // A near miss, confirmed by review: one letter and a legal form off an issuer's name.
            MeasureTarget(
                measureID: "DEMO-US-EL-2025", targetID: "demo-el-4",
                name: Self.nearMiss(reached[7].nameEnglish!), country: "CN"),
            // A namesake elsewhere, rejected by review: the same name as an issuer, another company.
            MeasureTarget(
                measureID: "DEMO-US-EL-2025", targetID: "demo-el-5", name: reached[6].name, country: "TW",
                address: "Taipei (demo)"),
            MeasureTarget(
                measureID: "DEMO-US-SDN-2025", targetID: "demo-sdn-1", name: holdingEnglish, aliases: [holding],
                country: "HK"),
            MeasureTarget(
                measureID: "DEMO-CN-UEL-2025", targetID: "demo-uel-1", name: "Demo Defense Systems Inc.",
                country: "US"),
            MeasureTarget(
                // A prohibition order names the foreign measure it forbids complying with, by its key.
                measureID: "DEMO-CN-PO-2026", targetID: "DEMO-US-EL-2025",
                name: "Entity List additions (demo rule DEMO-EL-2025)", country: "US"),
            MeasureTarget(
                measureID: "DEMO-CN-AFSL-2025", targetID: "demo-afsl-1", name: "Demo Aerospace Corporation",
                country: "US"),
        ]
        // Reached through the sanctioned holding: 60 % directly; 30 % + 50 %
        // of 50 % = 55 % through a chain; 40 %, below the rule.
        ownership += [
            OwnershipLink(
                parent: holding, parentName: holdingEnglish, child: reached[4].uscc.value, childName: reached[4].name,
                sharePercent: 60, heldFrom: Self.day("2023-05-01"), source: demo),
            OwnershipLink(
                parent: holding, parentName: holdingEnglish, child: reached[5].uscc.value, childName: reached[5].name,
                sharePercent: 30, heldFrom: Self.day("2023-05-01"), source: demo),
            OwnershipLink(
                parent: holding, parentName: holdingEnglish, child: intermediate, childName: intermediate,
                sharePercent: 50, heldFrom: Self.day("2024-02-01"), source: demo),
            OwnershipLink(
                parent: intermediate, child: reached[5].uscc.value, childName: reached[5].name, sharePercent: 50,
                heldFrom: Self.day("2024-02-01"), source: demo),
            OwnershipLink(
                parent: holding, parentName: holdingEnglish, child: reached[6].uscc.value, childName: reached[6].name,
                sharePercent: 40, heldFrom: Self.day("2023-05-01"), heldUntil: Self.day("2026-01-01"), source: demo),
        ]
        cases = Self.cases(reached)
        reviews = [
            MatchReview(
                uscc: reached[7].uscc, measureID: "DEMO-US-EL-2025", targetID: "demo-el-4", decision: .confirmed,
                decidedOn: Self.day("2025-03-28"), note: "demo decision: the same company, its name misspelt"),
            MatchReview(
                uscc: reached[6].uscc, measureID: "DEMO-US-EL-2025", targetID: "demo-el-5", decision: .rejected,
                score: 1, decidedOn: Self.day("2025-03-28"),
                note: "demo decision: a company of the same name in Taipei, not the issuer"),
        ]
    }

    /// Cases in each state of their clocks (the clocks: ``ComplianceClock``).
    private static func cases(_ reached: [Issuer]) -> [ComplianceCase] {
        let basis = "MOFCOM Order No. 1 of 2021 (blocking rules), 9 January 2021"
        func make(
            _ id: String, _ issuer: Issuer, _ measure: String, discovered: String, reported: String? = nil,
            exemption: String? = nil, state: ComplianceCase.State, claims: Int64? = nil, counterparty: String? = nil
        ) -> ComplianceCase {
            ComplianceCase(
                caseID: id, uscc: issuer.uscc, jurisdiction: "United States",
                authority: measure.contains("SDN") ? "OFAC" : "BIS", citation: "demo: \(measure)",
                counterparty: counterparty, discovered: day(discovered), reported: reported.map(day),
                exemptionFiled: exemption.map(day), claims: claims.map { Money(fen: $0 * 100) }, legalBasis: basis,
                state: state, notes: "demo case")
        }
        return [
            make(
                "DEMO-CASE-01", reached[0], "DEMO-US-EL-2025", discovered: "2025-03-27", reported: "2025-04-18",
                state: .noOrder, counterparty: "Demo Wafer Supply Inc."),
            make(
                "DEMO-CASE-02", reached[1], "DEMO-US-EL-2025", discovered: "2025-03-28", reported: "2025-05-06",
                state: .orderIssued, counterparty: "Demo EDA Software LLC"),
            make(
                "DEMO-CASE-03", reached[4], "DEMO-US-SDN-2025", discovered: "2025-06-20", reported: "2025-07-18",
                exemption: "2025-08-04", state: .granted, counterparty: "Demo Clearing Bank"),
            make(
                "DEMO-CASE-04", reached[5], "DEMO-US-SDN-2025", discovered: "2026-10-15", state: .assessing,
                counterparty: "Demo Equipment GmbH"),
            make(
                "DEMO-CASE-05", reached[2], "DEMO-US-MEU-2026", discovered: "2026-04-20", reported: "2026-05-15",
                exemption: "2026-11-10", state: .exemptionRequested, counterparty: "Demo Test Instruments Inc."),
            make(
                "DEMO-CASE-06", reached[3], "DEMO-US-EL-2025", discovered: "2025-09-05", reported: "2025-09-30",
                exemption: "2025-10-20", state: .denied, claims: 12_500_000, counterparty: "Demo Lithography B.V."),
            make(
                "DEMO-CASE-07", reached[6], "DEMO-US-SDN-2025", discovered: "2025-06-13", state: .closed,
                counterparty: "Demo Payments Ltd."),
        ]
    }

    /// A name close to `name` but not the same (`Demo Huaxin Semiconductor
    /// Co., Ltd. 07` → `Demo Huaxin Semiconductors Co. 07`).
    static func nearMiss(_ name: String) -> String {
        name.replacing(" Co., Ltd.", with: "s Co.")
    }

    /// `name` with the characters that have one traditional form in it.
    static func traditional(_ name: String) -> String {
        let pairs: [Character: Character] = [
            "华": "華", "导": "導", "体": "體", "动": "動", "电": "電", "术": "術", "业": "業", "软": "軟",
            "药": "藥", "讯": "訊", "东": "東", "联": "聯", "达": "達",
        ]
        return String(name.map { pairs[$0] ?? $0 })
    }
}
