/// Turns the bytes of a `SourceFile` into tokens in one left-to-right pass.
///
/// Each byte is looked at a bounded number of times, so lexing is linear in
/// the size of the file whatever it contains. Problems become diagnostics and
/// lexing goes on: an unterminated string still yields a `.string` token, a run
/// of characters that start no token yields one `.unknown` token.
public struct Lexer {
    /// Lexes a whole file. The result always ends with `.endOfFile`.
    ///
    /// - Parameter keepComments: emit `//` and `/* */` comments as `.comment`
    ///   tokens (the formatter wants them; the parser does not). `///` doc
    ///   comments are always emitted as `.docComment`.
    public static func tokenize(_ file: SourceFile, keepComments: Bool,
                                diagnostics: inout DiagnosticCollector) -> [Token] {
        var lexer = Lexer(file: file, keepComments: keepComments)
        var tokens: [Token] = []
        tokens.reserveCapacity(file.utf8.count / 6 + 1)
        repeat {
            tokens.append(lexer.nextToken())
        } while tokens[tokens.count - 1].kind != .endOfFile
        diagnostics.append(contentsOf: lexer.diagnostics)
        return tokens
    }

    let bytes: [UInt8]
    let keepComments: Bool
    /// Offset of the next byte to look at.
    var offset = 0
    /// The token the last lexing step produced, handed out by `nextToken()`.
    private var produced = Token(kind: .endOfFile, range: .empty(at: 0), stringValue: "")
    private var didProduce = false
    private var producedAny = false
    var diagnostics: [Diagnostic] = []
    /// Identifiers longer than `longestInlineName` seen so far, by a hash of
    /// their bytes, to share their storage (see `sharedLongName`).
    var longNames: [UInt64: String] = [:]
    /// Newlines seen since the last emitted token (in whitespace and in skipped comments).
    var pendingNewlines = 0
    /// True when the token just returned is a string that ran to the end of
    /// its line; the parser does not report what such a string swallowed.
    private(set) var lastTokenIsUnterminatedString = false

    /// A lexer that hands out tokens one at a time (see `nextToken()`), so a
    /// parser need not hold every token of a large file at once.
    init(file: SourceFile, keepComments: Bool) {
        self.bytes = file.utf8
        self.keepComments = keepComments
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3  // a byte order mark
        }
    }

    /// The next token; `.endOfFile` at the end, and again on every later call.
    mutating func nextToken() -> Token {
        didProduce = false
        lastTokenIsUnterminatedString = false
        while offset < bytes.count {
            lexNextToken()
            if didProduce { return produced }
        }
        emit(.endOfFile, from: bytes.count, to: bytes.count, value: "")
        return produced
    }

    /// Reports the string being lexed as unterminated (for `lastTokenIsUnterminatedString`).
    mutating func markUnterminatedString() {
        lastTokenIsUnterminatedString = true
    }

    /// Lexes whitespace or exactly one token starting at `offset`.
    private mutating func lexNextToken() {
        let byte = bytes[offset]
        switch byte {
        case LexerByte.space, LexerByte.tab, LexerByte.newline, LexerByte.carriageReturn,
             LexerByte.formFeed, LexerByte.verticalTab:
            lexWhitespace()
        case LexerByte.slash where byteAt(offset + 1) == LexerByte.slash:
            if byteAt(offset + 2) == LexerByte.slash, byteAt(offset + 3) != LexerByte.slash {
                lexDocComment()
            } else {
                lexLineComment()
            }
        case LexerByte.slash where byteAt(offset + 1) == LexerByte.star:
            lexBlockComment()
        case LexerByte.quote:
            lexString()
        case LexerByte.minus where LexerByte.isDigit(byteAt(offset + 1)):
            lexNumber()
        default:
            if LexerByte.isDigit(byte) {
                lexNumber()
            } else if startsIdentifier(at: offset) {
                lexIdent()
            } else if !lexPunctuation() {
                lexUnexpectedCharacters()
            }
        }
    }

    /// `WHITESPACE`: skipped, but newlines are counted for the next token.
    private mutating func lexWhitespace() {
        while offset < bytes.count, LexerByte.isWhitespace(bytes[offset]) {
            if bytes[offset] == LexerByte.newline { pendingNewlines += 1 }
            offset += 1
        }
    }

    /// `PUNCTUATION`; false when no punctuation starts at `offset`.
    private mutating func lexPunctuation() -> Bool {
        let (kind, text, length): (TokenKind, String, Int)
        switch bytes[offset] {
        case LexerByte.minus where byteAt(offset + 1) == LexerByte.greaterThan: (kind, text, length) = (.arrow, "->", 2)
        case LexerByte.hash where byteAt(offset + 1) == LexerByte.leftBracket: (kind, text, length) = (.attributeOpen, "#[", 2)
        case LexerByte.leftBrace: (kind, text, length) = (.leftBrace, "{", 1)
        case LexerByte.rightBrace: (kind, text, length) = (.rightBrace, "}", 1)
        case LexerByte.leftParen: (kind, text, length) = (.leftParen, "(", 1)
        case LexerByte.rightParen: (kind, text, length) = (.rightParen, ")", 1)
        case LexerByte.lessThan: (kind, text, length) = (.leftAngle, "<", 1)
        case LexerByte.greaterThan: (kind, text, length) = (.rightAngle, ">", 1)
        case LexerByte.comma: (kind, text, length) = (.comma, ",", 1)
        case LexerByte.equals: (kind, text, length) = (.equals, "=", 1)
        case LexerByte.rightBracket: (kind, text, length) = (.rightBracket, "]", 1)
        case LexerByte.dollar: (kind, text, length) = (.dollar, "$", 1)
        case LexerByte.bang: (kind, text, length) = (.bang, "!", 1)
        default: return false
        }
        emit(kind, from: offset, to: offset + length, value: text)
        offset += length
        return true
    }

    // MARK: Emitting

    mutating func emit(_ kind: TokenKind, from start: Int, to end: Int, value: String) {
        produced = Token(kind: kind, range: SourceRange(start: start, end: end), stringValue: value,
                         isAtStartOfLine: pendingNewlines > 0 || !producedAny, newlinesBefore: pendingNewlines)
        producedAny = true
        didProduce = true
        pendingNewlines = 0
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, from start: Int, to end: Int,
                        help: String? = nil, fixIts: [FixIt] = []) {
        diagnostics.append(Diagnostic(severity: .error, code: code, message: message,
                                      range: SourceRange(start: start, end: end),
                                      help: help, fixIts: fixIts))
    }

    // MARK: Byte access

    /// The byte at `index`, or 0 past the end (0 starts no token).
    func byteAt(_ index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Offset of the next `\n` at or after `index` (or the end of the file).
    func endOfLine(from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] != LexerByte.newline { end += 1 }
        return end
    }
}
