import FixedIncome
import Foundation
import InnobondInsights
import InnobondModel

/// `/shield`: the legal shield on a day: the registry's issuers foreign
/// measures reach, with their sci-tech bonds outstanding; every measure and
/// where it stands; the parties measures name, searched by name or code.
struct ShieldPage: Sendable {
    static let path = "/shield"
    /// The most named parties a page lists.
    static let targetLimit = 200

    struct Card: Sendable {
        var label: String
        var value: String
    }

    struct ReachedRow: Sendable {
        var name: String
        var href: String
        var how: String
        var bonds: Int
        var amount: String
    }

    struct MeasureRow: Sendable {
        var id: String
        var href: String
        var side: String
        var body: String
        var instrument: String
        var citation: String
        var kind: String
        var standing: String
        var inForce: Bool
        var periods: String
        var named: Int
        var source: String
    }

    struct TargetRow: Sendable {
        var measure: String
        var measureHref: String
        var name: String
        var aliases: String
        var country: String
        var uscc: String
        var listed: String
        var named: Bool
    }

    var layout: Layout
    var day: String
    var q: String
    var measureID: String
    var hasQuery: Bool
    var hasMeasure: Bool
    var cards: [Card]
    var reached: [ReachedRow]
    var hasReached: Bool
    var measures: [MeasureRow]
    var targets: [TargetRow]
    var showsTargets: Bool
    var targetsSummary: String
    var problem: String?
    var apiHref: String
    var csvHref: String
    /// The party asked about (`party`), and the measures that reach it.
    var partyText: String
    var party: ShieldSection?
    var partyUnknown: Bool

    init(current: RegistryState.Current, day: CivilDate, search: String?, measureID: String?, party: String? = nil) {
        layout = Layout("Legal shield", section: .shield, current: current)
        layout.wide = true
        self.day = day.iso8601
        q = search ?? ""
        self.measureID = measureID ?? ""
        hasQuery = search != nil
        hasMeasure = measureID != nil
        problem = current.shieldProblem
        partyText = party ?? ""
        let asked = party.flatMap { current.shield?.party(named: $0) }
        self.party = asked.map { Self.section(current: current, party: $0, day: day) }
        partyUnknown = party != nil && asked == nil
        apiHref = "/api/v1/shield?as_of=\(day.iso8601)"
        csvHref = "/shield/reached.csv?as_of=\(day.iso8601)"
        guard let register = current.shield else {
            (cards, reached, hasReached, measures, targets, showsTargets, targetsSummary) = (
                [], [], false, [], [], false, ""
            )
            return
        }
        let overview = ShieldOverview(register: register, snapshot: current.snapshot, on: day)
        cards = [
            Card(label: "Foreign measures in force", value: NumberText.group(Int64(overview.measuresInForce))),
            Card(label: "Registry issuers they reach", value: NumberText.group(Int64(overview.reached.count))),
            Card(label: "Their sci-tech bonds outstanding", value: NumberText.group(Int64(overview.bondCount))),
            Card(label: "Amount outstanding", value: NumberText.yuanBillions(fen: overview.amountFen)),
        ]
        reached = overview.reached.map { item in
            ReachedRow(
                name: item.issuer.name, href: "/issuers/" + item.issuer.uscc.value,
                how: item.exposures.map { register.route($0) }.joined(separator: "; "),
                bonds: item.bonds.count, amount: Format.millions(item.amountFen))
        }
        hasReached = !reached.isEmpty
        let namedCounts = Dictionary(
            grouping: register.targets.filter { $0.named(on: day) }, by: \.measureID
        ).mapValues(\.count)
        measures = register.measures.map { measure in
            let standing = measure.standing(on: day)
            return MeasureRow(
                id: measure.id, href: Self.path + "?measure=" + measure.id.percentEncodedQueryValue + "&as_of=\(day)",
                side: measure.side.rawValue, body: measure.jurisdiction + ", " + measure.authority,
                instrument: measure.instrument, citation: measure.citation,
                kind: measure.kind.rawValue.replacing("_", with: " "),
                standing: standing.rawValue.replacing("_", with: " "), inForce: standing == .inForce,
                periods: Self.periods(measure), named: namedCounts[measure.id] ?? 0, source: measure.source)
        }
        showsTargets = search != nil || measureID != nil
        let found = showsTargets ? register.targets(matching: search, measureID: measureID) : []
        targets = found.prefix(Self.targetLimit).map { target in
            TargetRow(
                measure: target.measureID,
                measureHref: Self.path + "?measure=" + target.measureID.percentEncodedQueryValue + "&as_of=\(day)",
                name: target.name, aliases: target.aliases.joined(separator: "; "), country: target.country ?? "",
                uscc: target.uscc?.value ?? "",
                listed: [target.listedOn.map { "from \($0)" }, target.removedOn.map { "removed \($0)" }]
                    .compactMap { $0 }.joined(separator: ", "),
                named: target.named(on: day) && register.measure(id: target.measureID)?.standing(on: day) == .inForce)
        }
        targetsSummary =
            found.count > Self.targetLimit
            ? "The first \(Self.targetLimit) of \(NumberText.count(found.count, "named party", plural: "named parties"))."
            : NumberText.count(found.count, "named party", plural: "named parties") + "."
    }

    /// The measures that reach `party` on `day`, under the heading of the party.
    static func section(current: RegistryState.Current, party: ShieldRegister.Party, day: CivilDate) -> ShieldSection {
        let name = party.names.first ?? party.key
        let isIssuer = party.uscc.flatMap { current.snapshot.issuersByCode[$0] } != nil
        let query = "party=" + name.percentEncodedQueryValue + "&as_of=\(day)"
        var section = ShieldSection(
            current: current, party: party, name: name,
            href: isIssuer ? "/issuers/" + party.key : Self.path + "?" + query, day: day,
            apiHref: "/api/v1/shield/exposure?" + query)
        section.heading = "Exposure of \(name) on \(day)"
        return section
    }

    /// A measure's periods: effective, suspended, ended.
    static func periods(_ measure: Measure) -> String {
        var parts = ["from \(measure.effectiveFrom)"]
        if let from = measure.suspendedFrom {
            parts.append("suspended \(from)" + (measure.suspendedUntil.map { " to \($0)" } ?? ""))
        }
        if let ended = measure.endedOn { parts.append("ended \(ended)") }
        return parts.joined(separator: "; ")
    }
}

extension String {
    /// The text as one value of a URL's query.
    var percentEncodedQueryValue: String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=#;")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
