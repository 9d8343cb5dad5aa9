// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Carburetor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carburetor-compile", targets: ["carburetor-compile"]),
        .library(name: "CarburetorCore", targets: ["CarburetorCore"]),
        .library(name: "CarburetorRuntime", targets: ["CarburetorRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
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
        .testTarget(name: "CarburetorCoreTests", dependencies: ["CarburetorCore"]),
        // What generated Swift code imports: value types, field updates, download helpers.
        .target(
            name: "CarburetorRuntime",
            dependencies: [
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CarburetorRuntimeTests", dependencies: ["CarburetorRuntime"]),
        // The Swift backend: models and sync-group download code.
        .target(name: "CarburetorSwiftGen", dependencies: ["CarburetorCore"]),
        // Generated code for a sample, run against a throwaway PostgreSQL.
        .testTarget(
            name: "CarburetorEndToEndTests",
            dependencies: [
                "CarburetorRuntime",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            exclude: ["Generated/input.carb"]
        ),
        .testTarget(
            name: "CarburetorSwiftGenTests",
            dependencies: ["CarburetorSwiftGen", "CarburetorRuntime"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
