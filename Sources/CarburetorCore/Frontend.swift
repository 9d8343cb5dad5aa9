/// Everything the front end learned about one source file.
public struct CompilationResult: Sendable {
    public var file: SourceFile
    public var syntax: ConfigSyntax
    /// The resolved schema; `nil` when there were errors.
    public var schema: Schema?
    /// All diagnostics of every stage, in source order.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The front-end pipeline: lexer → parser → resolver.
public enum Frontend {
    public static func compile(_ file: SourceFile) -> CompilationResult {
        compile(file, includeNotes: true)
    }

    /// - Parameter includeNotes: false leaves out notes (severity `.note`),
    ///   which costs less on large configs; errors and warnings are the same.
    public static func compile(_ file: SourceFile, includeNotes: Bool) -> CompilationResult {
        var diagnostics = DiagnosticCollector(keepsNotes: includeNotes)
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        let schema = Resolver.resolve(syntax, in: file, diagnostics: &diagnostics)
        return CompilationResult(
            file: file,
            syntax: syntax,
            schema: diagnostics.hasErrors ? nil : schema,
            diagnostics: diagnostics.sorted
        )
    }
}
