import HTTPTypes
import Hummingbird

/// Marks every answer drawn from demo data with `Innobond-Demo: true`, and
/// every answer served while the store does not answer with
/// `Innobond-Stale-Since: TIME`, so that API clients, which see no banner,
/// can tell; never for the visitors a private server has not let in.
struct DemoNoticeMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    static let header = HTTPField.Name("Innobond-Demo")!
    static let staleHeader = HTTPField.Name("Innobond-Stale-Since")!
    let state: RegistryState
    let isPrivate: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        guard !isPrivate || context.role != nil else { return response }
        let current = state.now
        if current.snapshot.isDemo { response.headers[Self.header] = "true" }
        if let since = current.staleSince { response.headers[Self.staleHeader] = since }
        return response
    }
}
