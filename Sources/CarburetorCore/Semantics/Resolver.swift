/// Turns a syntax tree into a validated `Schema`, reporting every semantic error.
///
/// The resolver never stops at the first problem: it reports everything it
/// can see and still returns a best-effort schema in which every table has
/// exactly one id, sync stamp and soft-delete column, so later stages never
/// trip over a half-resolved table. Lookups go through dictionaries, so the
/// work grows linearly with the number of tables, columns and entries.
///
/// Lexical and syntax errors, a block given twice and an unknown top-level
/// block are the parser's to report; the resolver reads what it can of such
/// a tree and stays silent about them.
public struct Resolver {
    /// Resolves a whole syntax tree.
    public static func resolve(_ syntax: ConfigSyntax, in file: SourceFile,
                               diagnostics: inout DiagnosticCollector) -> Schema {
        var resolver = Resolver(file: file, keepsNotes: diagnostics.keepsNotes)
        for block in syntax.blocks where block.kind == .tables {
            for table in block.tables { resolver.resolveTable(table) }
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
    /// Tables that made it into the schema, by declared name.
    var tablesByName: [String: ResolvedTable] = [:]
    /// Declared table names in order, the candidates for "did you mean".
    var tableNamesInOrder: [String] = []
    /// Declared name of each table by plural, to recognise a plural written
    /// where the singular belongs.
    var tableNamesByPlural: [String: String] = [:]
    /// Where each table name was first declared (duplicates included).
    var firstDeclaration: [String: SourceRange] = [:]
    /// The table that first took each plural.
    var pluralOwners: [String: (table: String, range: SourceRange)] = [:]
    /// The table that first took each Swift type name.
    var swiftNameOwners: [String: Identifier] = [:]

    /// A resolver fed one table at a time (`resolveTable(_:)`, in source
    /// order) and finished with the rest of the tree (`finish(_:)`): the
    /// front end hands it each table as the parser completes it, so the
    /// syntax of a large config is never held whole.
    ///
    /// - Parameter keepsNotes: false drops notes before their text is built.
    init(file: SourceFile, keepsNotes: Bool = true) {
        self.file = file
        self.diagnostics = DiagnosticCollector(keepsNotes: keepsNotes)
    }

    /// Resolves one table of the config, in source order.
    mutating func add(_ table: TableSyntax) {
        resolveTable(table)
    }

    /// Resolves the sync groups of `syntax` against the tables added so far
    /// and returns the schema. Tables still in `syntax` are not read again.
    mutating func finish(_ syntax: ConfigSyntax) -> Schema {
        let groupSyntaxes = syntax.blocks.filter { $0.kind == .syncGroups }.flatMap(\.groups)
        let groups = resolveGroups(groupSyntaxes)
        return Schema(sourceName: file.name, tables: tables, groups: groups)
    }
}

/// A resolved table with what group entries need to look columns up quickly.
struct ResolvedTable {
    var table: Table
    /// Index into `table.columns` by column name (the first of duplicates),
    /// built on the first restriction that needs it: most tables never do.
    var columnIndex: [String: Int]?
    /// Columns whose written type was unusable (already reported): their
    /// stand-in type must not start a second error about a `$variable`.
    var untypedColumns: Set<String> = []

    init(table: Table, untypedColumns: Set<String> = []) {
        self.table = table
        self.untypedColumns = untypedColumns
    }
}

extension Resolver {
    /// The position of a column in a resolved table, through its lazily built index.
    mutating func position(ofColumn name: String, inTable tableName: String) -> Int? {
        guard let resolved = tablesByName[tableName] else { return nil }
        if let index = resolved.columnIndex { return index[name] }
        let columns = resolved.table.columns
        if columns.count <= Self.pairwiseComparisonLimit {
            return columns.firstIndex { $0.name == name }
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(resolved.table.columns.count)
        for (position, column) in resolved.table.columns.enumerated() where index[column.name] == nil {
            index[column.name] = position
        }
        tablesByName[tableName]?.columnIndex = index
        return index[name]
    }
}

// Small helpers shared by the resolver's files.
extension Resolver {
    /// PostgreSQL truncates identifiers longer than this many bytes.
    static let maximumIdentifierBytes = 63

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), isIdentifierStart(first) else { return false }
        while let byte = bytes.next() {
            guard isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else {
                return false
            }
        }
        return true
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    /// `///` lines joined by newlines, or `nil` when there are none.
    static func documentation(_ docs: [DocComment]) -> String? {
        docs.isEmpty ? nil : docs.map(\.text).joined(separator: "\n")
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
