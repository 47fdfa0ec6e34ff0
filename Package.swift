// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "innobond",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "innobond", targets: ["InnobondCLI"]),
        .library(name: "FixedIncome", targets: ["FixedIncome"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // glibc's malloc tuning (mallopt), which Swift's Glibc module does not import.
        .target(name: "CMallocArenas"),
        // Population counts of bit sets, built for the processor that runs them.
        .target(name: "CBitCounts"),
        // Dates, day counts, schedules, fixed-rate bonds, price, yield and risk.
        .target(
            name: "FixedIncome",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        // The registry's domain values and their validation.
        .target(name: "InnobondModel", dependencies: ["FixedIncome"]),
        // Pure analysis over a registry snapshot.
        .target(name: "InnobondInsights", dependencies: ["FixedIncome", "InnobondModel"]),
        // The store protocol, the validated import pipeline, export.
        .target(
            name: "InnobondStore",
            dependencies: [
                "FixedIncome", "InnobondModel", "InnobondIO", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The built-in demo data set, generated deterministically.
        .target(
            name: "InnobondDemo",
            dependencies: ["FixedIncome", "InnobondModel", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // The registry in an SQLite file: the embedded default.
        .target(
            name: "InnobondSQLite",
            dependencies: [
                "FixedIncome", "InnobondModel", "InnobondStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The registry in PostgreSQL, for teams and several servers.
        .target(
            name: "InnobondPostgres",
            dependencies: [
                "FixedIncome", "InnobondModel", "InnobondStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Byte-level CSV scanning, fast number parsing and formatting, and an
        // ordered parallel pipeline over large files.
        .target(name: "InnobondIO"),
        // The batch contract of `innobond analytics` (spec/bond-analytics.md).
        .target(
            name: "InnobondAnalytics",
            dependencies: ["FixedIncome", "InnobondIO"]
        ),
        // Briefings and pages as HTML and Markdown, from templates that escape what they print.
        .target(
            name: "InnobondPages",
            dependencies: ["FixedIncome", "InnobondInsights"],
            resources: [.copy("Templates")]
        ),
        // The web dashboard and JSON API (Hummingbird), over any store.
        .target(
            name: "InnobondServer",
            dependencies: [
                "InnobondInsights", "InnobondStore", "InnobondPages", "FixedIncome", "InnobondModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), "InnobondIO", "CBitCounts",
            ],
            resources: [.copy("Resources/response-schemas.json")]
        ),
        // Fixtures and reference checks shared by the test targets.
        .target(
            name: "InnobondTestSupport",
            dependencies: [
                "InnobondStore", "InnobondModel", "InnobondIO", "InnobondInsights", "FixedIncome",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "InnobondCLI",
            dependencies: [
                "FixedIncome", "InnobondModel", "InnobondIO", "InnobondStore", "InnobondAnalytics", "InnobondInsights",
                "InnobondPages", "InnobondSQLite", "InnobondPostgres", "InnobondDemo", "InnobondServer",
                "CMallocArenas",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // On Linux, release builds link the Swift runtime and Foundation
            // statically: a process starts in 15 ms instead of 23 (no symbol
            // lookups in a dozen shared libraries), which counts for a batch
            // command run over and over from scripts. The libraries named are
            // the ones Foundation's static archives need, which lld resolves
            // in any order.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-use-ld=lld", "-l_FoundationICU", "-l_FoundationCollections",
                        "-l_FoundationCShims", "-lCoreFoundation",
                    ],
                    .when(platforms: [.linux], configuration: .release)
                )
            ]
        ),
        .testTarget(
            name: "FixedIncomeTests",
            dependencies: [
                "FixedIncome", .product(name: "RealModule", package: "swift-numerics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "InnobondModelTests",
            dependencies: [
                "InnobondModel",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "InnobondSQLiteTests",
            dependencies: [
                "InnobondSQLite", "InnobondTestSupport", "InnobondDemo", "InnobondStore", "InnobondModel", "InnobondIO",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .testTarget(name: "InnobondDemoTests", dependencies: ["InnobondDemo", "InnobondModel", "FixedIncome"]),
        .testTarget(
            name: "InnobondPostgresTests",
            dependencies: [
                "InnobondPostgres", "InnobondSQLite", "InnobondTestSupport", "InnobondStore", "InnobondModel",
                "InnobondIO", "FixedIncome", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "InnobondInsightsTests",
            dependencies: [
                "InnobondInsights", "InnobondModel", "FixedIncome", "InnobondDemo", "InnobondPages",
                "InnobondTestSupport", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "InnobondServerTests",
            dependencies: [
                "InnobondServer", "InnobondSQLite", "InnobondDemo", "InnobondTestSupport", "InnobondStore",
                "InnobondModel", "InnobondIO", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "InnobondIOTests",
            dependencies: [
                "InnobondIO",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "InnobondAnalyticsTests",
            dependencies: [
                "InnobondAnalytics", "InnobondIO", "FixedIncome", "InnobondTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "InnobondCLITests",
            dependencies: [
                "InnobondCLI", "InnobondTestSupport", "InnobondSQLite", "FixedIncome", "InnobondModel",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ]
)

// Benchmarks build only on request, so that tests and CI build what the product needs:
// INNOBOND_BENCHMARKS=1 swift build -c release --product innobond-benchmarks
if Context.environment["INNOBOND_BENCHMARKS"] != nil {
    package.products.append(.executable(name: "innobond-benchmarks", targets: ["InnobondBenchmarks"]))
    package.targets.append(
        .executableTarget(
            name: "InnobondBenchmarks",
            dependencies: ["FixedIncome", "InnobondAnalytics", "InnobondIO"],
            path: "Benchmarks/Sources/InnobondBenchmarks"
        ))
    package.products.append(.executable(name: "innobond-hello", targets: ["HelloServer"]))
    package.targets.append(
        .executableTarget(
            name: "HelloServer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/Sources/HelloServer"
        ))
}
