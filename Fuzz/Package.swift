// swift-tools-version: 6.0
// A libFuzzer target for the front end, kept out of the main package so that
// ordinary builds never need the fuzzer runtime. See Documentation/Fuzzing.md.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its directory, which differs between
// checkouts (`carburetor`, a worktree's name …), so derive it.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "CarburetorFuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FrontendFuzzer",
            dependencies: [
                .product(name: "CarburetorSchema", package: rootPackage),
                .product(name: "CarburetorSyntax", package: rootPackage),
                .product(name: "CarburetorChecker", package: rootPackage),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
