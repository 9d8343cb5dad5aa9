import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Everything the server knows about one open document, computed once per
/// version: the diagnostics `check` reports, the whole syntax tree, a
/// best-effort schema (the resolver fills in every default even when the
/// config has errors elsewhere) and every name with what it refers to.
struct DocumentAnalysis {
    let file: SourceFile
    let lines: LineMap
    let syntax: ConfigSyntax
    /// Present even when there are errors: the resolver's best effort.
    let schema: Schema
    /// Exactly what `check` reports (notes are `--verbose` only there, and here).
    let diagnostics: [Diagnostic]
    let occurrences: [Occurrence]

    init(file: SourceFile) {
        self.file = file
        lines = LineMap(file: file)
        // What `Frontend.compile` does, keeping the tree: one parse and one
        // resolution give the diagnostics, the tree and the schema.
        var collected = DiagnosticCollector(keepsNotes: false)
        syntax = Parser.parse(file, diagnostics: &collected)
        schema = Resolver.resolve(syntax, in: file, diagnostics: &collected)
        diagnostics = collected.sorted
        occurrences = OccurrenceCollector.collect(syntax)
    }

    /// The name under the cursor: a range containing the offset, or ending at it
    /// (the cursor just after a word).
    func occurrence(at offset: Int) -> Occurrence? {
        occurrences.first { $0.range.start <= offset && offset < $0.range.end }
            ?? occurrences.first { $0.range.end == offset && !$0.range.isEmpty }
    }

    func occurrences(of symbol: Symbol) -> [Occurrence] {
        occurrences.filter { $0.symbol == symbol }
    }

    func table(named name: String) -> Table? {
        schema.table(named: name)
    }

    func tableSyntax(named name: String) -> TableSyntax? {
        for block in syntax.blocks {
            if let table = block.tables.first(where: { $0.name.text == name }) { return table }
        }
        return nil
    }

    var groupSyntaxes: [GroupSyntax] {
        syntax.blocks.flatMap(\.groups)
    }

    var tableSyntaxes: [TableSyntax] {
        syntax.blocks.flatMap(\.tables)
    }
}
