// swift-tools-version: 6.0
import PackageDescription

// The whole local-first loop as an app builds it: one config (todos.carb), a
// server on Hummingbird and PostgreSQL, and a command-line device on GRDB and
// SQLite. CarburetorPlugin generates both sides at build time: the server side
// for SyncDemoServerKit (it links CarburetorRuntime), the device side for
// SyncDemoClientKit (it links CarburetorClient). See README.md.
let package = Package(
    name: "SyncDemo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sync-demo-server", targets: ["sync-demo-server"]),
        .executable(name: "sync-demo-client", targets: ["sync-demo-client"]),
    ],
    dependencies: [
        .package(name: "Carburetor", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // The server: generated download and upload code, the HTTP routes, a stub authentication
        // and the schema, as a library so the tests start the app in-process.
        .target(
            name: "SyncDemoServerKit",
            dependencies: [
                .product(name: "CarburetorRuntime", package: "Carburetor"),
                .product(name: "CarburetorSchema", package: "Carburetor"),
                .product(name: "CarburetorChecker", package: "Carburetor"),
                .product(name: "CarburetorSQL", package: "Carburetor"),
                .product(name: "CarburetorPostgres", package: "Carburetor"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("todos.carb")],
            plugins: [.plugin(name: "CarburetorPlugin", package: "Carburetor")]
        ),
        .executableTarget(
            name: "sync-demo-server",
            dependencies: [
                "SyncDemoServerKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The device: generated records and sync groups, and the commands of the command-line client.
        .target(
            name: "SyncDemoClientKit",
            dependencies: [
                .product(name: "CarburetorClient", package: "Carburetor"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            plugins: [.plugin(name: "CarburetorPlugin", package: "Carburetor")]
        ),
        .executableTarget(
            name: "sync-demo-client",
            dependencies: [
                "SyncDemoClientKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Both sides over real HTTP against a throwaway PostgreSQL, with real SQLite files.
        .testTarget(
            name: "SyncDemoTests",
            dependencies: [
                "SyncDemoServerKit",
                "SyncDemoClientKit",
                .product(name: "CarburetorTestSupport", package: "Carburetor"),
                .product(name: "CarburetorClient", package: "Carburetor"),
                .product(name: "CarburetorRuntime", package: "Carburetor"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
