import FixedIncome

/// A measure of the legal shield: a foreign measure that may reach a Chinese
/// party (an entity listing, a sanctions designation, an ownership rule
/// extending them), or a Chinese measure against foreign ones (a prohibition
/// order under the blocking rules, a countermeasure, an Unreliable Entity
/// List decision), with the periods it is effective, suspended and ended.
public struct Measure: Sendable, Hashable {
    /// Whose measure it is.
    public enum Side: String, Sendable, CaseIterable {
        case foreign
        case chinese
    }

    public enum Kind: String, Sendable, CaseIterable {
        case entityListing = "entity_listing"
        case sanctionsDesignation = "sanctions_designation"
        case exportControl = "export_control"
        case secondarySanction = "secondary_sanction"
        case judgmentOrOrder = "judgment_or_order"
        /// Extends the listings of its jurisdiction and authority to the
        /// parties their targets own at or above ``Measure/ownershipPercent``.
        case ownershipRule = "ownership_rule"
        case prohibitionOrder = "prohibition_order"
        case countermeasure
        case unreliableEntity = "unreliable_entity"
        case exportControlOrder = "export_control_order"

        /// Whether the measure names parties it reaches (an ownership rule
        /// names none: it reaches through the listings it extends).
        public var namesTargets: Bool { self != .ownershipRule }
    }

    /// The measure's key (`US-BIS-2024-28267`).
    public var id: String
    public var side: Side
    /// `United States`, `Netherlands`, `China`.
    public var jurisdiction: String
    /// `BIS`, `OFAC`, `MOFCOM`.
    public var authority: String
    /// What it is, as published (`Entity List final rule`).
    public var instrument: String
    /// Where it is published (`Federal Register 2024-28267`).
    public var citation: String
    public var kind: Kind
    /// For an ownership rule: the share, percent, at or above which it reaches.
    public var ownershipPercent: Double?
    /// The first day it has effect.
    public var effectiveFrom: CivilDate
    /// A suspension: its first day, and the first day after it (`nil`: until further notice).
    public var suspendedFrom: CivilDate?
    public var suspendedUntil: CivilDate?
    /// The first day it no longer has effect.
    public var endedOn: CivilDate?
    /// Where the facts come from (a URL or a document), or `demo`.
    public var source: String

    public init(
        id: String, side: Side, jurisdiction: String, authority: String, instrument: String, citation: String,
        kind: Kind, ownershipPercent: Double? = nil, effectiveFrom: CivilDate, suspendedFrom: CivilDate? = nil,
        suspendedUntil: CivilDate? = nil, endedOn: CivilDate? = nil, source: String
    ) {
        self.id = id
        self.side = side
        self.jurisdiction = jurisdiction
        self.authority = authority
        self.instrument = instrument
        self.citation = citation
        self.kind = kind
        self.ownershipPercent = ownershipPercent
        self.effectiveFrom = effectiveFrom
        self.suspendedFrom = suspendedFrom
        self.suspendedUntil = suspendedUntil
        self.endedOn = endedOn
        self.source = source
    }

    /// Where the measure stands on a day.
    public enum Standing: String, Sendable {
        case notYetEffective = "not_yet_effective"
        case inForce = "in_force"
        case suspended
        case ended
    }

    public func standing(on day: CivilDate) -> Standing {
        if day < effectiveFrom { return .notYetEffective }
        if let endedOn, day >= endedOn { return .ended }
        if let suspendedFrom, day >= suspendedFrom, suspendedUntil.map({ day < $0 }) ?? true { return .suspended }
        return .inForce
    }
}

/// A party a measure names, as published: its name, other names, address
/// and country, and its unified social credit code when known.
public struct MeasureTarget: Sendable, Hashable {
    public var measureID: String
    public var name: String
    /// Other names it is listed under (a.k.a., f.k.a., the Chinese name).
    public var aliases: [String]
    public var country: String?
    public var address: String?
    public var uscc: USCC?
    /// The first day it is named, when later than the measure's (an entry added to a list).
    public var listedOn: CivilDate?
    /// The first day it is no longer named (removed from the list).
    public var removedOn: CivilDate?

    public init(
        measureID: String, name: String, aliases: [String] = [], country: String? = nil, address: String? = nil,
        uscc: USCC? = nil, listedOn: CivilDate? = nil, removedOn: CivilDate? = nil
    ) {
        self.measureID = measureID
        self.name = name
        self.aliases = aliases
        self.country = country
        self.address = address
        self.uscc = uscc
        self.listedOn = listedOn
        self.removedOn = removedOn
    }

    /// Whether the measure names it on `day` (the measure's own standing aside).
    public func named(on day: CivilDate) -> Bool {
        (listedOn.map { $0 <= day } ?? true) && (removedOn.map { day < $0 } ?? true)
    }
}
