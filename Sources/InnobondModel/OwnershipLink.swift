import FixedIncome

/// A direct holding of one party in another over a period, as a file states
/// it (key: `parent`, `child`, `held_from`). A party is a unified social
/// credit code when it has one, else its name.
public struct OwnershipLink: RegistryRecord {
    public var parent: String
    public var parentName: String?
    public var child: String
    public var childName: String?
    /// Percent, more than 0 and at most 100.
    public var sharePercent: Double
    /// The first day the holding stands.
    public var heldFrom: CivilDate
    /// The first day it no longer does; `nil` while it does.
    public var heldUntil: CivilDate?
    /// Where the fact comes from (a filing, a URL), or `demo`.
    public var source: String

    public init(
        parent: String, parentName: String? = nil, child: String, childName: String? = nil, sharePercent: Double,
        heldFrom: CivilDate, heldUntil: CivilDate? = nil, source: String
    ) {
        self.parent = parent
        self.parentName = parentName
        self.child = child
        self.childName = childName
        self.sharePercent = sharePercent
        self.heldFrom = heldFrom
        self.heldUntil = heldUntil
        self.source = source
    }

    public static let declaration = RecordDeclaration(
        .ownership, table: "ownership", key: ["parent", "child", "held_from"], writer: .admin,
        summary: "Direct holdings of one party in another, with their dates", createdBy: "v15: ownership")
    public static let columns = [
        Column("parent", required: true), Column("parent_name", required: false), Column("child", required: true),
        Column("child_name", required: false), Column("share_percent", required: true, .real),
        Column("held_from", required: true, .date), Column("held_until", required: false, .date),
        Column("source", required: true),
    ]

    public init(fields: inout FieldReader) throws(RowIssues) {
        let parent = fields.text("parent", required: true)
        let parentName = fields.text("parent_name", required: false)
        let child = fields.text("child", required: true)
        let childName = fields.text("child_name", required: false)
        let share = fields.number("share_percent", required: true, in: 0.000001...100)
        let from = fields.date("held_from", required: true)
        let until = fields.date("held_until", required: false)
        let source = fields.text("source", required: true)
        if let parent, let child, parent == child { fields.report("child", "a party does not hold itself") }
        if let from, let until, until <= from { fields.report("held_until", "is not after held_from \(from)") }
        try fields.finish()
        self.init(
            parent: parent!, parentName: parentName, child: child!, childName: childName, sharePercent: share!,
            heldFrom: from!, heldUntil: until, source: source!)
    }

    public var fieldTexts: [String?] {
        [
            parent, parentName, child, childName, sharePercent.shortText, heldFrom.iso8601, heldUntil?.iso8601,
            source,
        ]
    }
}
