// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Carburetor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carburetor-compile", targets: ["carburetor-compile"]),
        // The front end, in the order it runs: source and syntax, then the checker; the
        // backends see only the schema module.
        .library(name: "CarburetorSchema", targets: ["CarburetorSchema"]),
        .library(name: "CarburetorSyntax", targets: ["CarburetorSyntax"]),
        .library(name: "CarburetorChecker", targets: ["CarburetorChecker"]),
        .executable(name: "carburetor-benchmark", targets: ["carburetor-benchmark"]),
        .executable(name: "carburetor-client-benchmark", targets: ["carburetor-client-benchmark"]),
        .library(name: "CarburetorPostgres", targets: ["CarburetorPostgres"]),
        .library(name: "CarburetorSQL", targets: ["CarburetorSQL"]),
        .library(name: "CarburetorDocs", targets: ["CarburetorDocs"]),
        .library(name: "CarburetorWire", targets: ["CarburetorWire"]),
        .library(name: "CarburetorRuntime", targets: ["CarburetorRuntime"]),
        .library(name: "CarburetorClient", targets: ["CarburetorClient"]),
        .library(name: "CarburetorSwiftGen", targets: ["CarburetorSwiftGen"]),
        .plugin(name: "CarburetorPlugin", targets: ["CarburetorPlugin"]),
        // A throwaway PostgreSQL server for tests, also those of samples/SyncDemo.
        .library(name: "CarburetorTestSupport", targets: ["CarburetorTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // What every stage shares and every backend reads: source positions, diagnostic
        // values and their renderers, the resolved `Schema`, naming, generated files.
        // (The wire module, Foundation only, holds the project's one JSON writer.)
        .target(name: "CarburetorSchema", dependencies: ["CarburetorWire"]),
        // The lexer, the parser, the syntax tree and the formatter.
        .target(name: "CarburetorSyntax", dependencies: ["CarburetorSchema"]),
        // The resolver (syntax tree → Schema) and `Frontend`, the whole front end.
        .target(name: "CarburetorChecker", dependencies: ["CarburetorSchema", "CarburetorSyntax"]),
        // What the commands do (check, emit, fmt), as library code the tests call;
        // the backend registry lives here because it links every backend.
        .target(name: "CarburetorDriver", dependencies: [
            "CarburetorSchema", "CarburetorSyntax", "CarburetorChecker",
            "CarburetorSQL", "CarburetorDocs", "CarburetorSwiftGen", "CarburetorClientGen",
            "CarburetorMigrate", "CarburetorMigrateLive",
        ]),
        // The thin command-line interface.
        .executableTarget(
            name: "carburetor-compile",
            dependencies: [
                "CarburetorSchema",
                "CarburetorDriver",
                "CarburetorMigrate",
                "CarburetorMigrateLive",
                "CarburetorLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `carburetor-compile lsp`: a Language Server Protocol server over the front end.
        // The SQL and Swift backends only name the types hover shows.
        .target(name: "CarburetorLanguageServer",
                dependencies: ["CarburetorSchema", "CarburetorSyntax", "CarburetorChecker",
                               "CarburetorSQL", "CarburetorSwiftGen"]),
        .testTarget(name: "CarburetorLanguageServerTests",
                    dependencies: ["CarburetorLanguageServer", "CarburetorSchema", "CarburetorSyntax", "CarburetorChecker",
                                   "CarburetorTestSupport"]),
        // Generates a large config and measures the front end (build with -c release).
        .executableTarget(name: "carburetor-benchmark",
                          dependencies: ["CarburetorSchema", "CarburetorSyntax", "CarburetorChecker"]),
        .testTarget(name: "CarburetorFrontendTests",
                    dependencies: ["CarburetorSchema", "CarburetorSyntax", "CarburetorChecker", "CarburetorTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CarburetorDriverTests",
                    dependencies: ["CarburetorDriver", "CarburetorSchema", "CarburetorSyntax", "CarburetorChecker", "CarburetorTestSupport",
                                   "carburetor-compile"]),
        // libpq and a small safe wrapper over it (live-database features and tests).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "CarburetorPostgres", dependencies: ["CLibPQ"]),
        // A throwaway PostgreSQL server for the tests of every module.
        .target(name: "CarburetorTestSupport", dependencies: ["CarburetorPostgres"]),
        .testTarget(name: "CarburetorPostgresTests", dependencies: ["CarburetorPostgres", "CarburetorTestSupport"]),
        // The `--emit sql` backend: PostgreSQL DDL.
        .target(name: "CarburetorSQL", dependencies: ["CarburetorSchema"]),
        .testTarget(
            name: "CarburetorSQLTests",
            dependencies: ["CarburetorSQL", "CarburetorSchema", "CarburetorChecker", "CarburetorPostgres",
                           "CarburetorTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Markdown reference for client developers (`--emit docs`).
        // The upload examples use the wire module's clock, so their format is the real one.
        .target(name: "CarburetorDocs",
                dependencies: ["CarburetorSchema", "CarburetorSQL", "CarburetorSwiftGen", "CarburetorWire"]),
        .testTarget(
            name: "CarburetorDocsTests",
            // The runtime decodes the JSON examples exactly as generated code does.
            dependencies: ["CarburetorDocs", "CarburetorSchema", "CarburetorChecker", "CarburetorRuntime", "CarburetorTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Migrations, offline: directory layouts, sum file, snapshot, planner.
        .target(
            name: "CarburetorMigrate",
            // The wire module's JSON reader reads the snapshot.
            dependencies: ["CarburetorSchema", "CarburetorSQL", "CarburetorWire",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Measures `migrate new` between two large configs (build with -c release).
        .executableTarget(name: "carburetor-migrate-benchmark",
                          dependencies: ["CarburetorSchema", "CarburetorChecker", "CarburetorMigrate"]),
        // Migrations against a live database: apply, status, drift (libpq).
        .target(name: "CarburetorMigrateLive", dependencies: ["CarburetorMigrate", "CarburetorPostgres"]),
        .testTarget(
            name: "CarburetorMigrateTests",
            dependencies: ["CarburetorMigrate", "CarburetorMigrateLive", "CarburetorPostgres", "CarburetorSQL",
                           "CarburetorSchema", "CarburetorChecker", "CarburetorTestSupport", "CarburetorWire"],
            exclude: ["Fixtures"]
        ),
        // What server and device share: the hybrid logical clock, the Last-Writer-Wins rule, wire
        // value types and coding, and the upload/download shapes. Foundation only, so a device app
        // links it without a PostgreSQL driver.
        .target(name: "CarburetorWire"),
        .testTarget(name: "CarburetorWireTests", dependencies: ["CarburetorWire"]),
        // What generated server code imports: PostgreSQL values, download and upload (re-exports the wire module).
        .target(
            name: "CarburetorRuntime",
            dependencies: [
                "CarburetorWire",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CarburetorRuntimeTests", dependencies: ["CarburetorRuntime"]),
        // What generated device code imports: the local SQLite store on GRDB, dirty tracking, merge,
        // offsets and the sync loop (re-exports the wire module; never links PostgresNIO).
        .target(
            name: "CarburetorClient",
            dependencies: ["CarburetorWire", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Applies a download to and builds an upload from the local store, vs GRDB's plain
        // batch insert (build with -c release).
        .executableTarget(
            name: "carburetor-client-benchmark",
            dependencies: ["CarburetorClient", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Generated/ holds `--emit swift-client` output of the all_types fixture, kept current by
        // CarburetorClientGenTests.
        .testTarget(
            name: "CarburetorClientTests",
            dependencies: ["CarburetorClient", "CarburetorWire", "CarburetorTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The Swift backend: models and sync-group download code.
        .target(name: "CarburetorSwiftGen", dependencies: ["CarburetorSchema", "CarburetorSQL"]),
        // The device backend (`--emit swift-client`): GRDB records and sync descriptors.
        .target(name: "CarburetorClientGen", dependencies: ["CarburetorSchema"]),
        .testTarget(
            name: "CarburetorClientGenTests",
            // The client library is built for the test that compiles generated code against it.
            dependencies: ["CarburetorClientGen", "CarburetorSchema", "CarburetorChecker", "CarburetorClient", "CarburetorTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Generates a target's Swift from its .carb files at build time: the server side
        // (Models.swift, SyncGroups.swift) for a target linking CarburetorRuntime, the device
        // side (ClientModels.swift, ClientSyncGroups.swift) for one linking CarburetorClient.
        .plugin(name: "CarburetorPlugin", capability: .buildTool(), dependencies: ["carburetor-compile"]),
        // Generated code for a sample, run against a throwaway PostgreSQL.
        .testTarget(
            name: "CarburetorEndToEndTests",
            dependencies: [
                "CarburetorRuntime",
                "CarburetorSchema",
                "CarburetorChecker",
                "CarburetorSQL",
                "CarburetorDocs",
                "CarburetorPostgres",
                "CarburetorTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Generated/input.carb"]
        ),
        // The hostile-names fixture's generated code, run against PostgreSQL.
        .testTarget(
            name: "CarburetorHostileNamesTests",
            dependencies: [
                "CarburetorRuntime",
                "CarburetorSchema",
                "CarburetorChecker",
                "CarburetorSQL",
                "CarburetorPostgres",
                "CarburetorTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CarburetorSwiftGenTests",
            dependencies: ["CarburetorSwiftGen", "CarburetorSchema", "CarburetorChecker", "CarburetorRuntime", "CarburetorTestSupport"],
            exclude: ["Fixtures"]
        ),
        // Trigger and download figures on a throwaway PostgreSQL (build with -c release).
        .executableTarget(
            name: "carburetor-sync-benchmark",
            dependencies: [
                "CarburetorSchema", "CarburetorChecker", "CarburetorSQL", "CarburetorRuntime", "CarburetorPostgres",
                "CarburetorTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
