import CarburetorTestSupport
import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Golden rendered diagnostics: each `Fixtures/diagnostics/<case>.snap` holds
/// a config (`input.carb`), the text (`diagnostics.txt`, no colour) that
/// `check` prints for it with each diagnostic's exact ranges and fix-its
/// (`ranges.txt`, as every snapshot has them), and the JSON
/// (`diagnostics.json`) of `check --format json`. Notes (`N…`) are left
/// out, as `check` does without `--verbose`.
/// `CARBURETOR_UPDATE_GOLDENS=1 swift test` rewrites the output sections.
@Suite struct DiagnosticGoldenTests {
    static let kind = "diagnostics"

    static var caseNames: [String] { DiagnosticSnapshots.cases(kind) }

    /// What `check input.carb` shows, run from the case's directory.
    static func rendered(case name: String) throws -> (text: String, json: String, sections: [GoldenSnapshot.Section]) {
        let file = SourceFile(name: "input.carb", text: try DiagnosticSnapshots.source(kind, name))
        let diagnostics = Frontend.compile(file).diagnostics.filter { $0.severity != .note }
        let report = [FileDiagnostics(file: file, diagnostics: diagnostics)]
        let json = JSONDiagnosticRenderer().render(report)
        return (TextDiagnosticRenderer().render(report), json,
                RenderedDiagnostics.sections(diagnostics, in: file) + [.init("diagnostics.json", json)])
    }

    @Test func thereAreCasesIncludingOneWithManyErrors() throws {
        if let failure = Golden.requireCases(Self.caseNames, in: DiagnosticSnapshots.directory(Self.kind), atLeast: 6) {
            Issue.record(Comment(rawValue: failure))
        }
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
        let (text, _, sections) = try Self.rendered(case: name)
        #expect(text.contains("input.carb:"), "a case must produce at least one diagnostic")
        if let failure = try DiagnosticSnapshots.compare(Self.kind, name, output: sections) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
