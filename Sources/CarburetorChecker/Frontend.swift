import CarburetorSchema
import CarburetorSyntax

/// Everything the front end learned about one source file.
///
/// The syntax tree is not kept (`Parser.parse` gives it to those who need
/// it, like `fmt` and the language server).
public struct CompilationResult: Sendable {
    public var file: SourceFile
    /// The resolved schema; `nil` when there were errors.
    public var schema: Schema?
    /// All diagnostics of every stage, in source order.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The front-end pipeline: lexer → parser → syntax tree → resolver → schema,
/// on the caller's thread.
public enum Frontend {
    /// - Parameter includeNotes: false leaves out notes (severity `.note`),
    ///   which costs less on large configs; errors and warnings are the same.
    public static func compile(_ file: SourceFile, includeNotes: Bool = true) -> CompilationResult {
        var diagnostics = DiagnosticCollector(keepsNotes: includeNotes)
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        // Lexer and parser diagnostics come first, then the resolver's.
        let schema = Resolver.resolve(syntax, in: file, diagnostics: &diagnostics)
        return CompilationResult(
            file: file,
            schema: diagnostics.hasErrors ? nil : schema,
            diagnostics: diagnostics.sorted
        )
    }
}
