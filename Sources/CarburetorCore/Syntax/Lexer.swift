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
        var lexer = Lexer(bytes: file.utf8, keepComments: keepComments)
        lexer.lexFile()
        diagnostics.append(contentsOf: lexer.diagnostics)
        return lexer.tokens
    }

    let bytes: [UInt8]
    let keepComments: Bool
    /// Offset of the next byte to look at.
    var offset = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    /// Newlines seen since the last emitted token (in whitespace and in skipped comments).
    var pendingNewlines = 0

    init(bytes: [UInt8], keepComments: Bool) {
        self.bytes = bytes
        self.keepComments = keepComments
        tokens.reserveCapacity(bytes.count / 4 + 1)
    }

    mutating func lexFile() {
        skipByteOrderMark()
        while offset < bytes.count {
            lexNextToken()
        }
        emit(.endOfFile, from: bytes.count, to: bytes.count, value: "")
    }

    private mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3
        }
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
        let (kind, text): (TokenKind, String)
        switch bytes[offset] {
        case LexerByte.minus where byteAt(offset + 1) == LexerByte.greaterThan: (kind, text) = (.arrow, "->")
        case LexerByte.hash where byteAt(offset + 1) == LexerByte.leftBracket: (kind, text) = (.attributeOpen, "#[")
        case LexerByte.leftBrace: (kind, text) = (.leftBrace, "{")
        case LexerByte.rightBrace: (kind, text) = (.rightBrace, "}")
        case LexerByte.leftParen: (kind, text) = (.leftParen, "(")
        case LexerByte.rightParen: (kind, text) = (.rightParen, ")")
        case LexerByte.lessThan: (kind, text) = (.leftAngle, "<")
        case LexerByte.greaterThan: (kind, text) = (.rightAngle, ">")
        case LexerByte.comma: (kind, text) = (.comma, ",")
        case LexerByte.equals: (kind, text) = (.equals, "=")
        case LexerByte.rightBracket: (kind, text) = (.rightBracket, "]")
        case LexerByte.dollar: (kind, text) = (.dollar, "$")
        case LexerByte.bang: (kind, text) = (.bang, "!")
        default: return false
        }
        emit(kind, from: offset, to: offset + text.utf8.count, value: text)
        offset += text.utf8.count
        return true
    }

    // MARK: Emitting

    mutating func emit(_ kind: TokenKind, from start: Int, to end: Int, value: String) {
        tokens.append(Token(kind: kind, range: SourceRange(start: start, end: end), stringValue: value,
                            isAtStartOfLine: pendingNewlines > 0 || tokens.isEmpty,
                            newlinesBefore: pendingNewlines))
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
