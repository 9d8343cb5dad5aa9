/// Recursive-descent parser: one `parse…` function per grammar production.
public struct Parser {
    /// Parses a whole file. Never fails: problems become diagnostics and the
    /// tree stays well formed.
    public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticCollector) -> ConfigSyntax {
        // Placeholder until the parser lands.
        ConfigSyntax(macroWrapper: nil, blocks: [], range: SourceRange(start: 0, end: file.utf8.count))
    }
}
