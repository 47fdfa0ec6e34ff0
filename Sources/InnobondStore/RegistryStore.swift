import FixedIncome
import InnobondModel

/// Where the registry lives: the operations every store offers, the same on
/// SQLite and PostgreSQL.
///
/// Writes go through ``importRows(from:options:markDemo:progress:)`` alone:
/// validated rows, checked by the database, merged in one transaction.
public protocol RegistryStore: AnyObject, Sendable {
    /// Where the store is, for messages: a path, or a URL without its password.
    var location: String { get }

    /// Imports files in one transaction, in order: all or nothing, unless
    /// `options.skipInvalid`.
    ///
    /// - Parameters:
    ///   - markDemo: when set, records whether the registry now holds the demo data set.
    ///   - progress: called with rows read and bytes read as batches are staged.
    func importRows(
        from sources: [ImportSource], options: ImportOptions, markDemo: Bool?,
        progress: (@Sendable (_ rows: Int, _ bytes: Int) -> Void)?
    ) async throws -> [ImportReport]

    /// Up to `limit` rows of a kind in key order, after the row whose key
    /// values are `after` (from the start when `nil`): database values in
    /// ``TableSchema/columns`` order.
    func rows(of kind: RecordKind, after: [SQLValue]?, limit: Int) async throws -> [[SQLValue]]

    /// The registry, quotes aside: now, or as it was known at `moment`
    /// (``TableSchema/knownCondition(at:)``). With `kinds`, only those
    /// kinds' rows and counts (a reload of what changed); every kind's when `nil`.
    func loadSnapshot(at moment: KnownMoment?, kinds: Set<RecordKind>?) async throws -> RegistrySnapshot

    /// The quotes of a bond between two dates (inclusive), by date and source.
    func quotes(bond: BondCode, from start: CivilDate?, through end: CivilDate?) async throws -> [Quote]

    /// Each bond's latest quote, by bond code: of its latest date, the last
    /// by source (the last of ``quotes(bond:from:through:)``).
    func latestQuotes() async throws -> [Quote]

    /// A number that grows with every committed import: a server whose
    /// snapshot is of an older version reloads it.
    func registryVersion() async throws -> Int64

    /// How many tokens have been revoked, ever: a server that caches tokens
    /// drops them when this changes.
    func revokedTokenCount() async throws -> Int

    /// Stores a new token by the SHA-256 hash (64 lowercase hex digits) of
    /// its secret, and audits it as `actor`'s.
    func createToken(name: String, role: APIRole, secretHash: String, actor: WriteActor) async throws -> APIToken

    /// The valid (unrevoked) token whose secret has this hash.
    func token(secretHash: String) async throws -> APIToken?

    /// Every token, revoked ones too, by id.
    func tokens() async throws -> [APIToken]

    /// Revokes a token, audited as `actor`'s; `false` when no valid token has that id.
    func revokeToken(id: Int64, actor: WriteActor) async throws -> Bool

    /// Starts a browser session of a token, kept by the SHA-256 hash (64
    /// lowercase hex digits) of its secret, for `lifetime` seconds.
    func createSession(tokenID: Int64, secretHash: String, lifetime: Int, actor: WriteActor) async throws

    /// The token of the live session (not ended, not expired, its token not
    /// revoked) whose secret has this hash.
    func sessionToken(secretHash: String) async throws -> APIToken?

    /// Ends the session whose secret has this hash; `false` when none was live.
    func endSession(secretHash: String, actor: WriteActor) async throws -> Bool

    /// Calls `body` with a reader of the registry as it is at one moment,
    /// whatever is written meanwhile.
    func withConsistentReader<T: Sendable>(_ body: @escaping @Sendable (any RegistryReader) async throws -> T)
        async throws -> T

    /// Writes everything `reader` reads (``StoredTable/backedUp``, the demo
    /// mark) into this registry, which must be empty, in one transaction,
    /// and audits it as `actor`'s after the restored log (not when `actor`
    /// is `nil`: a backup is a copy, its log the source's).
    ///
    /// - Parameter progress: called with each table's name and rows written so far.
    func restore(
        from reader: any RegistryReader, actor: WriteActor?,
        progress: (@Sendable (_ table: String, _ rows: Int) -> Void)?
    ) async throws -> RestoreReport

    /// Changes one record of a versioned kind, as `actor`, in one write unit.
    ///
    /// - Throws: ``StoreError/conflict(_:currentRevision:)`` for a stale
    ///   revision, ``StoreError/notFound(_:)``, ``StoreError/rejected(_:)``.
    func change(_ change: RecordChange, actor: WriteActor) async throws -> RecordChange.Outcome

    /// The audit log's entries `filter` asks for, by id.
    func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry]

    /// Checks the registry: the database's own integrity check, references,
    /// amounts, counts.
    func check() async throws -> CheckReport

    /// Releases connections.
    func close() async throws
}

extension RegistryStore {
    /// Imports one file.
    public func importRows(from source: ImportSource, options: ImportOptions = ImportOptions()) async throws
        -> ImportReport
    {
        try await importRows(from: [source], options: options, markDemo: nil, progress: nil)[0]
    }
}

extension RegistryStore {
    /// Writes every row of a kind, in key order, a page at a time.
    ///
    /// - Returns: the number of rows written.
    @discardableResult
    public func export(kind: RecordKind, to writer: RecordWriter) async throws -> Int {
        let schema = TableSchema.of(kind)
        let keyPositions = schema.keyColumns.map { key in schema.columns.firstIndex { $0.name == key }! }
        var after: [SQLValue]?
        var count = 0
        while true {
            let page = try await rows(of: kind, after: after, limit: 5000)
            for row in page { try writer.write(schema.texts(of: row)) }
            count += page.count
            guard page.count == 5000, let last = page.last else { break }
            after = keyPositions.map { last[$0] }
        }
        try writer.finish()
        return count
    }
}

extension RegistryStore {
    /// Every current record of one kind, in key order, read a page at a time:
    /// for a command that needs one or two kinds, not the whole snapshot.
    public func records<Record: RegistryRecord>(_ type: Record.Type) async throws -> [Record] {
        let schema = TableSchema.of(Record.declaration.kind)
        let keyPositions = schema.keyColumns.map { key in schema.columns.firstIndex { $0.name == key }! }
        var records: [Record] = []
        var after: [SQLValue]?
        while true {
            let page = try await rows(of: Record.declaration.kind, after: after, limit: 5000)
            for row in page { records.append(try schema.typedRecord(of: row, as: Record.self)) }
            guard page.count == 5000, let last = page.last else { return records }
            after = keyPositions.map { last[$0] }
        }
    }
}

extension RegistryStore {
    /// The registry now, quotes aside.
    public func loadSnapshot() async throws -> RegistrySnapshot { try await loadSnapshot(at: nil, kinds: nil) }

    /// The registry, quotes aside, now or as known at `moment`: every kind.
    public func loadSnapshot(at moment: KnownMoment?) async throws -> RegistrySnapshot {
        try await loadSnapshot(at: moment, kinds: nil)
    }
}
