import FixedIncome

/// An analyst's decision on whether a party a measure names is a registry
/// issuer (key: `uscc`, `measure_id`, `target_id`). A confirmed party counts
/// as named, whatever its names' score; a rejected one never counts by name
/// (a match by credit code cannot be rejected). Versioned: a decision
/// changed is a new revision, the earlier one kept and audited.
public struct MatchReview: RegistryRecord {
    public enum Decision: String, Sendable, CaseIterable {
        /// The party is the issuer.
        case confirmed
        /// The party is not the issuer.
        case rejected
    }

    public var uscc: USCC
    public var measureID: String
    public var targetID: String
    public var decision: Decision
    /// The names' score when the decision was made, 0 to 1.
    public var score: Double?
    /// The day of the decision.
    public var decidedOn: CivilDate
    /// Why, in the reviewer's words.
    public var note: String?
    /// The stored revision (files: the revision a change was made from).
    public var revision: Int?

    public init(
        uscc: USCC, measureID: String, targetID: String, decision: Decision, score: Double? = nil,
        decidedOn: CivilDate, note: String? = nil, revision: Int? = nil
    ) {
        self.uscc = uscc
        self.measureID = measureID
        self.targetID = targetID
        self.decision = decision
        self.score = score
        self.decidedOn = decidedOn
        self.note = note
        self.revision = revision
    }

    public static let declaration = RecordDeclaration(
        .matchReviews, table: "match_reviews", key: ["uscc", "measure_id", "target_id"],
        references: [
            .init(["uscc"], to: .issuers, noun: "issuer"),
            .init(["measure_id", "target_id"], to: .measureTargets, noun: "named party"),
        ], merge: .versioned, writer: .analyst,
        summary: "Analysts' decisions on whether a party a measure names is an issuer, each change a new revision",
        createdBy: "v16: match reviews")
    public static let columns = [
        Column("uscc", required: true), Column("measure_id", required: true), Column("target_id", required: true),
        Column("decision", required: true), Column("score", required: false, .real),
        Column("decided_on", required: true, .date), Column("note", required: false),
        Column("revision", required: false, .integer),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let uscc = fields.uscc("uscc")
        let measureID = fields.text("measure_id", required: true)
        let targetID = fields.text("target_id", required: true)
        let decision: Decision? = fields.choice("decision", required: true)
        let score = fields.number("score", required: false, in: 0...1)
        let decidedOn = fields.date("decided_on", required: true)
        let note = fields.text("note", required: false)
        let revision = fields.integer("revision", required: false, in: 1...Int(Int32.max))
        try fields.finish()
        self.init(
            uscc: uscc!, measureID: measureID!, targetID: targetID!, decision: decision!, score: score,
            decidedOn: decidedOn!, note: note, revision: revision)
    }

    public var fieldTexts: [String?] {
        [
            uscc.value, measureID, targetID, decision.rawValue, score?.shortText, decidedOn.iso8601, note,
            revision.map(String.init),
        ]
    }
}
