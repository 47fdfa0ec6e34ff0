import Crypto
import Foundation
import InnobondModel

/// One entry of the audit log: who wrote what, when, with what outcome.
/// Entries are chained: each one's hash covers its fields and the hash of
/// the entry before, so that a changed or removed entry breaks the chain
/// (`innobond check` follows it). No statement updates or deletes the log:
/// both databases refuse it.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What was done.
    public enum Action: String, Sendable, Codable, CaseIterable {
        case `import`
        case restore
        case tokenCreate = "token.create"
        case tokenRevoke = "token.revoke"
        case sessionStart = "session.start"
        case sessionEnd = "session.end"
        /// A record of a versioned kind changed (a state change).
        case change
    }

    /// The entry's number, from 1; `nil` before it is stored.
    public var id: Int64?
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var at: String
    public var actor: String
    public var tokenID: Int64?
    public var action: Action
    public var kind: RecordKind?
    public var rowsRead = 0
    public var inserted = 0
    public var replaced = 0
    public var unchanged = 0
    public var rejected = 0
    /// The SHA-256 of the file or body imported, 64 lowercase hex digits.
    public var sha256: String?
    /// What else there is to say: a token's name and role, a restore's source.
    public var detail: String?
    /// The registry's version after the write (unchanged by token and session writes).
    public var version: Int64
    public var previousHash: String
    public var hash: String

    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// A new entry, hashed after `previousHash`.
    public init(
        at: String, actor: WriteActor, action: Action, kind: RecordKind? = nil, report: ImportReport? = nil,
        sha256: String? = nil, detail: String? = nil, version: Int64, previousHash: String
    ) {
        self.at = at
        self.actor = actor.name
        tokenID = actor.tokenID
        self.action = action
        self.kind = kind
        if let report {
            rowsRead = report.rowsRead
            inserted = report.inserted
            replaced = report.replaced
            unchanged = report.unchanged
            rejected = report.badRows
        }
        self.sha256 = sha256
        self.detail = detail
        self.version = version
        self.previousHash = previousHash
        hash = ""
        hash = computedHash
    }

    /// An entry as stored.
    init(
        id: Int64?, at: String, actor: String, tokenID: Int64?, action: Action, kind: RecordKind?, rowsRead: Int,
        inserted: Int, replaced: Int, unchanged: Int, rejected: Int, sha256: String?, detail: String?, version: Int64,
        previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.tokenID = tokenID
        self.action = action
        self.kind = kind
        self.rowsRead = rowsRead
        self.inserted = inserted
        self.replaced = replaced
        self.unchanged = unchanged
        self.rejected = rejected
        self.sha256 = sha256
        self.detail = detail
        self.version = version
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the entry's fields and the previous hash: SHA-256 of one
    /// line a field, in a fixed order.
    public var computedHash: String {
        let fields: [String] = [
            previousHash, at, actor, tokenID.map(String.init) ?? "", action.rawValue, kind?.rawValue ?? "",
            String(rowsRead), String(inserted), String(replaced), String(unchanged), String(rejected),
            sha256 ?? "", detail ?? "", String(version),
        ]
        return Self.hex(SHA256.hash(data: Data(fields.joined(separator: "\n").utf8)))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The moment now, as entries write it.
    public static var now: String {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
    }

    /// The first entry whose chain is broken, with why; `nil` when every
    /// entry's hash is its fields' and follows the one before.
    public static func firstBreak(in entries: [AuditEntry]) -> String? {
        var previous = genesis
        for entry in entries {
            guard entry.previousHash == previous else {
                return "audit entry \(entry.id ?? 0) does not follow the entry before it (an entry was removed?)"
            }
            guard entry.computedHash == entry.hash else {
                return "audit entry \(entry.id ?? 0) does not hash to its stored hash (it was changed)"
            }
            previous = entry.hash
        }
        return nil
    }
}

/// Which entries to read.
public struct AuditFilter: Sendable {
    /// Entries at or after this moment (`YYYY-MM-DD` or a full timestamp).
    public var since: String?
    public var kind: RecordKind?
    public var tokenID: Int64?
    /// Entries after this id.
    public var after: Int64?
    /// Entries before this id.
    public var before: Int64?
    public var limit: Int
    /// Newest first, rather than oldest first.
    public var newestFirst: Bool

    public init(
        since: String? = nil, kind: RecordKind? = nil, tokenID: Int64? = nil, after: Int64? = nil,
        before: Int64? = nil, limit: Int = 1000, newestFirst: Bool = false
    ) {
        self.since = since
        self.kind = kind
        self.tokenID = tokenID
        self.after = after
        self.before = before
        self.limit = limit
        self.newestFirst = newestFirst
    }
}
