import CarburetorSchema
import CarburetorSyntax

/// Turns a syntax tree into a validated `Schema`, reporting every semantic error.
///
/// The resolver never stops at the first problem: it reports everything it
/// can see and still returns a best-effort schema in which every table has
/// exactly one id, sync stamp and soft-delete column, so later stages never
/// trip over a half-resolved table. Lookups go through hash tables, so the
/// work grows linearly with the number of tables, columns and entries.
///
/// Lexical and syntax errors, a block given twice and an unknown top-level
/// block are the parser's to report; the resolver reads what it can of such
/// a tree and stays silent about them.
public struct Resolver {
    /// Resolves a whole syntax tree.
    ///
    /// The tree is consumed: each table's columns are released as soon as
    /// the table is resolved, so a large config's syntax and its schema are
    /// not held whole at the same time. (A caller that keeps its own copy
    /// of the tree keeps it intact; the release then frees only this copy.)
    public static func resolve(_ syntax: consuming ConfigSyntax, in file: SourceFile,
                               diagnostics: inout DiagnosticCollector) -> Schema {
        var syntax = syntax
        var resolver = Resolver(file: file, keepsNotes: diagnostics.keepsNotes)
        let tableCount = syntax.blocks.reduce(0) { $0 + $1.tables.count }
        resolver.tables.reserveCapacity(tableCount)
        resolver.tableDirectory.reserveCapacity(tableCount)
        for blockIndex in syntax.blocks.indices where syntax.blocks[blockIndex].kind == .tables {
            for tableIndex in syntax.blocks[blockIndex].tables.indices {
                resolver.resolveTable(syntax.blocks[blockIndex].tables[tableIndex])
                syntax.blocks[blockIndex].tables[tableIndex].columns = []
            }
        }
        let schema = resolver.finish(syntax)
        diagnostics.append(contentsOf: resolver.diagnostics.diagnostics)
        return schema
    }

    let file: SourceFile
    var diagnostics: DiagnosticCollector
    var suggestionBudget = SuggestionBudget()

    /// Tables that made it into the schema, in declaration order.
    var tables: [Table] = []
    /// The names tables claimed, and what group entries look up in tables.
    var tableDirectory = TableDirectory()
    /// The columns of the table being resolved.
    var columnWorkspace = ColumnWorkspace()
    /// - Parameter keepsNotes: false drops notes before their text is built.
    init(file: SourceFile, keepsNotes: Bool = true) {
        self.file = file
        self.diagnostics = DiagnosticCollector(keepsNotes: keepsNotes)
    }

    /// Resolves the sync groups of `syntax` against the tables resolved so
    /// far and returns the schema.
    mutating func finish(_ syntax: ConfigSyntax) -> Schema {
        let groups = resolveGroups(syntax.blocks.filter { $0.kind == .syncGroups }.flatMap(\.groups))
        return Schema(sourceName: GeneratedSourceName.from(file.name), tables: tables, groups: groups,
                      tableIndex: TableNameIndex(positions: tableDirectory.tablesByName))
    }
}

// Small helpers shared by the resolver's files.
extension Resolver {
    /// PostgreSQL truncates identifiers longer than this many bytes.
    static let maximumIdentifierBytes = 63

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        text.withUTF8Bytes { bytes in
            guard let first = bytes.first, isIdentifierStart(first) else { return false }
            return bytes.allSatisfy { isIdentifierStart($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
        }
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    /// `///` lines joined by newlines, or `nil` when there are none.
    static func documentation(_ docs: [DocComment]) -> String? {
        docs.count <= 1 ? docs.first?.text : docs.map(\.text).joined(separator: "\n")
    }

    /// "did you mean 'x'?" for a help line, or `nil`.
    static func didYouMean(_ suggestion: String?) -> String? {
        suggestion.map { "did you mean '\($0)'?" }
    }

    /// A fix-it that replaces `range` with `suggestion`, if there is one.
    static func replacement(_ range: SourceRange, with suggestion: String?) -> [FixIt] {
        suggestion.map { [FixIt(replace: range, with: $0)] } ?? []
    }
}
