import CarburetorClientGen
import CarburetorChecker
import CarburetorSchema
import Foundation
import Testing

/// Generated device code of every fixture and sample compiles in Swift 6 mode
/// with complete strict concurrency and no warnings, against the
/// `CarburetorClient` and GRDB modules built for this test run.
@Suite struct ClientCodeCompilesTests {
    static var configs: [String] {
        var paths = ClientFixtures.names.map { ClientFixtures.input($0).path }
        let samples = ClientFixtures.repositoryRoot.appendingPathComponent("samples")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        paths += entries.filter { $0.hasSuffix(".carb") }.sorted().map { samples.appendingPathComponent($0).path }
        return paths
    }

    @Test(arguments: configs)
    func generatedClientCodeTypechecksWithoutWarnings(config: String) throws {
        let url = URL(fileURLWithPath: config)
        let schema = try ClientFixtures.schema(path: url, sourceName: url.lastPathComponent)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carburetor-clientgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var sources: [String] = []
        for file in ClientGenerator().files(for: schema) {
            let path = directory.appendingPathComponent(file.path)
            try file.contents.write(to: path, atomically: true, encoding: .utf8)
            sources.append(path.path)
        }
        let result = try ClientCompiler.typecheck(sources)
        #expect(result.status == 0 && result.output.isEmpty, "\(config):\n\(result.output)")
    }
}

/// `swiftc -typecheck` with the modules of the current build.
enum ClientCompiler {
    static var buildDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// Swift modules, generated C module maps, and the module maps C targets ship (GRDB's SQLite shim).
    static func moduleFlags() throws -> [String] {
        let fileManager = FileManager.default
        let build = buildDirectory
        var flags = ["-I", build.appendingPathComponent("Modules").path]
        for entry in try fileManager.contentsOfDirectory(atPath: build.path).sorted() where entry.hasSuffix(".build") {
            let map = build.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if fileManager.fileExists(atPath: map.path) { flags += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        }
        var scratch = build
        while scratch.path != "/" && !fileManager.fileExists(atPath: scratch.appendingPathComponent("checkouts").path) {
            scratch = scratch.deletingLastPathComponent()
        }
        let checkouts = scratch.appendingPathComponent("checkouts")
        for package in (try? fileManager.contentsOfDirectory(atPath: checkouts.path).sorted()) ?? [] {
            let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
            for target in (try? fileManager.contentsOfDirectory(atPath: sources.path).sorted()) ?? [] {
                let folder = sources.appendingPathComponent(target)
                // GRDB's SQLite shim is a system library: its module map sits in the target folder.
                if package.hasPrefix("GRDB"), fileManager.fileExists(atPath: folder.appendingPathComponent("module.modulemap").path) {
                    flags += ["-Xcc", "-fmodule-map-file=\(folder.appendingPathComponent("module.modulemap").path)"]
                }
                let include = folder.appendingPathComponent("include")
                if fileManager.fileExists(atPath: include.appendingPathComponent("module.modulemap").path) {
                    flags += ["-Xcc", "-I\(include.path)"]
                }
            }
        }
        return flags
    }

    static func typecheck(_ sources: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-swift-version", "6", "-strict-concurrency=complete",
                             "-warnings-as-errors"] + (try moduleFlags()) + sources
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
