import InnobondIO

/// Why a store operation could not be carried out.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be imported at all: its header, or its JSON syntax.
    case unusableFile([LineIssue])
    /// Reading or writing a file failed.
    case io(IOError)
    /// The database refused or failed; the message says what it said.
    case database(String)
    /// The database location cannot be used.
    case location(String)
    /// The database is out of reach, stopped answering, or lost the
    /// connection: nothing was written unless the message says the outcome
    /// is unknown. Trying again later may succeed.
    case unavailable(String)
    /// Another writer held the registry for longer than a writer waits:
    /// nothing was written. Trying again may succeed.
    case busy(String)
    /// A change named a revision that is no longer the record's current
    /// one: someone changed it since it was read. Nothing was written.
    case conflict(String, currentRevision: Int)
    /// No stored record has the key given.
    case notFound(String)
    /// A change the record's rules refuse, with why.
    case rejected(String)

    public var description: String {
        switch self {
        case .unusableFile(let issues): return issues.map(\.description).joined(separator: "\n")
        case .io(let error): return error.description
        case .database(let message): return "database: \(message)"
        case .location(let message): return message
        case .unavailable(let message): return "database unavailable: \(message)"
        case .busy(let message): return "database busy: \(message)"
        case .conflict(let message, _): return message
        case .notFound(let message): return message
        case .rejected(let message): return message
        }
    }

    /// Whether the same call may succeed later, unchanged: the store was
    /// unavailable or busy, not the input or the request at fault.
    public var isTransient: Bool {
        switch self {
        case .unavailable, .busy: return true
        default: return false
        }
    }
}
