import CarburetorChecker
import CarburetorSchema
import CarburetorSwiftGen
import Foundation
import Testing

/// Every fixture, sample and real-world config generates Swift that compiles
/// in Swift 6 mode with complete strict concurrency and no warnings, against
/// the `CarburetorRuntime` and PostgresNIO modules built for this test run.
@Suite struct GeneratedCodeCompilesTests {
    /// Configs to compile: fixtures, the end-to-end sample, `samples/*.carb`
    /// and the project's configs shaped like carburetor-rs's.
    static var configs: [String] {
        var paths = Fixtures.names.map { Fixtures.directory.appendingPathComponent($0).appendingPathComponent("input.carb").path }
        paths.append(Fixtures.repositoryRoot.appendingPathComponent("Tests/CarburetorEndToEndTests/Generated/input.carb").path)
        for folder in [samplesFolder, frameworkShapedFolder] {
            paths += carbFiles(in: folder)
        }
        return paths
    }

    static let samplesFolder = Fixtures.repositoryRoot.appendingPathComponent("samples")
    static let frameworkShapedFolder = Fixtures.repositoryRoot.appendingPathComponent("Tests/CarburetorFrontendTests/Fixtures/framework")
    /// Configs written for carburetor-rs, copied from its repository: the
    /// folder exists only beside the checkout in CI and is not part of the
    /// project, so the test that reads it runs only when it is there.
    static let realConfigsFolder = Fixtures.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/real-configs")
    static var realConfigsExist: Bool { FileManager.default.fileExists(atPath: realConfigsFolder.path) }

    static func carbFiles(in folder: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { $0.hasSuffix(".carb") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// A parameterized test with no arguments passes without running: the
    /// folders it reads must not be empty.
    @Test func everyFolderOfConfigsHasConfigs() {
        #expect(Fixtures.names.count >= 3)
        #expect(Self.carbFiles(in: Self.samplesFolder).count >= 3)
        #expect(Self.carbFiles(in: Self.frameworkShapedFolder).count >= 2)
    }

    @Test(arguments: configs)
    func generatedCodeTypechecksWithoutWarnings(config: String) throws {
        try Self.expectGeneratedCodeTypechecks(config: config)
    }

    @Test(.enabled(if: GeneratedCodeCompilesTests.realConfigsExist, "../shared/real-configs exists only beside the checkout in CI"))
    func realConfigsGenerateCodeThatTypechecks() throws {
        let configs = Self.carbFiles(in: Self.realConfigsFolder)
        try #require(!configs.isEmpty, "no .carb files in \(Self.realConfigsFolder.path)")
        for config in configs {
            try Self.expectGeneratedCodeTypechecks(config: config)
        }
    }

    static func expectGeneratedCodeTypechecks(config: String) throws {
        let schema = try Fixtures.schema(path: URL(fileURLWithPath: config), sourceName: URL(fileURLWithPath: config).lastPathComponent)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("carburetor-swiftgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var sources: [String] = []
        for file in SwiftGenerator().files(for: schema) {
            let url = directory.appendingPathComponent(file.path)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            sources.append(url.path)
        }
        let result = try SwiftCompiler.typecheck(sources)
        #expect(result.status == 0 && result.output.isEmpty, "\(config):\n\(result.output)")
    }
}

/// Runs `swiftc -typecheck` with the modules of the current build.
enum SwiftCompiler {
    /// The build folder holding this test binary (`…/.build/<triple>/debug`).
    static var buildDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The scratch folder (`.build`), the first ancestor with `checkouts`.
    static var scratchDirectory: URL? {
        var candidate = buildDirectory
        while candidate.path != "/" {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("checkouts").path) { return candidate }
            candidate = candidate.deletingLastPathComponent()
        }
        return nil
    }

    /// Module search flags: Swift modules, generated C module maps, and the
    /// include folders of C targets that ship their own module map.
    static func moduleFlags() throws -> [String] {
        let fileManager = FileManager.default
        let build = buildDirectory
        var flags = ["-I", build.appendingPathComponent("Modules").path]
        for entry in try fileManager.contentsOfDirectory(atPath: build.path).sorted() where entry.hasSuffix(".build") {
            let map = build.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if fileManager.fileExists(atPath: map.path) { flags += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        }
        if let checkouts = scratchDirectory?.appendingPathComponent("checkouts") {
            for package in try fileManager.contentsOfDirectory(atPath: checkouts.path).sorted() {
                let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
                for target in (try? fileManager.contentsOfDirectory(atPath: sources.path).sorted()) ?? [] {
                    let include = sources.appendingPathComponent(target).appendingPathComponent("include")
                    if fileManager.fileExists(atPath: include.appendingPathComponent("module.modulemap").path) {
                        flags += ["-Xcc", "-I\(include.path)"]
                    }
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
