// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Carburetor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carburetor-compile", targets: ["carburetor-compile"]),
        .library(name: "CarburetorCore", targets: ["CarburetorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
    ],
    swiftLanguageModes: [.v6]
)
