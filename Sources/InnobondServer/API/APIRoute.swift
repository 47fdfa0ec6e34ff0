import HTTPTypes
import Hummingbird
import InnobondModel

/// One route of the JSON API: how it is called and documented, and its
/// handler. The router and the OpenAPI document are both built from
/// ``APIRoutes/all``, so they cannot disagree.
struct APIRoute: Sendable {
    /// A query parameter.
    struct Parameter: Sendable {
        enum Kind: String, Sendable {
            case string, integer, number, boolean, date
        }

        var name: String
        var kind: Kind
        var description: String
        var required = false
        /// Allowed values, when they are a closed list.
        var values: [String] = []
        /// Whether it takes several values, comma-separated.
        var list = false
        /// Bounds of a number.
        var range: ClosedRange<Double>?
    }

    /// What the path parameters are, stated where the API enforces more
    /// than their pattern says.
    static let pathDescriptions = [
        "code": "A bond code: 1 to 20 letters or digits, then .IB, .SH or .SZ (any case; kept in capitals)",
        "uscc":
            "A unified social credit code: 18 characters of 0-9 and A-Y without I, O, S, V and Z, the last the "
            + "check character of the first 17 (GB 32100-2015: weights 1, 3, 9, 27, ... modulo 31)",
    ]

    /// Patterns of the path parameters, where they have one.
    static let pathPatterns = [
        "code": "^[A-Za-z0-9]{1,20}\\.(IB|SH|SZ)$", "uscc": "^[0-9A-HJ-NPQRTUWXY]{18}$",
        "kind": "^(" + RecordKind.allCases.map(\.rawValue).joined(separator: "|") + ")$",
    ]

    typealias Handler = @Sendable (Request, ServerRequestContext, RegistryState) async throws -> Response

    var method: HTTPRequest.Method
    /// Hummingbird's form: `/api/v1/bonds/:code`.
    var path: String
    var summary: String
    var tag: String
    var parameters: [Parameter] = []
    /// Content types of a request body, for writes.
    var bodyTypes: [String] = []
    /// Statuses other than 200 the route answers with, and why.
    var errors: [Int: String] = [:]
    /// The name of the response's schema in the document.
    var schema: String
    var handler: Handler

    /// Refuses a query parameter the operation does not take, so that a
    /// misspelt one (or a page number, where the API pages by cursor) is not
    /// silently ignored.
    func checkQueryNames(_ request: Request) throws {
        let known = Set(parameters.map(\.name))
        let query = QueryParameters(request)
        for parameter in parameters where !parameter.list && query.getAll(parameter.name).count > 1 {
            throw APIError.badParameter(parameter.name, "given more than once: give it once")
        }
        for name in query.names where !known.contains(name) && ["page", "per_page"].contains(name) {
            if known.contains("cursor") {
                throw APIError.badParameter(
                    name, "the API pages by cursor: give limit, then a page's next_cursor as cursor")
            }
        }
        try query.checkNames(parameters.map(\.name), of: "this operation")
    }

    /// The path in OpenAPI's form: `/api/v1/bonds/{code}`.
    var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
        }.joined(separator: "/")
    }

    /// The path parameters, in order.
    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }
}
