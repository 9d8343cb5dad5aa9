// swift-tools-version: 6.0
import PackageDescription

// A package that uses Carburetor the way an app does: its target holds a
// `.carb` config, the build-tool plugin generates the models and sync code at
// build time, and `main.swift` uses them. Build it with
// `swift build --package-path samples/PluginDemo`.
let package = Package(
    name: "PluginDemo",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Carburetor", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "PluginDemo",
            dependencies: [.product(name: "CarburetorRuntime", package: "Carburetor")],
            plugins: [.plugin(name: "CarburetorPlugin", package: "Carburetor")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
