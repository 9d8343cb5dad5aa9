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
        var lexicalDiagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(file, keepComments: false, diagnostics: &lexicalDiagnostics)
        let unterminatedStringEnds = Set(lexicalDiagnostics.diagnostics
            .filter { $0.code == .unterminatedString }.map(\.range.end))
        var parser = Parser(file: file, lexedTokens: tokens, unterminatedStringEnds: unterminatedStringEnds)
        let syntax = parser.parseConfig()
        diagnostics.append(contentsOf: lexicalDiagnostics.diagnostics)
        diagnostics.append(contentsOf: parser.diagnostics)
        return (syntax, parser.forcedSkips)
    }

    /// How deeply `Name<Name<…>>` types may nest before the parser stops
    /// following them; far beyond anything meaningful (`Nullable<T>` is one level).
    static let maximumTypeDepth = 32

    let file: SourceFile
    /// The lexer's tokens without `.unknown` ones (the lexer reported those).
    let tokens: [Token]
    /// For each token: whether the lexer reported an error just before it (it
    /// dropped an unknown token, or the previous string ran to the end of its
    /// line and swallowed what followed). A missing token is not reported
    /// there: the lexer's error covers the spot.
    let followsLexicalError: [Bool]
    /// Index of the current token in `tokens`; never past the `.endOfFile` token.
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

    init(file: SourceFile, lexedTokens: [Token], unterminatedStringEnds: Set<Int> = []) {
        self.file = file
        var kept: [Token] = []
        var follows: [Bool] = []
        kept.reserveCapacity(lexedTokens.count)
        follows.reserveCapacity(lexedTokens.count)
        var sawError = false
        for token in lexedTokens {
            if token.kind == .unknown {
                sawError = true
                continue
            }
            kept.append(token)
            follows.append(sawError)
            sawError = token.kind == .string && unterminatedStringEnds.contains(token.range.end)
        }
        tokens = kept
        followsLexicalError = follows
    }
}
