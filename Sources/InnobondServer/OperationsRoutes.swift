import Foundation
import Hummingbird
import Prometheus

/// Health, metrics and the API's OpenAPI document.
enum OperationsRoutes {
    static func register(
        on router: Router<ServerRequestContext>, state: RegistryState, isPrivate: Bool,
        metrics: PrometheusCollectorRegistry,
        openAPI: [UInt8]
    ) {
        // Readiness: whether the server can serve the registry as it is
        // (503 while the store does not answer, reads then being stale).
        @Sendable func readiness(_ context: ServerRequestContext) throws -> Response {
            let current = state.now
            // A private server tells what it holds only to those with a token.
            let tells = !isPrivate || context.role != nil
            var entry = try Rendering.entry(
                json: APIModels.Health(
                    status: current.staleSince == nil ? "ok" : "unavailable", version: tells ? current.version : nil,
                    bonds: tells ? current.snapshot.bonds.count : nil, store: tells ? state.store.location : nil,
                    staleSince: tells ? current.staleSince : nil, storeError: tells ? state.storeError : nil))
            if current.staleSince != nil {
                entry.status = 503
                return Rendering.response(entry, headers: [.retryAfter: String(APIError.retryAfterSeconds)])
            }
            return Rendering.response(entry)
        }
        router.get("/health") { _, context in try readiness(context) }
        router.get("/health/ready") { _, context in try readiness(context) }
        // Liveness: the process answers; restarting it would not help a store outage.
        router.get("/health/live") { _, _ in
            Rendering.response(try Rendering.entry(json: APIModels.Health(status: "ok")))
        }
        router.get("/metrics") { _, _ in
            Rendering.response(
                ResponseCache.Entry(
                    contentType: "text/plain; version=0.0.4; charset=utf-8", body: metrics.emitToBuffer(), status: 200))
        }
        router.get("/api/openapi.json") { _, _ in
            Rendering.response(ResponseCache.Entry(contentType: "application/json", body: openAPI, status: 200))
        }
    }
}
