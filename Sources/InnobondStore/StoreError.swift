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

    public var description: String {
        switch self {
        case .unusableFile(let issues): return issues.map(\.description).joined(separator: "\n")
        case .io(let error): return error.description
        case .database(let message): return "database: \(message)"
        case .location(let message): return message
        }
    }
}
