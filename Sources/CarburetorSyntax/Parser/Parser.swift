import CarburetorSchema

/// Recursive-descent parser: one `parse…` function per production of
/// `grammar/carburetor.ebnf`, in files named after syntax categories.
///
/// It never gives up. A missing token is reported where it should have been
/// (with a fix-it) and parsing goes on as if it were there; an unusable token
/// is reported once and skipped up to the next column, table, group or block.
/// Every loop consumes a token or exits, and only types recurse (to a capped
/// depth), so no input can hang the parser or exhaust the stack.
public struct Parser {
    /// Parses a whole file. Never fails: problems become diagnostics and the
    /// tree stays well formed.
    public static func parse(_ file: SourceFile, diagnostics: inout DiagnosticCollector) -> ConfigSyntax {
        parseCountingForcedSkips(file, diagnostics: &diagnostics).syntax
    }

    /// Parses and also returns how often the progress guard had to force the
    /// parser past a token: always zero unless a recovery path is wrong, which
    /// the robustness tests check.
    static func parseCountingForcedSkips(_ file: SourceFile, diagnostics: inout DiagnosticCollector)
        -> (syntax: ConfigSyntax, forcedSkips: Int) {
        var parser = Parser(file: file)
        let syntax = parser.parseConfig()
        diagnostics.append(contentsOf: parser.lexer.diagnostics)
        diagnostics.append(contentsOf: parser.diagnostics)
        return (syntax, parser.forcedSkips)
    }

    /// How deeply `Name<Name<…>>` types may nest before the parser stops
    /// following them; far beyond anything meaningful (`Nullable<T>` is one level).
    static let maximumTypeDepth = 32

    let file: SourceFile
    /// Tokens are pulled from the lexer as the parser goes, so memory does not
    /// grow with the number of tokens in the file. It reads the file only
    /// while `parseConfig` runs.
    var lexer = Lexer.idle
    /// The current token (its `followsLexicalError` tells whether the lexer
    /// reported an error just before it: a missing token is not reported
    /// there, the lexer's error covers the spot).
    var current = LexedToken.endOfFile
    /// The tokens after the current one, once `peek` has pulled them from the
    /// lexer (`lookaheadCount` of them: 0, 1 or 2).
    var nextToken = LexedToken.endOfFile
    var tokenAfterNext = LexedToken.endOfFile
    var lookaheadCount = 0
    /// Number of tokens consumed so far: identifies the current token.
    var index = 0
    /// End offset of the last consumed token: where a missing token would go.
    var previousEnd = 0
    var diagnostics: [Diagnostic] = []
    /// Index of the token at which the last error about the current token was
    /// reported; a second error at the same token would only be a cascade.
    var lastErrorTokenIndex = -1
    var forcedSkips = 0
    /// Indentation of the keyword of the block being parsed; a `tables {` or
    /// `sync_groups {` indented no deeper means that block's `}` is missing.
    var blockIndentation = 0
    /// Set when the type being parsed nests too deeply; the whole type is then
    /// dropped (reported once) rather than handed to the resolver for more errors.
    var typeNestingExceeded = false
    /// Storage reused by `parseTableBody` for the columns of each table
    /// (tables do not nest, so one is enough).
    let columnBuffer = GatherBuffer<ColumnSyntax>()

    init(file: SourceFile) {
        self.file = file
    }
}
