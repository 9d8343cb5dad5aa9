import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Parses and resolves `.carb` text, keeping the schema even when there are errors.
struct Resolved {
    var file: SourceFile
    var schema: Schema
    var diagnostics: [Diagnostic]

    init(_ text: String) {
        file = SourceFile(name: "test.carb", text: text)
        var collector = DiagnosticCollector()
        let syntax = Parser.parse(file, diagnostics: &collector)
        schema = Resolver.resolve(syntax, in: file, diagnostics: &collector)
        diagnostics = collector.sorted
    }

    var errors: [Diagnostic] { diagnostics.errors }
    var warnings: [Diagnostic] { diagnostics.warnings }

    /// The source text under a range.
    func text(_ range: SourceRange?) -> String {
        range.map { file.text(in: $0) } ?? "<nil>"
    }

    /// The only diagnostic of `severity`, expected to carry `code`.
    func only(_ code: DiagnosticCode, severity: Severity = .error,
              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let matching = diagnostics.filter { $0.severity == severity }
        #expect(matching.map(\.code) == [code], "\(matching.map(\.message))", sourceLocation: sourceLocation)
        return matching.first { $0.code == code }
    }

    /// Applies every fix-it of a diagnostic (ranges must not overlap).
    func applying(_ fixIts: [FixIt]) -> String {
        var bytes = file.utf8
        for fixIt in fixIts.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(fixIt.range.start..<fixIt.range.end, with: Array(fixIt.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func table(_ name: String) -> Table? { schema.table(named: name) }
}
