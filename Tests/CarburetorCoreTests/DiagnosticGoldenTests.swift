import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Golden rendered diagnostics: each `Fixtures/diagnostics/<case>/input.carb`
/// sits beside the text (`diagnostics.txt`, no colour) and JSON
/// (`diagnostics.json`) that `check` prints for it. Notes (`N…`) are left out,
/// as `check` does without `--verbose`.
/// `CARBURETOR_UPDATE_GOLDENS=1 swift test` rewrites the expected files.
@Suite struct DiagnosticGoldenTests {
    static let casesDirectory = GoldenFiles.packageRoot
        .appendingPathComponent("Tests/CarburetorCoreTests/Fixtures/diagnostics")

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(atPath: casesDirectory.appendingPathComponent(name + "/input.carb").path)
        }.sorted()
    }

    /// What `check input.carb` shows, run from the case's directory.
    static func rendered(case name: String) throws -> (text: String, json: String) {
        let input = casesDirectory.appendingPathComponent(name + "/input.carb")
        let file = SourceFile(name: "input.carb", bytes: Array(try Data(contentsOf: input)))
        let diagnostics = Frontend.compile(file).diagnostics.filter { $0.severity != .note }
        let report = [FileDiagnostics(file: file, diagnostics: diagnostics)]
        return (TextDiagnosticRenderer().render(report), JSONDiagnosticRenderer().render(report))
    }

    @Test func thereAreCasesIncludingOneWithManyErrors() throws {
        #expect(Self.caseNames.count >= 6)
        #expect(Self.caseNames.contains("many_errors"))
        let many = try Self.rendered(case: "many_errors").text
        let codes = Set(many.split(separator: "\n").compactMap { line -> Substring? in
            guard let range = line.range(of: "error[") else { return nil }
            return line[range.upperBound...].prefix(5)
        })
        // One run reports lexical, syntax and semantic errors together.
        #expect(codes.count >= 20)
        #expect(codes.contains { $0.hasPrefix("E01") } && codes.contains { $0.hasPrefix("E02") })
    }

    @Test(arguments: caseNames)
    func renderedDiagnosticsMatchTheGoldenFiles(case name: String) throws {
        let (text, json) = try Self.rendered(case: name)
        #expect(text.contains("input.carb:"), "a case must produce at least one diagnostic")
        try GoldenFiles.compare(text, with: Self.casesDirectory.appendingPathComponent(name + "/diagnostics.txt"))
        try GoldenFiles.compare(json, with: Self.casesDirectory.appendingPathComponent(name + "/diagnostics.json"))
    }
}

/// Compares output with a committed file, or rewrites the file when
/// `CARBURETOR_UPDATE_GOLDENS=1`.
enum GoldenFiles {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static var updating: Bool {
        ProcessInfo.processInfo.environment["CARBURETOR_UPDATE_GOLDENS"] == "1"
    }

    static func compare(_ actual: String, with url: URL,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        if updating {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
        #expect(expected != nil, "missing golden file \(url.path); run with CARBURETOR_UPDATE_GOLDENS=1",
                sourceLocation: sourceLocation)
        guard let expected else { return }
        #expect(actual == expected, "\(url.lastPathComponent) is stale; review and run with CARBURETOR_UPDATE_GOLDENS=1",
                sourceLocation: sourceLocation)
    }
}
