import CarburetorChecker
import CarburetorSchema
import CarburetorSQL
import CarburetorTestSupport
import Foundation
import Testing

/// The golden fixtures beside this file: `Fixtures/<case>/input.carb`, the
/// expected `schema.sql`, and optionally `options` (command-line flags
/// `--if-not-exists`, `--schema NAME`).
struct Fixture: CustomTestStringConvertible, Sendable {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// Configs under `samples/` at the package root, when there are any.
    static let samplesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    var name: String
    var input: URL
    var golden: URL?
    var options: SQLGenerator.Options

    var testDescription: String { name }

    static let all: [Fixture] = {
        return Golden.caseNames(in: directory).map { name in
            let folder = directory.appendingPathComponent(name)
            let flags = (try? String(contentsOf: folder.appendingPathComponent("options"), encoding: .utf8)) ?? ""
            return Fixture(name: name, input: folder.appendingPathComponent("input.carb"),
                           golden: folder.appendingPathComponent("schema.sql"), options: parse(flags))
        }
    }()

    /// Every fixture plus every sample config (no golden for those).
    static let allWithSamples: [Fixture] = {
        let samples = ((try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".carb") }.sorted()
            .map { Fixture(name: "samples/\($0)", input: samplesDirectory.appendingPathComponent($0),
                           golden: nil, options: .init()) }
        return all + samples
    }()

    static func named(_ name: String) -> Fixture {
        all.first { $0.name == name }!
    }

    static func parse(_ flags: String) -> SQLGenerator.Options {
        var options = SQLGenerator.Options()
        var words = flags.split(whereSeparator: \.isWhitespace).map(String.init)[...]
        while let word = words.popFirst() {
            switch word {
            case "--if-not-exists": options.ifNotExists = true
            case "--schema": options.schemaName = words.popFirst()
            default: Issue.record("unknown fixture option \(word)")
            }
        }
        return options
    }

    /// The resolved schema; records an issue for any error diagnostic.
    func schema() throws -> Schema {
        let text = try String(contentsOf: input, encoding: .utf8)
        let result = Frontend.compile(SourceFile(name: input.lastPathComponent, text: text))
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            Issue.record("\(name): \(diagnostic)")
        }
        return try #require(result.schema, "\(name) does not compile")
    }

    func script() throws -> String {
        SQLGenerator(options: options).script(for: try schema())
    }
}
