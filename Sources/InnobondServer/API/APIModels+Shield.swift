import FixedIncome
import InnobondInsights
import InnobondModel

extension APIModels {
    /// The measures that reach any party of the register on a day.
    struct PartyExposure: Encodable, Sendable {
        /// A party it holds that measures name.
        struct Holding: Encodable, Sendable {
            var party: String
            var names: [String]
            var heldPercent: Double
            var items: [ExposureList.Item]
        }

        /// The party's key: its code, or its name's key.
        var party: String
        var names: [String]
        var asOf: CivilDate
        var items: [ExposureList.Item]
        var namedHoldings: [Holding]
    }

    /// The registry's issuers foreign measures reach on a day (``ShieldOverview``).
    struct ShieldAnswer: Encodable, Sendable {
        struct Reached: Encodable, Sendable {
            var uscc: String
            var name: String
            var named: Bool
            var bondCount: Int
            var amountOutstandingFen: Int64
            var bonds: [String]
            var exposures: [ExposureList.Item]
        }

        var asOf: CivilDate
        var measuresInForce: Int
        var issuerCount: Int
        var bondCount: Int
        var amountOutstandingFen: Int64
        var issuers: [Reached]

        init(_ overview: ShieldOverview, register: ShieldRegister) {
            asOf = overview.day
            measuresInForce = overview.measuresInForce
            issuerCount = overview.reached.count
            bondCount = overview.bondCount
            amountOutstandingFen = overview.amountFen
            issuers = overview.reached.map { item in
                Reached(
                    uscc: item.issuer.uscc.value, name: item.issuer.name, named: item.isNamed,
                    bondCount: item.bonds.count, amountOutstandingFen: item.amountFen,
                    bonds: item.bonds.map(\.code.value),
                    exposures: item.exposures.map { ExposureList.Item($0, on: overview.day, register: register) })
            }
        }
    }

    /// The measures with where each stands on a day, and the parties they
    /// name that a search finds.
    struct MeasureList: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var measureId: String
            var side: String
            var jurisdiction: String
            var authority: String
            var instrument: String
            var citation: String
            var kind: String
            var ownershipPercent: Double?
            var effectiveFrom: CivilDate
            var suspendedFrom: CivilDate?
            var suspendedUntil: CivilDate?
            var endedOn: CivilDate?
            var standing: String
            var partiesNamed: Int
            var source: String
            var revision: Int?
        }

        struct Target: Encodable, Sendable {
            var measureId: String
            var targetId: String
            var name: String
            var aliases: [String]
            var country: String?
            var address: String?
            var uscc: String?
            var listedOn: CivilDate?
            var removedOn: CivilDate?
            /// Whether the measure names it and is in force on the day.
            var namedInForce: Bool
        }

        var asOf: CivilDate
        var measures: [Item]
        var targets: [Target]
        var targetCount: Int

        init(register: ShieldRegister, on day: CivilDate, search: String?, measureID: String?, limit: Int) {
            asOf = day
            let named = Dictionary(grouping: register.targets.filter { $0.named(on: day) }, by: \.measureID)
            measures = register.measures.map { measure in
                Item(
                    measureId: measure.id, side: measure.side.rawValue, jurisdiction: measure.jurisdiction,
                    authority: measure.authority, instrument: measure.instrument, citation: measure.citation,
                    kind: measure.kind.rawValue, ownershipPercent: measure.ownershipPercent,
                    effectiveFrom: measure.effectiveFrom, suspendedFrom: measure.suspendedFrom,
                    suspendedUntil: measure.suspendedUntil, endedOn: measure.endedOn,
                    standing: measure.standing(on: day).rawValue, partiesNamed: named[measure.id]?.count ?? 0,
                    source: measure.source, revision: measure.revision)
            }
            let found =
                search == nil && measureID == nil ? [] : register.targets(matching: search, measureID: measureID)
            targetCount = found.count
            targets = found.prefix(limit).map { target in
                Target(
                    measureId: target.measureID, targetId: target.targetID, name: target.name,
                    aliases: target.aliases, country: target.country, address: target.address,
                    uscc: target.uscc?.value, listedOn: target.listedOn, removedOn: target.removedOn,
                    namedInForce: target.named(on: day)
                        && register.measure(id: target.measureID)?.standing(on: day) == .inForce)
            }
        }
    }

    /// Compliance cases with their clocks on a day.
    struct CaseList: Encodable, Sendable {
        struct Clock: Encodable, Sendable {
            var name: String
            var started: CivilDate
            var lastDay: CivilDate
            var due: CivilDate
            var status: String
            var daysLeft: Int
            var metOn: CivilDate?
            var calendarHeld: Bool
        }

        struct Item: Encodable, Sendable {
            var caseId: String
            var uscc: String
            var issuerName: String?
            var jurisdiction: String
            var authority: String?
            var citation: String
            var measureDate: CivilDate?
            var counterparty: String?
            var discovered: CivilDate
            var reported: CivilDate?
            var exemptionFiled: CivilDate?
            var claimsFen: Int64?
            var legalBasis: String
            var state: String
            var nextStates: [String]
            var notes: String?
            var revision: Int?
            var overdue: Bool
            var clocks: [Clock]
        }

        var asOf: CivilDate
        var overdueCount: Int
        var items: [Item]

        init(_ cases: [(ComplianceCase, [ComplianceClock])], issuers: [USCC: Issuer], on day: CivilDate) {
            asOf = day
            items = cases.map { record, clocks in
                Item(
                    caseId: record.caseID, uscc: record.uscc.value, issuerName: issuers[record.uscc]?.name,
                    jurisdiction: record.jurisdiction, authority: record.authority, citation: record.citation,
                    measureDate: record.measureDate, counterparty: record.counterparty, discovered: record.discovered,
                    reported: record.reported, exemptionFiled: record.exemptionFiled, claimsFen: record.claims?.fen,
                    legalBasis: record.legalBasis, state: record.state.rawValue,
                    nextStates: record.state.next.map(\.rawValue), notes: record.notes, revision: record.revision,
                    overdue: clocks.contains(where: \.isOverdue),
                    clocks: clocks.map {
                        Clock(
                            name: $0.name.rawValue, started: $0.started, lastDay: $0.lastDay, due: $0.due,
                            status: $0.status.rawValue, daysLeft: $0.daysLeft, metOn: $0.metOn,
                            calendarHeld: $0.calendarHeld)
                    })
            }
            overdueCount = items.filter(\.overdue).count
        }
    }
}
