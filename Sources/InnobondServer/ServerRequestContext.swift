import Hummingbird
import InnobondModel
import InnobondStore

/// The request context of the server: the core context, the client's
/// address and, once the authentication middleware has seen a valid token
/// or session, who the caller is.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller's token (given as a bearer token, or behind a browser
    /// session); `nil` without one.
    public var token: APIToken?
    /// The role of the caller's token; `nil` without one.
    public var role: APIRole? { token?.role }
    /// The browser session's secret, when the caller came with one.
    var sessionSecret: String?
    /// The client's address, as the connection gives it.
    public let clientAddress: String
    /// The registry version the response is computed from.
    var version: Int64 = 0

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Uploads are registry files: up to 256 MB.
    public var maxUploadSize: Int { 256 * 1024 * 1024 }
}
