// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Carburetor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carburetor-compile", targets: ["carburetor-compile"]),
        .library(name: "CarburetorCore", targets: ["CarburetorCore"]),
        .library(name: "CarburetorPostgres", targets: ["CarburetorPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
    ],
    targets: [
        // Front end: source files, diagnostics, lexer, parser, resolver, formatter.
        .target(name: "CarburetorCore"),
        // The thin command-line interface.
        .executableTarget(
            name: "carburetor-compile",
            dependencies: [
                "CarburetorCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CarburetorCoreTests", dependencies: ["CarburetorCore"], exclude: ["Fixtures"]),
        // libpq and a small safe wrapper over it (live-database features and tests).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "CarburetorPostgres", dependencies: ["CLibPQ"]),
        // Migrations, offline: directory layouts, sum file, snapshot, planner.
        .target(
            name: "CarburetorMigrate",
            dependencies: ["CarburetorCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Migrations against a live database: apply, status, drift (libpq).
        .target(name: "CarburetorMigrateLive", dependencies: ["CarburetorMigrate", "CarburetorPostgres"]),
        .testTarget(
            name: "CarburetorMigrateTests",
            dependencies: ["CarburetorMigrate", "CarburetorMigrateLive", "CarburetorPostgres"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
