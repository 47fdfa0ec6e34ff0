import FixedIncome

/// A measure of the legal shield: a foreign measure that may reach a Chinese
/// party (an entity listing, a sanctions designation, an ownership rule
/// extending them), or a Chinese measure against foreign ones (a prohibition
/// order under the blocking rules, a countermeasure, an Unreliable Entity
/// List decision), with the periods it is effective, suspended and ended.
public struct Measure: RegistryRecord {
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
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        id: String, side: Side, jurisdiction: String, authority: String, instrument: String, citation: String,
        kind: Kind, ownershipPercent: Double? = nil, effectiveFrom: CivilDate, suspendedFrom: CivilDate? = nil,
        suspendedUntil: CivilDate? = nil, endedOn: CivilDate? = nil, source: String, revision: Int? = nil
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
        self.revision = revision
    }

    public static let declaration = RecordDeclaration(
        .measures, table: "measures", key: ["measure_id"], merge: .versioned, writer: .admin,
        summary: "Foreign and Chinese measures of the legal shield, each change a new revision",
        createdBy: "v13: measures")
    public static let columns = [
        Column("measure_id", required: true), Column("side", required: true), Column("jurisdiction", required: true),
        Column("authority", required: true), Column("instrument", required: true), Column("citation", required: true),
        Column("kind", required: true), Column("ownership_percent", required: false, .real),
        Column("effective_from", required: true, .date), Column("suspended_from", required: false, .date),
        Column("suspended_until", required: false, .date), Column("ended_on", required: false, .date),
        Column("source", required: true), Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let id = fields.text("measure_id", required: true)
        let side: Side? = fields.choice("side", required: true)
        let jurisdiction = fields.text("jurisdiction", required: true)
        let authority = fields.text("authority", required: true)
        let instrument = fields.text("instrument", required: true)
        let citation = fields.text("citation", required: true)
        let kind: Kind? = fields.choice("kind", required: true)
        let percent = fields.number("ownership_percent", required: false, in: 0.000001...100)
        let effective = fields.date("effective_from", required: true)
        let suspendedFrom = fields.date("suspended_from", required: false)
        let suspendedUntil = fields.date("suspended_until", required: false)
        let ended = fields.date("ended_on", required: false)
        let source = fields.text("source", required: true)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        if kind == .ownershipRule && percent == nil && fields.text("ownership_percent", required: false) == nil {
            fields.report("ownership_percent", "an ownership rule says from which share it reaches")
        }
        if let kind, kind != .ownershipRule, percent != nil {
            fields.report("ownership_percent", "only an ownership rule has a share")
        }
        if let effective, let suspendedFrom, suspendedFrom < effective {
            fields.report("suspended_from", "is before the measure took effect on \(effective)")
        }
        if suspendedUntil != nil && suspendedFrom == nil {
            fields.report("suspended_until", "give suspended_from too")
        }
        if let suspendedFrom, let suspendedUntil, suspendedUntil <= suspendedFrom {
            fields.report("suspended_until", "is not after suspended_from \(suspendedFrom)")
        }
        if let effective, let ended, ended <= effective {
            fields.report("ended_on", "is not after effective_from \(effective)")
        }
        try fields.finish()
        self.init(
            id: id!, side: side!, jurisdiction: jurisdiction!, authority: authority!, instrument: instrument!,
            citation: citation!, kind: kind!, ownershipPercent: percent, effectiveFrom: effective!,
            suspendedFrom: suspendedFrom, suspendedUntil: suspendedUntil, endedOn: ended, source: source!,
            revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            id, side.rawValue, jurisdiction, authority, instrument, citation, kind.rawValue,
            ownershipPercent?.shortText, effectiveFrom.iso8601, suspendedFrom?.iso8601, suspendedUntil?.iso8601,
            endedOn?.iso8601, source, revision.map(String.init),
        ]
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
public struct MeasureTarget: RegistryRecord {
    public var measureID: String
    /// The target's key within its measure (a list's entry number, or a name).
    public var targetID: String
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
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        measureID: String, targetID: String? = nil, name: String, aliases: [String] = [], country: String? = nil,
        address: String? = nil, uscc: USCC? = nil, listedOn: CivilDate? = nil, removedOn: CivilDate? = nil,
        revision: Int? = nil
    ) {
        self.measureID = measureID
        self.targetID = targetID ?? name
        self.revision = revision
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

    public static let declaration = RecordDeclaration(
        .measureTargets, table: "measure_targets", key: ["measure_id", "target_id"],
        references: [.init(["measure_id"], to: .measures, noun: "measure")], merge: .versioned, writer: .admin,
        summary: "The parties each measure names, as published, each change a new revision",
        createdBy: "v14: measure targets")
    public static let columns = [
        Column("measure_id", required: true), Column("target_id", required: true), Column("name", required: true),
        Column("aliases", required: false), Column("country", required: false), Column("address", required: false),
        Column("uscc", required: false), Column("listed_on", required: false, .date),
        Column("removed_on", required: false, .date), Column("revision", required: false, .integer),
    ]

    /// How a file separates a target's other names.
    public static let aliasSeparator = "; "

    public init(fields: inout FieldReader) throws(RowIssues) {
        let measureID = fields.text("measure_id", required: true)
        let targetID = fields.text("target_id", required: true)
        let name = fields.text("name", required: true)
        let aliases = fields.text("aliases", required: false)
        let country = fields.text("country", required: false)
        let address = fields.text("address", required: false)
        let uscc = fields.parsed("uscc", required: false, expected: "not a unified social credit code") {
            try? USCC($0)
        }
        let listed = fields.date("listed_on", required: false)
        let removed = fields.date("removed_on", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        if let listed, let removed, removed <= listed {
            fields.report("removed_on", "is not after listed_on \(listed)")
        }
        try fields.finish()
        self.init(
            measureID: measureID!, targetID: targetID!, name: name!,
            aliases: aliases.map {
                $0.split(separator: ";").map { $0.trimmingCharacters(in: [" "]) }.filter { !$0.isEmpty }
            } ?? [], country: country, address: address, uscc: uscc, listedOn: listed, removedOn: removed,
            revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            measureID, targetID, name, aliases.isEmpty ? nil : aliases.joined(separator: Self.aliasSeparator), country,
            address, uscc?.value, listedOn?.iso8601, removedOn?.iso8601, revision.map(String.init),
        ]
    }
}
