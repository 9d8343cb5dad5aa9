import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// The compiler's fix-its as quick fixes, for the diagnostics in the range.
enum CodeActions {
    static func actions(in analysis: DocumentAnalysis, uri: String, range: LSPRange) -> [CodeAction] {
        let requested = analysis.lines.sourceRange(of: range)
        return analysis.diagnostics.compactMap { diagnostic in
            guard !diagnostic.fixIts.isEmpty,
                  diagnostic.range.start <= requested.end, requested.start <= diagnostic.range.end else { return nil }
            let edits = diagnostic.fixIts.map {
                TextEdit(range: analysis.lines.range(of: $0.range), newText: $0.replacement)
            }
            return CodeAction(
                title: title(diagnostic, in: analysis),
                kind: "quickfix",
                diagnostics: [DiagnosticConversion.convert(diagnostic, in: analysis, uri: uri)],
                isPreferred: diagnostic.fixIts.count == 1,
                edit: WorkspaceEdit(changes: [uri: edits]))
        }
    }

    private static func title(_ diagnostic: Diagnostic, in analysis: DocumentAnalysis) -> String {
        guard diagnostic.fixIts.count == 1, let fixIt = diagnostic.fixIts.first else {
            return "Fix \(diagnostic.code.rawValue): \(diagnostic.help ?? diagnostic.message)"
        }
        let old = analysis.file.text(in: fixIt.range)
        if fixIt.replacement.isEmpty { return "Remove '\(old)'" }
        if old.isEmpty { return "Insert '\(fixIt.replacement)'" }
        return "Replace '\(old)' with '\(fixIt.replacement)'"
    }
}
