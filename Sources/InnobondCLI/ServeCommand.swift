import ArgumentParser
import CMallocArenas
import Foundation
import Hummingbird
import InnobondModel
import InnobondServer
import InnobondStore
import Logging
import NIOCore
import NIOPosix

/// `innobond serve`: the dashboard and the JSON API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard and the JSON API (loads the demo data set into an empty registry).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. Reads are open unless --private; writes \
            (POST /api/v1/import/KIND) need a token from 'innobond token create'. Several servers may share \
            one PostgreSQL database: each reloads its snapshot when another writes. SIGINT or SIGTERM stops \
            the server after the requests in progress.
            """
    )

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port).")
    var port = 8080

    @Flag(name: .customLong("no-demo"), help: "Do not load the demo data set into an empty registry.")
    var noDemo = false

    @Flag(name: .customLong("private"), help: "Reads need a token too.")
    var isPrivate = false

    @Option(
        help: ArgumentHelp(
            "Seconds a client has to send a request's headers, from its connection or the previous answer.",
            valueName: "seconds"))
    var headerTimeout = 10

    @Option(
        help: ArgumentHelp(
            "Working days after which a bond's latest quote is shown as stale.", valueName: "days"))
    var staleQuoteDays = 5

    @Option(
        name: .customLong("calendar"),
        help: ArgumentHelp("A calendar file adding or replacing years of the working-day calendar.", valueName: "file"))
    var calendarFiles: [String] = []

    @Option(
        help: ArgumentHelp(
            "Megabytes of rendered answers kept for repeated requests (bodies and keys).", valueName: "megabytes"))
    var cacheMegabytes = 256

    @Option(
        help: ArgumentHelp(
            "Seconds a heavy page (briefing, statistics, ranking) waits for its turn before a 503.",
            valueName: "seconds"))
    var heavyWait = 10

    @Option(help: "Log level: trace, debug (each request), info, notice, warning, error or critical.")
    var logLevel = "info"

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard headerTimeout > 0 else { throw ValidationError("--header-timeout must be at least 1 second") }
        guard staleQuoteDays >= 0 else { throw ValidationError("--stale-quote-days must be 0 or more") }
        guard (0...65_536).contains(cacheMegabytes) else {
            throw ValidationError("--cache-megabytes must be from 0 to 65536")
        }
        guard (1...3600).contains(heavyWait) else { throw ValidationError("--heavy-wait must be from 1 to 3600") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel)!
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "innobond")
        logger.logLevel = level
        // One malloc arena a core (set before main): glibc's eight a core kept
        // 92 MB more after the heavy pages at 1,000,000 bonds on two cores.
        logger.debug("malloc arenas", metadata: ["most": "\(innobond_malloc_arenas())"])
        // A server that cannot listen writes nothing: not even a new registry.
        if port != 0 { try await checkListening() }
        try await database.withStore { store in
            try await serve(store, logger: logger, level: level)
        }
        logger.info("stopped")
    }

    private func serve(_ store: any RegistryStore, logger: Logger, level: Logger.Level) async throws {
        do {
            // One row of each kind is enough to know: the snapshot is loaded once, by the server.
            var empty = true
            for kind in RecordKind.allCases where try await !store.rows(of: kind, after: nil, limit: 1).isEmpty {
                empty = false
                break
            }
            if empty && !noDemo {
                logger.info(
                    "the registry is empty: loading the demo data set", metadata: ["store": "\(store.location)"])
                _ = try await DemoLoader.load(into: store, actor: .system)
            }
        } catch let error as StoreError {
            throw UsageFailure(error)
        }
        let settings = ServerSettings(
            host: host, port: port, isPrivate: isPrivate, cachedBytes: cacheMegabytes << 20, logLevel: level,
            connections: ConnectionLimits(headerTimeout: .seconds(headerTimeout)).fittingDescriptorLimit(),
            calendarData: try CalendarOptions.data(calendarFiles), staleQuoteDays: staleQuoteDays,
            heavyPatience: .seconds(heavyWait), releaseFreeMemory: { _ = innobond_release_free_memory() })
        let application = try await ServerApplication.build(store: store, settings: settings, logger: logger) { url in
            FileHandle.standardOutput.write(Data("innobond: serving \(store.location) at \(url)\n".utf8))
        }
        do {
            try await application.runService()
        } catch {
            throw listenFailure(error)
        }
    }

    /// Binds the address and lets it go, so that a port in use is reported
    /// before the registry is opened (or created).
    private func checkListening() async throws {
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch {
            throw listenFailure(error)
        }
    }

    /// What a failure to listen says.
    private func listenFailure(_ error: any Error) -> any Error {
        let prefix = "cannot listen on \(host):\(port): "
        switch error {
        case let error as IOError where error.errnoCode == EADDRINUSE:
            return UsageFailure(prefix + "the port is in use (choose another with --port)")
        case let error as IOError where error.errnoCode == EADDRNOTAVAIL:
            return UsageFailure(prefix + "no interface of this machine has that address")
        case let error as IOError where error.errnoCode == EACCES:
            return UsageFailure(prefix + "not allowed (ports below 1024 need privileges)")
        case let error as SocketAddressError.UnknownHost:
            return UsageFailure(prefix + "no such host (\(error.host))")
        case let error as SocketAddressError:
            return UsageFailure(prefix + "\(error)")
        default:
            return error
        }
    }
}
