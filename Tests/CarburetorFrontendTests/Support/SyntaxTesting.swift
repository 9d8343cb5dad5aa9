import CarburetorTestSupport
import Foundation
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Shared helpers of the lexer and parser tests.
enum SyntaxTesting {
    /// Parses `text` and returns the tree and every diagnostic (lexer and parser) in source order.
    static func parse(_ text: String) -> (syntax: ConfigSyntax, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let syntax = Parser.parse(SourceFile(name: "test.carb", text: text), diagnostics: &diagnostics)
        return (syntax, diagnostics.sorted)
    }

    /// The source text a range covers, for readable range assertions.
    static func text(_ range: SourceRange?, in source: String) -> String {
        guard let range else { return "<nil>" }
        return SourceFile(name: "", text: source).text(in: range)
    }

    /// Whether this is a lexical (E00xx) or syntax (E01xx) error.
    static func isSyntaxError(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.code.rawValue.hasPrefix("E00") || diagnostic.code.rawValue.hasPrefix("E01")
    }
}

/// What a diagnostic snapshot holds after its config, for every kind: the
/// diagnostics as `check` prints them (`diagnostics.txt`, text, no colour)
/// and the exact range and fix-its of each (`ranges.txt`), which the text
/// shows only in part:
///
///     3:17-3:17 error[E0101]
///       note 2:5-2:6
///       fix-it 3:17-3:17: ","
enum RenderedDiagnostics {
    static func sections(_ diagnostics: [Diagnostic], in file: SourceFile) -> [GoldenSnapshot.Section] {
        let text = TextDiagnosticRenderer().render([FileDiagnostics(file: file, diagnostics: diagnostics)])
        return [.init("diagnostics.txt", text), .init("ranges.txt", ranges(diagnostics, in: file))]
    }

    static func ranges(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        var lines: [String] = []
        for diagnostic in diagnostics {
            lines.append("\(span(diagnostic.range, in: file)) \(diagnostic.severity.rawValue)[\(diagnostic.code)]")
            for note in diagnostic.notes {
                lines.append("  note" + (note.range.map { " " + span($0, in: file) } ?? ""))
            }
            for fixIt in diagnostic.fixIts {
                lines.append("  fix-it \(span(fixIt.range, in: file)): \(quoted(fixIt.replacement))")
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func span(_ range: SourceRange, in file: SourceFile) -> String {
        let start = file.location(of: range.start), end = file.location(of: range.end)
        return "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

/// Locations of the package and of the shared real-world configs beside it.
enum SyntaxTestPaths {
    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var testFixtures: URL { packageRoot.appendingPathComponent("Tests/CarburetorFrontendTests/Fixtures") }

    /// `../shared/real-configs` beside the package root: configs written for
    /// carburetor-rs, copied from its repository. The folder exists only
    /// beside the checkout in CI; the files are someone else's and are not
    /// part of this project, so a fresh clone does not have them. Tests that
    /// read them are enabled by `realConfigsExist`; the project's own
    /// `frameworkShapedConfigs` cover the same constructs everywhere.
    static var realConfigs: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real-configs")
    }

    /// Whether `realConfigs` is there (beside the checkout in CI only).
    static var realConfigsExist: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: realConfigs.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The project's own configs shaped like carburetor-rs's (see the README there).
    static var frameworkShapedConfigs: URL { testFixtures.appendingPathComponent("framework") }

    /// Every `.carb` file under `directory`, recursively, sorted by path.
    static func carbFiles(under directory: URL) -> [URL] {
        // Hidden folders are skipped: a sample package's `.build` holds
        // thousands of files and copies of its configs.
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil,
                                                              options: [.skipsHiddenFiles]) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "carb" }
            .sorted { $0.path < $1.path }
    }
}

/// The diagnostic snapshots under `Fixtures/<kind>/<case>.snap`: one file
/// holds a config (section `input.carb`) and what the front end reports for
/// it, in the format of `GoldenSnapshot`, rendered by `RenderedDiagnostics`
/// for every kind. `kind` is the folder and says what is reported:
/// `syntax` the parser's diagnostics, `semantic` and `diagnostics` the whole
/// front end's (`diagnostics` cases also hold `check --format json`).
/// `CARBURETOR_UPDATE_GOLDENS=1` rewrites everything but the config.
enum DiagnosticSnapshots {
    static func directory(_ kind: String) -> URL { SyntaxTestPaths.testFixtures.appendingPathComponent(kind) }

    static func url(_ kind: String, _ name: String) -> URL {
        directory(kind).appendingPathComponent(name + ".snap")
    }

    /// The case names of a kind, sorted.
    static func cases(_ kind: String) -> [String] {
        Golden.caseNames(in: directory(kind), withExtension: "snap").map { String($0.dropLast(".snap".count)) }
    }

    /// The config of a case.
    static func source(_ kind: String, _ name: String) throws -> String {
        let url = url(kind, name)
        return try GoldenSnapshot(contentsOf: url).section("input.carb", file: url.lastPathComponent)
    }

    /// Compares the case's file with its config followed by `output`; a
    /// failure description, or nil.
    static func compare(_ kind: String, _ name: String, output: [GoldenSnapshot.Section]) throws -> String? {
        let snapshot = GoldenSnapshot(kind: kind, sections: [.init("input.carb", try source(kind, name))] + output)
        return try Golden.compare(snapshot.rendered, with: url(kind, name))
    }
}
