import CarburetorChecker
import CarburetorSchema
import CarburetorSwiftGen
import CarburetorTestSupport
import Foundation
import Testing

/// The fixture folders beside this file: each holds `input.carb` and the
/// expected generated files.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] { Golden.caseNames(in: directory, containing: "input.carb") }

    /// Fixtures whose expected files are compiled into a test target and run
    /// against PostgreSQL; they live there, once, instead of beside the input.
    static let compiledGoldenFolders = [
        "hostile_names": "Tests/CarburetorHostileNamesTests/Generated",
    ]

    /// Where the expected generated files of a fixture are.
    static func goldenFolder(of name: String) -> URL {
        compiledGoldenFolders[name].map { repositoryRoot.appendingPathComponent($0) }
            ?? directory.appendingPathComponent(name)
    }

    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Compiles a config; records a test failure listing the diagnostics when it has errors.
    static func schema(path: URL, sourceName: String) throws -> Schema {
        let text = try String(contentsOf: path, encoding: .utf8)
        let result = Frontend.compile(SourceFile(name: sourceName, text: text))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(sourceName): \(errors.map { "\($0.code) \($0.message)" })")
        return try #require(result.schema)
    }

    static func schema(fixture name: String) throws -> Schema {
        try schema(path: directory.appendingPathComponent(name).appendingPathComponent("input.carb"),
                   sourceName: "\(name)/input.carb")
    }
}
