import HTTPTypes
import Hummingbird

/// Marks every answer drawn from demo data with `Innobond-Demo: true`, so
/// that API clients, which see no banner, can tell it from market data;
/// never for the visitors a private server has not let in.
struct DemoNoticeMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    static let header = HTTPField.Name("Innobond-Demo")!
    let state: RegistryState
    let isPrivate: Bool

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if state.now.snapshot.isDemo && (!isPrivate || context.role != nil) { response.headers[Self.header] = "true" }
        return response
    }
}
