import Metrics
import Prometheus

/// The process's Prometheus registry, the backend of swift-metrics.
enum MetricsRegistry {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
