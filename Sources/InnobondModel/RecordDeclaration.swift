/// Everything the registry knows of a record kind, stated once, beside the
/// record's validation: its table, columns (``RegistryRecord/columns``),
/// key, references, how rows merge, who may write it, and the checks that
/// span rows. The tables of both databases, the import statements, the
/// export, the snapshot, the API's import kinds and documents follow from it.
public struct RecordDeclaration: Sendable {
    /// How an import merges a row with the stored row of the same key.
    public enum Merge: String, Sendable {
        /// The new row replaces the stored one whole.
        case upsert
        /// A ledger: a row is never replaced; one whose key is stored is a
        /// bad row (a correction is a new row).
        case insertOnly = "insert_only"
        /// A row that changes is superseded, never lost: the stored one is
        /// kept with the moment it stopped being current (`valid_to`), the
        /// new one numbered by a `revision` one higher. A file's `revision`
        /// column, when given, must name the current revision: a write that
        /// names a stale one is refused.
        case versioned
    }

    /// The states a record goes through, and the changes allowed between
    /// them: a record kind whose rows change state by transitions.
    public struct States: Sendable {
        /// The file column holding the state.
        public let column: String
        /// The states each state may change to.
        public let next: [String: [String]]

        public init(column: String, next: [String: [String]]) {
            self.column = column
            self.next = next
        }

        /// Whether a record may go from `from` to `to` (staying is allowed).
        public func allows(from: String, to: String) -> Bool { from == to || (next[from] ?? []).contains(to) }
    }

    /// Columns whose values must be the key of a row of another kind.
    public struct Reference: Sendable {
        /// The referring columns, in the order of the target's key.
        public let columns: [String]
        public let kind: RecordKind
        /// What a referenced row is called in messages: `bond`, `issuer`.
        public let noun: String

        public init(_ columns: [String], to kind: RecordKind, noun: String) {
            self.columns = columns
            self.kind = kind
            self.noun = noun
        }
    }

    /// A rule that spans rows: checked when either side is imported, under
    /// locks on the referenced rows so that concurrent imports are checked
    /// one after the other.
    public enum Check: Sendable {
        /// The rows that refer to one row of `reference`'s kind add up
        /// `column` to at most that row's `limit`, and to no less than zero
        /// (a ledger's reversals): `what` names the rows ("planned uses"),
        /// `limitName` the limit ("amount").
        case sumWithin(column: String, reference: RecordKind, limit: String, what: String, limitName: String)
        /// `column` is on or after the referenced row's `from` and before
        /// its `before`: `what` names the rows ("quotes"), `span` the
        /// interval ("life"), `fromName` and `beforeName` its ends.
        case dateWithin(
            column: String, reference: RecordKind, from: String, before: String, what: String, span: String,
            fromName: String, beforeName: String)

        /// `column` is the referenced row's `limit` less what the `ledger`'s
        /// rows of that row add up in `ledgerColumn` up to this row's `date`
        /// (the ledger's `ledgerDate`), within `tolerance`: a balance that
        /// the entries before it explain. Checked when this kind is imported.
        case remainder(
            column: String, reference: RecordKind, limit: String, ledger: RecordKind, ledgerColumn: String,
            date: String, ledgerDate: String, tolerance: Money)

        /// The kind the check refers to.
        public var reference: RecordKind {
            switch self {
            case .sumWithin(_, let reference, _, _, _), .dateWithin(_, let reference, _, _, _, _, _, _),
                .remainder(_, let reference, _, _, _, _, _, _):
                return reference
            }
        }
    }

    public let kind: RecordKind
    /// The database table.
    public let table: String
    /// The columns whose values identify a row.
    public let key: [String]
    public let references: [Reference]
    public let merge: Merge
    /// The least role that may write the kind.
    public let writer: APIRole
    public let checks: [Check]
    /// The states of a kind whose rows change by transitions.
    public let states: States?
    /// Whether the registry's snapshot holds the kind in memory; a kind
    /// of large time series (daily quotes) is read from the store by range.
    public let inSnapshot: Bool
    /// What a row is, for documents.
    public let summary: String
    /// The migration that creates the table from this declaration; `nil`
    /// for the kinds of the first migration, whose tables were written by hand.
    public let createdBy: String?

    /// The file column a versioned kind's revision is in.
    public static let revisionColumn = "revision"

    public init(
        _ kind: RecordKind, table: String, key: [String], references: [Reference] = [], merge: Merge = .upsert,
        writer: APIRole, checks: [Check] = [], states: States? = nil, inSnapshot: Bool = true, summary: String,
        createdBy: String? = nil
    ) {
        precondition(states == nil || merge == .versioned, "a kind that changes state is versioned")
        self.kind = kind
        self.table = table
        self.key = key
        self.references = references
        self.merge = merge
        self.writer = writer
        self.checks = checks
        self.states = states
        self.inSnapshot = inSnapshot
        self.summary = summary
        self.createdBy = createdBy
    }
}
