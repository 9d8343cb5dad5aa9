import CarburetorTestSupport
import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// `Documentation/Diagnostics.md` is generated from `DiagnosticCatalogue.all`:
/// every code with its title, its example and what `check` prints for it.
/// The test fails when the file is stale; `CARBURETOR_UPDATE_GOLDENS=1`
/// rewrites it.
@Suite struct DiagnosticsReferenceTests {
    static let path = SyntaxTestPaths.packageRoot.appendingPathComponent("Documentation/Diagnostics.md")

    @Test func referenceIsUpToDate() throws {
        if let failure = try Golden.compare(DiagnosticsReference.markdown(), with: Self.path) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    /// The README lists every code with its title, linking to its example in
    /// the reference; the list sits between two marker comments.
    @Test func readmeListsEveryCode() throws {
        let url = SyntaxTestPaths.packageRoot.appendingPathComponent("README.md")
        let readme = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let begin = "<!-- diagnostic-codes:begin -->\n"
        let end = "<!-- diagnostic-codes:end -->"
        let section = DiagnosticsReference.readmeTable()
        guard let start = readme.range(of: begin), let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex) else {
            Issue.record("README.md has no diagnostic-codes markers")
            return
        }
        if Golden.isUpdating {
            let updated = readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: section)
            try Golden.write(updated, to: url)
            return
        }
        if let difference = Golden.difference(expected: String(readme[start.upperBound..<stop.lowerBound]), actual: section) {
            Issue.record("the README's list of diagnostic codes is stale; run with CARBURETOR_UPDATE_GOLDENS=1\n\(difference)")
        }
    }

    @Test func referenceMentionsEveryCode() throws {
        let text = try String(decoding: Data(contentsOf: Self.path), as: UTF8.self)
        #expect(!DiagnosticCatalogue.all.isEmpty)
        for descriptor in DiagnosticCatalogue.all {
            #expect(text.contains("`\(descriptor.code.rawValue)`"), "\(descriptor.code) is not documented")
        }
    }
}

/// Builds the diagnostics reference page.
enum DiagnosticsReference {
    /// The README's table: every code, its severity and title, linked to its
    /// example and output in `Documentation/Diagnostics.md`.
    static func readmeTable() -> String {
        var lines = ["| Code | Severity | Title (example and output in the reference) |", "|---|---|---|"]
        for descriptor in DiagnosticCatalogue.all {
            let code = descriptor.code.rawValue
            lines.append("| [`\(code)`](Documentation/Diagnostics.md#\(code.lowercased())) "
                         + "| \(descriptor.severity.rawValue) | \(descriptor.title) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown() -> String {
        var lines: [String] = [
            "# Diagnostics reference",
            "",
            "<!-- Generated from DiagnosticCatalogue by DiagnosticsReferenceTests; do not edit.",
            "     Regenerate with: CARBURETOR_UPDATE_GOLDENS=1 swift test --filter DiagnosticsReferenceTests -->",
            "",
            "Every diagnostic `carburetor-compile` reports has a stable code. Codes never change meaning",
            "once released, so CI scripts and editors can match on them.",
            "",
            "| Range | Meaning |",
            "|---|---|",
            "| `E00xx` | lexical errors (characters, strings, comments) |",
            "| `E01xx` | syntax errors (structure, missing punctuation) |",
            "| `E02xx` | semantic errors (names, types, attributes, sync groups) |",
            "| `W0xxx` | warnings (`--warnings-as-errors` makes them errors) |",
            "| `N0xxx` | notes, shown with `--verbose` |",
            "",
            "Each entry shows a complete config that triggers the code and what",
            "`carburetor-compile check --verbose example.carb` prints for it (notes of other",
            "codes left out).",
            "",
            "| Code | Severity | Title |",
            "|---|---|---|",
        ]
        let descriptors = DiagnosticCatalogue.all
        for descriptor in descriptors {
            lines.append("| [`\(descriptor.code.rawValue)`](#\(descriptor.code.rawValue.lowercased())) "
                         + "| \(descriptor.severity.rawValue) | \(descriptor.title) |")
        }
        for descriptor in descriptors {
            let file = SourceFile(name: "example.carb", text: descriptor.example)
            let diagnostics = Frontend.compile(file).diagnostics
                .filter { $0.severity != .note || $0.code == descriptor.code }
            let output = TextDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: diagnostics)])
            lines += [
                "",
                "## \(descriptor.code.rawValue)",
                "",
                "`\(descriptor.code.rawValue)` · \(descriptor.severity.rawValue) · **\(descriptor.title)**",
                "",
                "```carb",
                descriptor.example.hasSuffix("\n") ? String(descriptor.example.dropLast()) : descriptor.example,
                "```",
                "",
                "```text",
                output.hasSuffix("\n") ? String(output.dropLast()) : output,
                "```",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
