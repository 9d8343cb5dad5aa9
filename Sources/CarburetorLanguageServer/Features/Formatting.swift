import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// `fmt` as one edit replacing the whole document; no edit when the file
/// has syntax errors (the formatter never rewrites those) or is formatted.
enum Formatting {
    static func edits(for analysis: DocumentAnalysis) -> [TextEdit] {
        let result = Formatter.format(analysis.file)
        guard let formatted = result.formatted, formatted != analysis.file.text else { return [] }
        let whole = SourceRange(start: 0, end: analysis.file.utf8.count)
        return [TextEdit(range: analysis.lines.range(of: whole), newText: formatted)]
    }
}
