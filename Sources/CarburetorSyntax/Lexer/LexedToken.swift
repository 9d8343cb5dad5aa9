import CarburetorSchema

/// A token as the lexer hands it to the parser: its kind, its byte range and
/// what separates it from the token before; no text.
///
/// A few plain words, copied without reference counting. The parser builds
/// text only for the tokens it keeps (`Lexer.name(of:)`,
/// `Lexer.stringValue(of:)`, …); `Lexer.tokenize` turns these into public
/// `Token`s.
struct LexedToken {
    var kind: TokenKind
    /// True when a newline separates this token from the one before it, and
    /// for the first token of the file.
    var isAtStartOfLine: Bool
    /// A string that ran to the end of its line (reported by the lexer).
    var isUnterminatedString = false
    /// Set when the lexer reported an error just before this token: it
    /// dropped an unknown token (see `Lexer.dropsUnknownTokens`), or the
    /// previous string ran to the end of its line and swallowed what followed.
    var followsLexicalError = false
    var start: Int
    var end: Int
    /// Number of newlines between the previous token and this one.
    var newlinesBefore: Int

    var range: SourceRange { SourceRange(start: start, end: end) }

    var length: Int { end - start }

    static let endOfFile = LexedToken(kind: .endOfFile, isAtStartOfLine: false, start: 0, end: 0, newlinesBefore: 0)
}
