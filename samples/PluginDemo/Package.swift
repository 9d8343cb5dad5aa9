// swift-tools-version: 6.0
import PackageDescription

// A package that uses Carburetor the way an app does: its target holds a
// `.carb` config, the build-tool plugin generates the models and sync code at
// build time, and `main.swift` uses them. Build it with
// `swift build --package-path samples/PluginDemo` and run it with
// `swift run --package-path samples/PluginDemo plugin-demo`.
let package = Package(
    name: "PluginDemo",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Carburetor", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "plugin-demo",
            dependencies: [.product(name: "CarburetorRuntime", package: "Carburetor")],
            plugins: [.plugin(name: "CarburetorPlugin", package: "Carburetor")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
