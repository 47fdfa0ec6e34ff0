import Foundation
import InnobondModel

/// Who writes: a token's holder (through the API or a browser session) or
/// the command line's user, as the audit log names them.
public struct WriteActor: Sendable, Hashable {
    /// The token's id, when a token writes.
    public let tokenID: Int64?
    /// `token 3 (desk, admin)`, `cli (root)`.
    public let name: String

    public init(tokenID: Int64?, name: String) {
        self.tokenID = tokenID
        self.name = name
    }

    /// The holder of a token.
    public static func token(_ token: APIToken) -> WriteActor {
        WriteActor(tokenID: token.id, name: "token \(token.id) (\(token.name), \(token.role.rawValue))")
    }

    /// The command line, run by the operating system's user.
    public static var commandLine: WriteActor {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName
        return WriteActor(tokenID: nil, name: "cli (\(user.isEmpty ? "unknown user" : user))")
    }

    /// innobond itself (the demo data set a server loads into an empty registry).
    public static let system = WriteActor(tokenID: nil, name: "innobond")
}
