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
        router.get("/health") { _, context in
            let current = state.now
            // A private server tells what it holds only to those with a token.
            let tells = !isPrivate || context.role != nil
            return Rendering.response(
                try Rendering.entry(
                    json: APIModels.Health(
                        status: "ok", version: tells ? current.version : nil,
                        bonds: tells ? current.snapshot.bonds.count : nil, store: tells ? state.store.location : nil)))
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
