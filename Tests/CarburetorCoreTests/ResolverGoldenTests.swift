import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Whole files full of semantic mistakes, every one reported in one run,
/// compared with `Fixtures/semantic/<case>/diagnostics.txt`. Errors and
/// warnings only, as the CLI prints them without `--verbose`.
@Suite struct ResolverGoldenTests {
    static let cases: [String] = {
        let directory = SyntaxTestPaths.testFixtures.appendingPathComponent("semantic")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func casesExist() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: cases)
    func goldenSemanticDiagnostics(_ name: String) throws {
        let directory = SyntaxTestPaths.testFixtures.appendingPathComponent("semantic").appendingPathComponent(name)
        let input = try String(contentsOf: directory.appendingPathComponent("input.carb"), encoding: .utf8)
        let file = SourceFile(name: "input.carb", text: input)
        let result = Frontend.compile(file)
        #expect(!result.diagnostics.contains(where: SyntaxTesting.isSyntaxError), "semantic fixtures parse cleanly")
        let shown = result.diagnostics.filter { $0.severity != .note }
        let rendered = SyntaxDiagnosticDump.render(shown, in: file)
        #expect(!rendered.isEmpty)
        let goldenURL = directory.appendingPathComponent("diagnostics.txt")
        if SyntaxTestPaths.updateGoldens {
            try rendered.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        #expect(rendered == golden, "rerun with CARBURETOR_UPDATE_GOLDENS=1 and review the diff")
    }
}
