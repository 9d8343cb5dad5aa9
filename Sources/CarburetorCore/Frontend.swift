/// Everything the front end learned about one source file.
///
/// The syntax tree is not kept: the front end resolves each table as soon as
/// it is parsed and drops its syntax, so a large config is never held twice
/// (`Parser.parse` gives the whole tree to those who need it, like `fmt`).
public struct CompilationResult: Sendable {
    public var file: SourceFile
    /// The resolved schema; `nil` when there were errors.
    public var schema: Schema?
    /// All diagnostics of every stage, in source order.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The front-end pipeline: lexer → parser → resolver, table by table.
public enum Frontend {
    public static func compile(_ file: SourceFile) -> CompilationResult {
        compile(file, includeNotes: true)
    }

    /// - Parameter includeNotes: false leaves out notes (severity `.note`),
    ///   which costs less on large configs; errors and warnings are the same.
    public static func compile(_ file: SourceFile, includeNotes: Bool) -> CompilationResult {
        compile(file, includeNotes: includeNotes, threading: .automatic)
    }

    /// `compile` with the threads chosen (the benchmark compares them).
    @_spi(Benchmarking)
    public static func compile(_ file: SourceFile, includeNotes: Bool, threading: FrontendThreading)
        -> CompilationResult {
        var resolver = Resolver(file: file, keepsNotes: includeNotes)
        var diagnostics: DiagnosticCollector
        let rest: ConfigSyntax
        if threading.usesParserThread(for: file),
           let parsed = parseOnParserThread(file, keepsNotes: includeNotes,
                                            resolving: { item in resolver.resolve(item) }) {
            (rest, diagnostics) = parsed
        } else {
            diagnostics = DiagnosticCollector(keepsNotes: includeNotes)
            rest = Parser.parse(file, diagnostics: &diagnostics) { item in resolver.resolve(item) }
        }
        let schema = resolver.finish(rest)
        // Lexer and parser diagnostics first, then the resolver's: the same
        // order as resolving after parsing, so equal positions sort alike.
        diagnostics.append(contentsOf: resolver.diagnostics.diagnostics)
        return CompilationResult(
            file: file,
            schema: diagnostics.hasErrors ? nil : schema,
            diagnostics: diagnostics.sorted
        )
    }
}
