import FixedIncome
import Foundation
import InnobondModel

/// The legal shield on any day: which measures reach a party, directly (a
/// measure names it) or through ownership (a rule in force extends a
/// listing to what a listed party owns at or above its threshold), with the
/// chains of holdings and the dates that make it so.
public struct ShieldRegister: Sendable {
    /// A party as the register knows it: its key in the ownership graph, its
    /// unified social credit code when it has one, and its names.
    public struct Party: Sendable, Hashable {
        public fileprivate(set) var key: String
        public fileprivate(set) var uscc: USCC?
        /// Its names; ``nameKeys`` are theirs, so they are set only here.
        public fileprivate(set) var names: [String]
        /// The keys of its names (``PartyName/key(_:)``), computed once.
        public let nameKeys: Set<String>

        public init(uscc: USCC? = nil, names: [String]) {
            self.uscc = uscc
            self.names = names
            nameKeys = Set(names.map(PartyName.key)).subtracting([""])
            key = uscc?.value ?? PartyName.key(names.first ?? "")
        }

        /// A registry issuer: its code and both its names.
        public init(_ issuer: Issuer) {
            self.init(uscc: issuer.uscc, names: Self.names(of: issuer))
        }

        /// An issuer's names as a party's: its name, then its English name.
        static func names(of issuer: Issuer) -> [String] {
            [issuer.name] + (issuer.nameEnglish.map { [$0] } ?? [])
        }
    }

    /// One way a measure reaches a party on a day.
    public struct Exposure: Sendable, Hashable {
        /// The measure that names a party: the party itself, or its owner.
        public var measure: Measure
        public var target: MeasureTarget
        /// How the target was recognised: `uscc`, `name` (a name's key), or
        /// `review` (an analyst confirmed it).
        public var matchedBy: String
        /// For a reach through ownership: the rule, the listed owner and the
        /// chains from it down to the party, with the effective share.
        public var rule: Measure?
        public var owner: String?
        public var chains: [OwnershipGraph.Chain]
        public var ownedPercent: Double?

        /// Whether a measure names the party itself.
        public var isDirect: Bool { rule == nil }
    }

    public let measures: [Measure]
    public let targets: [MeasureTarget]
    public let ownership: OwnershipGraph
    /// The parties of the ownership graph and the registry, by key.
    public let parties: [String: Party]
    private let measuresByID: [String: Measure]
    private let targetsByUSCC: [USCC: [MeasureTarget]]
    private let targetsByKey: [String: [MeasureTarget]]
    /// The keys of each target's name and aliases, in the order of ``targets``.
    public let targetKeys: [Set<String>]
    /// Analysts' decisions, by party key, measure and target.
    public let reviews: [String: MatchReview]
    /// The targets analysts confirmed, by party key.
    private let confirmed: [String: [MeasureTarget]]

    /// The key of a decision on whether `target` is the party with key `party`.
    public static func reviewKey(party: String, measureID: String, targetID: String) -> String {
        party + "\u{1F}" + measureID + "\u{1F}" + targetID
    }

    public init(
        measures: [Measure], targets: [MeasureTarget], ownership: OwnershipGraph, parties: [Party],
        reviews: [MatchReview] = []
    ) {
        self.measures = measures
        self.targets = targets
        self.ownership = ownership
        self.parties = Dictionary(parties.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        measuresByID = Dictionary(measures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byUSCC: [USCC: [MeasureTarget]] = [:]
        var byKey: [String: [MeasureTarget]] = [:]
        let keys = targets.map { Set(([$0.name] + $0.aliases).map(PartyName.key)).subtracting([""]) }
        for (target, names) in zip(targets, keys) {
            if let uscc = target.uscc { byUSCC[uscc, default: []].append(target) }
            for name in names { byKey[name, default: []].append(target) }
        }
        targetsByUSCC = byUSCC
        targetsByKey = byKey
        targetKeys = keys
        let byTarget = Dictionary(
            targets.map { ($0.measureID + "\u{1F}" + $0.targetID, $0) }, uniquingKeysWith: { first, _ in first })
        var decided: [String: MatchReview] = [:]
        var confirmed: [String: [MeasureTarget]] = [:]
        for review in reviews {
            decided[Self.reviewKey(party: review.uscc.value, measureID: review.measureID, targetID: review.targetID)] =
                review
            if review.decision == .confirmed, let target = byTarget[review.measureID + "\u{1F}" + review.targetID] {
                confirmed[review.uscc.value, default: []].append(target)
            }
        }
        self.reviews = decided
        self.confirmed = confirmed
    }

    /// The measure with this key.
    public func measure(id: String) -> Measure? { measuresByID[id] }

    /// The targets that are `party` (by code, else by a name's key) that a
    /// measure in force names on `day`, with how each was recognised.
    func listings(of party: Party, on day: CivilDate) -> [(MeasureTarget, Measure, String)] {
        var found: [(MeasureTarget, Measure, String)] = []
        var seen: Set<MeasureTarget> = []
        let byCode = party.uscc.map { targetsByUSCC[$0] ?? [] }.map { $0.map { ($0, "uscc") } } ?? []
        let byName = party.nameKeys.flatMap { key in
            (targetsByKey[key] ?? []).filter { target in
                reviews[Self.reviewKey(party: party.key, measureID: target.measureID, targetID: target.targetID)]?
                    .decision != .rejected
            }.map { ($0, "name") }
        }
        let byReview = (confirmed[party.key] ?? []).map { ($0, "review") }
        for (target, how) in byCode + byName + byReview where seen.insert(target).inserted && target.named(on: day) {
            guard let measure = measuresByID[target.measureID], measure.standing(on: day) == .inForce else {
                continue
            }
            found.append((target, measure, how))
        }
        return found
    }

    /// A registry issuer as a party: the one the register made of it, whose
    /// name keys are computed (about a fifth of a bond page's CPU when they
    /// were computed for each page); made anew for an issuer it does not hold.
    public func party(_ issuer: Issuer) -> Party {
        if let kept = parties[issuer.uscc.value], kept.uscc == issuer.uscc, kept.names == Party.names(of: issuer) {
            return kept
        }
        return Party(issuer)
    }

    /// Every measure that reaches `party` on `day`: those that name it, and
    /// the listings an ownership rule in force extends to it through a
    /// listed owner holding at least the rule's share.
    public func exposure(of party: Party, on day: CivilDate) -> [Exposure] {
        var result = listings(of: party, on: day).map { target, measure, how in
            Exposure(
                measure: measure, target: target, matchedBy: how, rule: nil, owner: nil, chains: [],
                ownedPercent: nil)
        }
        let rules = measures.filter { $0.kind == .ownershipRule && $0.standing(on: day) == .inForce }
        guard !rules.isEmpty else { return result }
        for (owner, percent) in ownership.owners(of: party.key, on: day) {
            let ownerParty = parties[owner] ?? Party(names: [owner])
            for (target, measure, how) in listings(of: ownerParty, on: day) {
                for rule in rules
                where rule.jurisdiction == measure.jurisdiction && rule.authority == measure.authority
                    && percent + 1e-9 >= (rule.ownershipPercent ?? 50)
                {
                    result.append(
                        Exposure(
                            measure: measure, target: target, matchedBy: how, rule: rule, owner: owner,
                            chains: ownership.chains(from: owner, to: party.key, on: day), ownedPercent: percent))
                }
            }
        }
        return result
    }
}

extension ShieldRegister {
    /// The register of a registry: its measures, their targets and its
    /// holdings; its issuers as parties, each known by its code and both its
    /// names. A holding names a party by code, or by a name that is an
    /// issuer's (then the issuer), or by a name of its own.
    ///
    /// - Throws: when the holdings go round in a circle or over-own a party on some day.
    public init(_ snapshot: RegistrySnapshot) throws(OwnershipGraph.Problem) {
        var parties = snapshot.issuers.map(Party.init)
        var issuerKeys: [String: String] = [:]
        for party in parties {
            for name in party.names { issuerKeys[PartyName.key(name)] = party.key }
        }
        func key(_ text: String) -> String {
            if let uscc = try? USCC(text) { return uscc.value }
            return issuerKeys[PartyName.key(text)] ?? PartyName.key(text)
        }
        var known = Set(parties.map(\.key))
        let links = snapshot.records(OwnershipLink.self)
        for link in links {
            for (text, name) in [(link.parent, link.parentName), (link.child, link.childName)]
            where known.insert(key(text)).inserted {
                let given = [name, (try? USCC(text)) == nil ? text : nil].compactMap { $0 }
                let names = given.enumerated().filter { !given[..<$0.offset].contains($0.element) }.map(\.element)
                var party = Party(uscc: try? USCC(text), names: names.isEmpty ? [text] : names)
                party.key = key(text)
                parties.append(party)
            }
        }
        self.init(
            measures: snapshot.records(Measure.self), targets: snapshot.records(MeasureTarget.self),
            ownership: try OwnershipGraph(
                links.map {
                    OwnershipGraph.Link(
                        parent: key($0.parent), child: key($0.child), sharePercent: $0.sharePercent, from: $0.heldFrom,
                        until: $0.heldUntil)
                }), parties: parties, reviews: snapshot.records(MatchReview.self))
    }
}

extension ShieldRegister {
    /// The targets, in register order, whose name or alias holds `text`:
    /// its key (``PartyName/key(_:)``) inside a name's key, so that case,
    /// punctuation, full width, traditional characters and legal forms do
    /// not matter; or whose unified social credit code is `text`.
    ///
    /// - Parameter measureID: only that measure's targets, when given.
    public func targets(matching text: String?, measureID: String? = nil) -> [MeasureTarget] {
        let key = text.map(PartyName.key)
        let code = text.flatMap { try? USCC($0) }
        return zip(targets, targetKeys).compactMap { target, keys in
            if let measureID, target.measureID != measureID { return nil }
            guard let text, let key else { return target }
            if let code { return target.uscc == code ? target : nil }
            if !key.isEmpty && keys.contains(where: { $0.contains(key) }) { return target }
            return target.targetID.localizedCaseInsensitiveContains(text) ? target : nil
        }
    }
}

extension ShieldRegister {
    /// The Chinese measures in force on `day` that counter the foreign
    /// measure `measureID`: those that name it as a target by its key (a
    /// prohibition order under the blocking rules names the foreign measure
    /// it forbids complying with).
    public func counterMeasures(to measureID: String, on day: CivilDate) -> [Measure] {
        targets.filter { $0.targetID == measureID && $0.named(on: day) }.compactMap { target in
            measure(id: target.measureID).flatMap {
                $0.side == .chinese && $0.standing(on: day) == .inForce ? $0 : nil
            }
        }
    }
}

extension ShieldRegister {
    /// The party `text` names: by unified social credit code, else by a
    /// name's key (``PartyName/key(_:)``) among the registry's issuers and
    /// the parties of the holdings; `nil` when none has it.
    public func party(named text: String) -> Party? {
        if let uscc = try? USCC(text.trimmingCharacters(in: .whitespaces)) {
            return parties[uscc.value] ?? Party(uscc: uscc, names: [uscc.value])
        }
        let key = PartyName.key(text)
        guard !key.isEmpty else { return nil }
        return parties[key]
            ?? parties.values.filter { $0.nameKeys.contains(key) }.min { $0.key < $1.key }
    }

    /// How a measure reaches a party, in words: `named in CITATION (by its
    /// code)`, or through which owner at what share under which rule, with
    /// the chains.
    public func route(_ exposure: Exposure) -> String {
        let measure = exposure.measure.citation
        guard !exposure.isDirect else {
            return "named in \(measure) (by \(exposure.matchedBy == "uscc" ? "its code" : "its name"))"
        }
        let owner = parties[exposure.owner ?? ""]?.names.first ?? exposure.owner ?? ""
        return "\(measure) through \(owner), \(NumberText.fixed(exposure.ownedPercent ?? 0, 1)) % owned, under "
            + (exposure.rule?.citation ?? "") + ": " + exposure.chains.map(describe).joined(separator: "; ")
    }

    /// A chain of holdings in words, with the names the register knows:
    /// `Wingtech → Nexperia B.V. (100 %)`.
    public func describe(_ chain: OwnershipGraph.Chain) -> String {
        chain.parties.map { parties[$0]?.names.first ?? $0 }.joined(separator: " → ")
            + " (\(NumberText.fixed(chain.percent, 1)) %)"
    }
}

extension ShieldRegister {
    /// A party `owner` holds, directly or through chains, that a measure in force names.
    public struct NamedHolding: Sendable {
        public var party: Party
        /// The owner's effective share of it on the day, percent.
        public var percent: Double
        /// The measures that name it.
        public var exposures: [Exposure]
    }

    /// The parties `owner` holds on `day`, at any share, that measures in
    /// force name: a subsidiary on a list, largest share first.
    public func namedHoldings(of owner: Party, on day: CivilDate) -> [NamedHolding] {
        ownership.holdings(of: owner.key, on: day).compactMap { held, percent in
            let party = parties[held] ?? Party(names: [held])
            let named = exposure(of: party, on: day).filter(\.isDirect)
            return named.isEmpty ? nil : NamedHolding(party: party, percent: percent, exposures: named)
        }
    }
}
