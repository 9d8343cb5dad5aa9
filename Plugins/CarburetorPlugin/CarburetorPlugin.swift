import Foundation
import PackagePlugin

/// A build-tool plugin: every `*.carb` file of a target is compiled to Swift at
/// build time by `carburetor-compile FILE --emit … --out DIR`, into the
/// plugin's work directory, and the generated files are compiled with the
/// target. Which side is generated follows from what the target links:
///
/// - a target that depends on the `CarburetorRuntime` product gets the server
///   side (`--emit swift`): `Models.swift` and `SyncGroups.swift`, on PostgresNIO;
/// - a target that depends on the `CarburetorClient` product gets the device
///   side (`--emit swift-client`): `ClientModels.swift` and
///   `ClientSyncGroups.swift`, on GRDB;
/// - a target that depends on both, or on neither, is an error: the two sides
///   declare types of the same names, so they live in two targets (a server
///   module and a device module) that may share one config file.
///
/// Only the target's own dependencies count, not those of the targets it depends on.
@main
struct CarburetorPlugin: BuildToolPlugin {
    /// One side of the generated code.
    enum Side {
        case server, client

        var emit: String { self == .server ? "swift" : "swift-client" }
        var files: [String] {
            self == .server ? ["Models.swift", "SyncGroups.swift"] : ["ClientModels.swift", "ClientSyncGroups.swift"]
        }
    }

    struct PluginError: Error, CustomStringConvertible {
        var description: String
    }

    static let serverProduct = "CarburetorRuntime"
    static let clientProduct = "CarburetorClient"

    /// The side a target's `.carb` files generate, from the products it depends on.
    static func side(of target: SourceModuleTarget) throws -> Side {
        let products = Set(target.dependencies.compactMap { dependency -> String? in
            if case .product(let product) = dependency { return product.name }
            return nil
        })
        switch (products.contains(serverProduct), products.contains(clientProduct)) {
        case (true, false):
            return .server
        case (false, true):
            return .client
        case (true, true):
            throw PluginError(description: """
                CarburetorPlugin: target '\(target.name)' depends on both \(serverProduct) and \(clientProduct); \
                the server and device code generated from a .carb file declare the same type names, so put the \
                server side (depending on \(serverProduct)) and the device side (depending on \(clientProduct)) \
                in two targets
                """)
        case (false, false):
            throw PluginError(description: """
                CarburetorPlugin: target '\(target.name)' depends on neither \(serverProduct) (server code, \
                --emit swift) nor \(clientProduct) (device code, --emit swift-client); add the product whose \
                code it should generate to the target's dependencies
                """)
        }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configs = target.sourceFiles(withSuffix: "carb").map(\.url)
        guard !configs.isEmpty else { return [] }
        let side = try Self.side(of: target)
        let compiler = try context.tool(named: "carburetor-compile").url
        return configs.map { config in
            // One folder per config, so two configs in a target never share an output path.
            let name = config.deletingPathExtension().lastPathComponent
            let outputDirectory = context.pluginWorkDirectoryURL.appending(path: name, directoryHint: .isDirectory)
            return .buildCommand(
                displayName: "Generating Swift (\(side.emit)) from \(config.lastPathComponent)",
                executable: compiler,
                arguments: [config.path, "--emit", side.emit, "--out", outputDirectory.path],
                inputFiles: [config],
                outputFiles: side.files.map { outputDirectory.appending(path: $0) })
        }
    }
}
