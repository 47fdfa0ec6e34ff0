import Hummingbird
import InnobondStore

/// The request context of the server: the core context and, once the
/// authentication middleware has seen a valid token, its role.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The role of the request's token; `nil` without one.
    public var role: APIRole?
    /// The registry version the response is computed from.
    var version: Int64 = 0

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Uploads are registry files: up to 256 MB.
    public var maxUploadSize: Int { 256 * 1024 * 1024 }
}
