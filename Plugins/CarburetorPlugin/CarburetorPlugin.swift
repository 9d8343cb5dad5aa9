import Foundation
import PackagePlugin

/// A build-tool plugin: every `*.carb` file of a target is compiled to Swift
/// (`Models.swift`, `SyncGroups.swift`) at build time by `carburetor-compile
/// FILE --emit swift --out DIR`, into the plugin's work directory, and the
/// generated files are compiled with the target. The target should depend on
/// the `CarburetorRuntime` product, which the generated code imports.
@main
struct CarburetorPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configs = target.sourceFiles(withSuffix: "carb").map(\.url)
        guard !configs.isEmpty else { return [] }
        let compiler = try context.tool(named: "carburetor-compile").url
        return configs.map { config in
            // One folder per config, so two configs in a target never share an output path.
            let name = config.deletingPathExtension().lastPathComponent
            let outputDirectory = context.pluginWorkDirectoryURL.appending(path: name, directoryHint: .isDirectory)
            return .buildCommand(
                displayName: "Generating Swift from \(config.lastPathComponent)",
                executable: compiler,
                arguments: [config.path, "--emit", "swift", "--out", outputDirectory.path],
                inputFiles: [config],
                outputFiles: [
                    outputDirectory.appending(path: "Models.swift"),
                    outputDirectory.appending(path: "SyncGroups.swift"),
                ])
        }
    }
}
