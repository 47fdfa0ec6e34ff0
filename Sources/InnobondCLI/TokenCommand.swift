import ArgumentParser
import InnobondModel
import InnobondServer
import InnobondStore

/// `innobond token`: API tokens for writes (and reads of a private server).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}

extension APIRole: ExpressibleByArgument {}

/// `innobond token create --role ROLE`: prints the secret once; the store keeps its hash.
struct TokenCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print its secret (shown once; only its hash is kept).",
        discussion: "viewer: reads (of a private server); "
            + [APIRole.analyst, .admin].map { role in
                "\(role.rawValue): also imports "
                    + RecordKind.allCases.filter { $0.declaration.writer == role }.map(\.rawValue).joined(
                        separator: ", ")
            }.joined(separator: "; ") + "."
    )

    @Option(
        help: "What the token may do: viewers read, analysts also write market data, admins also write master data.")
    var role: APIRole

    @Option(help: "Who or what the token is for.")
    var name = "api"

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard !name.isEmpty else { throw ValidationError("--name must not be empty") }
        // One line of `token list` a token: no tabs, line breaks or other controls.
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError("--name must be text without tabs, line breaks or other control characters")
        }
    }

    func run() async throws {
        try await database.withStore { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        let (secret, hash) = TokenSecret.generate()
        let token = try await store.createToken(name: name, role: role, secretHash: hash, actor: .commandLine)
        printError("token \(token.id) (\(token.role.rawValue), \(token.name)) created; its secret, shown once:")
        print(secret)
    }
}

/// `innobond token list`.
struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never their secrets).")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        print("id\trole\tname\tcreated\trevoked")
        for token in try await store.tokens() {
            print("\(token.id)\t\(token.role.rawValue)\t\(token.name)\t\(token.created)\t\(token.revoked ?? "")")
        }
    }
}

/// `innobond token revoke ID`.
struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token.")

    @Argument(help: "The token's id.")
    var id: Int64

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withStore(existing: true) { try await run(on: $0) }
    }

    private func run(on store: any RegistryStore) async throws {
        guard try await store.revokeToken(id: id, actor: .commandLine) else {
            throw UsageFailure("no valid token has id \(id)")
        }
        printError("token \(id) revoked")
    }
}
