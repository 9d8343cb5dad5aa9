import CarburetorTestSupport
import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Whole files full of semantic mistakes, every one reported in one run:
/// `Fixtures/semantic/<case>.snap` holds the config and its diagnostics.
/// Errors and warnings only, as the CLI prints them without `--verbose`.
@Suite struct ResolverGoldenTests {
    static let cases: [String] = DiagnosticSnapshots.cases("semantic")

    @Test func casesExist() {
        if let failure = Golden.requireCases(Self.cases, in: DiagnosticSnapshots.directory("semantic"), atLeast: 5) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: cases)
    func goldenSemanticDiagnostics(_ name: String) throws {
        let input = try DiagnosticSnapshots.source("semantic", name)
        let file = SourceFile(name: "input.carb", text: input)
        let result = Frontend.compile(file)
        #expect(!result.diagnostics.contains(where: SyntaxTesting.isSyntaxError), "semantic fixtures parse cleanly")
        let shown = result.diagnostics.filter { $0.severity != .note }
        #expect(!shown.isEmpty)
        if let failure = try DiagnosticSnapshots.compare("semantic", name,
                                                         output: RenderedDiagnostics.sections(shown, in: file)) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
