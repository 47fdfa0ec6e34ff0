import HTTPTypes
import Hummingbird
import InnobondPages
import InnobondStore
import Logging

/// Turns every error into a response: a JSON body naming the field at fault
/// for the API (and for clients that ask for JSON), an HTML page otherwise.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let pages: Pages
    let state: RegistryState

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return respond(error, to: request)
        } catch let error as StoreError where error.isTransient {
            context.logger.warning("store unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(APIError.unavailable(error), to: request)
        } catch let error as HTTPError {
            let message =
                error.status == .notFound
                ? "nothing at \(request.uri.path)" : (error.body ?? error.status.reasonPhrase)
            return respond(APIError(error.status, message), to: request)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return respond(APIError(.internalServerError, "the server failed; the log says why"), to: request)
        }
    }

    func respond(_ error: APIError, to request: Request) -> Response {
        var headers: HTTPFields = [:]
        if error.status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        if error.status == .serviceUnavailable { headers[.retryAfter] = String(APIError.retryAfterSeconds) }
        if error.status == .methodNotAllowed {
            headers[.allow] = APIRoutes.methods(of: request.uri.path).joined(separator: ", ")
        }
        let path = request.uri.path
        let wantsJSON =
            path.hasPrefix("/api/") || path.hasPrefix("/health")
            || (request.headers[.accept] ?? "").contains("application/json")
        // A download's error is text its reader (a script, a spreadsheet) can show.
        if path.hasSuffix(".csv") && !wantsJSON {
            let text = (error.field.map { "parameter \($0): " } ?? "") + error.message + "\n"
            return Rendering.response(
                ResponseCache.Entry(
                    contentType: "text/plain; charset=utf-8", body: Array(text.utf8), status: error.status.code),
                headers: [:]
            ).with(headers: headers)
        }
        if wantsJSON {
            headers[.contentType] = "application/json; charset=utf-8"
            return Rendering.response(
                ResponseCache.Entry(
                    contentType: "application/json; charset=utf-8", body: error.jsonBody, status: error.status.code),
                headers: [:]
            ).with(headers: headers)
        }
        var layout = Layout("\(error.status.code) \(error.status.reasonPhrase)", section: nil, current: state.now)
        // Nothing of the registry for those a private server turns away.
        if error.status == .unauthorized { layout.hideRegistry() }
        let page = ErrorPage(
            layout: layout,
            status: error.status.code, message: error.message, field: error.field,
            signIn: error.status == .unauthorized)
        let html = (try? pages.render(page, template: "error")) ?? "\(error.status.code)"
        return Rendering.response(Rendering.entry(html: html, status: error.status)).with(headers: headers)
    }
}

extension Response {
    /// The response with these header fields set (replacing any of the same name).
    func with(headers fields: HTTPFields) -> Response {
        var response = self
        for field in fields { response.headers[field.name] = field.value }
        return response
    }
}
