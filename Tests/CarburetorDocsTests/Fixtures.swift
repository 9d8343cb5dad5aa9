import CarburetorChecker
import CarburetorSchema
import CarburetorDocs
import CarburetorTestSupport
import Foundation

/// The fixture cases under `Fixtures/`: each holds `input.carb`, the files
/// `--out` writes (under `out/`) and the single document (`stdout.md`).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] { Golden.caseNames(in: directory, containing: "input.carb") }

    static func input(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name).appendingPathComponent("input.carb"), encoding: .utf8)
    }

    /// The fixture's schema, compiled from `input.carb` by the front end.
    static func schema(_ name: String) throws -> Schema {
        let result = Frontend.compile(SourceFile(name: "input.carb", text: try input(name)))
        guard let schema = result.schema, !result.hasErrors else {
            throw FixtureError.doesNotCompile(name, result.diagnostics.map { "\($0)" })
        }
        return schema
    }

    enum FixtureError: Error { case doesNotCompile(String, [String]) }

    /// Every fixture's generated files, for the structural checks.
    static func allGenerated() throws -> [(fixture: String, files: [GeneratedFile], single: String)] {
        try names.map { name in
            let schema = try schema(name)
            return (name, DocsGenerator().files(for: schema), DocsGenerator().standardOutput(for: schema))
        }
    }
}
