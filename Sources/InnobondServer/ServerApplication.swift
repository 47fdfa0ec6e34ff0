import Hummingbird
import InnobondPages
import InnobondStore
import Logging
import NIOCore
import ServiceLifecycle

/// The innobond server: the dashboard, the JSON API, health and metrics, over any store.
public enum ServerApplication {
    /// The application: the router with its middleware, and a service that
    /// reloads the snapshot when another server writes.
    ///
    /// - Parameter onRunning: called with the address the server listens on.
    public static func build(
        store: any RegistryStore, settings: ServerSettings, logger: Logger,
        onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        // Metrics first, so that the first snapshot's store timings count.
        _ = MetricsRegistry.registry
        let state = try await RegistryState(
            store: store, cachedResponses: settings.cachedResponses, cachedBytes: settings.cachedBytes,
            calendarData: settings.calendarData,
            staleQuoteDays: settings.staleQuoteDays, today: settings.today,
            heavyRenders: settings.heavyRenders, heavyPatience: settings.heavyPatience,
            releaseFreeMemory: settings.releaseFreeMemory, logger: logger)
        let router = try await buildRouter(state: state, settings: settings)
        let connections = ConnectionGuard(limits: settings.connections)
        return Application(
            responder: HeadResponder(inner: router.buildResponder()),
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionWatch(connections)])),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "innobond"),
            services: [RefreshService(state: state, interval: settings.refreshInterval, logger: logger)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                // An IPv6 address is bracketed in a URL: http://[::1]:8080.
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                await onRunning("http://\(host):\(port)")
            },
            logger: logger)
    }

    /// The router: middleware (turns, security headers, request logs,
    /// metrics, demo notice, errors, authentication) and every route.
    public static func buildRouter(state: RegistryState, settings: ServerSettings) async throws
        -> Router<ServerRequestContext>
    {
        let pages = try await Pages()
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: TurnTakingMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(isPrivate: settings.isPrivate))
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ErrorMiddleware(pages: pages, state: state))
        router.add(middleware: AuthenticationMiddleware(state: state, isPrivate: settings.isPrivate))
        router.add(middleware: DemoNoticeMiddleware(state: state, isPrivate: settings.isPrivate))
        PageRoutes.register(on: router, state: state, pages: pages, isPrivate: settings.isPrivate)
        ShieldPageRoutes.register(on: router, state: state, pages: pages)
        for route in APIRoutes.all {
            router.on(RouterPath(route.path), method: route.method) { request, context in
                try route.checkQueryNames(request)
                return try await route.handler(request, context, state)
            }
        }
        OperationsRoutes.register(
            on: router, state: state, isPrivate: settings.isPrivate, metrics: MetricsRegistry.registry,
            openAPI: OpenAPIDocument.json())
        return router
    }
}
