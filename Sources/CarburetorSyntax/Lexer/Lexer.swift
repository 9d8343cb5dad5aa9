import CarburetorSchema

/// Turns the bytes of a `SourceFile` into tokens in one left-to-right pass.
///
/// Each byte is looked at a bounded number of times, so lexing is linear in
/// the size of the file whatever it contains. Problems become diagnostics and
/// lexing goes on: an unterminated string still yields a `.string` token, a run
/// of characters that start no token yields one `.unknown` token.
///
/// The lexer reads the file through an unsafe buffer (no bounds checks on the
/// hot path) and produces `LexedToken`s, which carry no text; the text of a
/// token is built only when asked for (see `Lexer+TokenText.swift`).
public struct Lexer {
    /// Lexes a whole file. The result always ends with `.endOfFile`.
    ///
    /// - Parameter keepComments: emit `//` and `/* */` comments as `.comment`
    ///   tokens (the formatter wants them; the parser does not). `///` doc
    ///   comments are always emitted as `.docComment`.
    public static func tokenize(_ file: SourceFile, keepComments: Bool,
                                diagnostics: inout DiagnosticCollector) -> [Token] {
        file.utf8.withUnsafeBufferPointer { bytes in
            var lexer = Lexer(bytes: bytes, keepComments: keepComments)
            var tokens: [Token] = []
            tokens.reserveCapacity(bytes.count / 6 + 1)
            while true {
                let token = lexer.nextToken()
                tokens.append(lexer.publicToken(token))
                if token.kind == .endOfFile { break }
            }
            diagnostics.append(contentsOf: lexer.diagnostics)
            return tokens
        }
    }

    /// Lexes a whole file as the parser reads it (tokens without text) and
    /// counts the tokens: the lexer's share of parsing, for the benchmark.
    @_spi(Benchmarking)
    public static func countTokens(in file: SourceFile, diagnostics: inout DiagnosticCollector) -> Int {
        file.utf8.withUnsafeBufferPointer { bytes in
            var lexer = Lexer(bytes: bytes, keepComments: false)
            var count = 1
            while lexer.nextToken().kind != .endOfFile { count += 1 }
            diagnostics.append(contentsOf: lexer.diagnostics)
            return count
        }
    }

    /// The file's bytes, valid only while the caller's `withUnsafeBufferPointer`
    /// that lent them runs: a lexer never outlives one lexing or parsing call.
    let bytes: UnsafeBufferPointer<UInt8>
    let keepComments: Bool
    /// Whether `.unknown` tokens (already reported) are left out of the
    /// stream, as the parser wants: the token after one is then marked as
    /// following a lexical error instead (`LexedToken.followsLexicalError`).
    let dropsUnknownTokens: Bool
    /// Offset of the next byte to look at.
    var offset = 0
    private var producedAny = false
    /// Set by `lexString` for a string that runs to the end of its line.
    private var stringIsUnterminated = false
    /// Whether the last token produced was an unterminated string, which
    /// may have swallowed what followed: the next token follows a lexical error.
    private var lastWasUnterminatedString = false
    var diagnostics: [Diagnostic] = []
    /// The `String` of each distinct identifier, shared by its occurrences.
    var names = NameTable()

    init(bytes: UnsafeBufferPointer<UInt8>, keepComments: Bool, dropsUnknownTokens: Bool = false) {
        self.bytes = bytes
        self.keepComments = keepComments
        self.dropsUnknownTokens = dropsUnknownTokens
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3  // a byte order mark
        }
    }

    /// A lexer over no bytes, for a parser that has not started yet.
    static var idle: Lexer { Lexer(bytes: UnsafeBufferPointer(start: nil, count: 0), keepComments: false) }

    /// The next token; `.endOfFile` at the end, and again on every later call.
    mutating func nextToken() -> LexedToken {
        var token = LexedToken.endOfFile
        nextToken(into: &token)
        return token
    }

    /// Writes the next token into `token`: the parser's current token or
    /// lookahead, filled in place rather than returned and copied. Inlined
    /// into its few callers, which saves a call per token.
    @inline(__always)
    mutating func nextToken(into token: inout LexedToken) {
        var newlines = 0
        var followsError = lastWasUnterminatedString
        while true {
            lexWhitespace(newlines: &newlines)
            guard offset < bytes.count else {
                produce(.endOfFile, from: bytes.count, newlines: newlines, followsError: followsError, into: &token)
                return
            }
            let start = offset
            guard let kind = lexToken(newlines: &newlines) else { continue }
            if kind == .unknown, dropsUnknownTokens {
                // As if it had been produced: what follows counts its newlines from here.
                producedAny = true
                newlines = 0
                followsError = true
                continue
            }
            produce(kind, from: start, newlines: newlines, followsError: followsError, into: &token)
            return
        }
    }

    /// Lexes a skipped comment or exactly one token starting at `offset`
    /// (not at whitespace) and moves past it; returns the kind of the token
    /// (which ends at the new `offset`), or `nil` for a skipped comment.
    @inline(__always)  // once per token: the call cost more than the dispatch
    private mutating func lexToken(newlines: inout Int) -> TokenKind? {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), LexerByte.underscore:
            lexIdent()
            return .identifier
        case LexerByte.zero...LexerByte.nine:
            lexNumber()
            return .number
        case LexerByte.slash:
            return lexSlash(newlines: &newlines)
        case LexerByte.quote:
            lexString()
            return .string
        case LexerByte.minus:
            if LexerByte.isDigit(byteAt(offset + 1)) {
                lexNumber()
                return .number
            }
            return byteAt(offset + 1) == LexerByte.greaterThan ? lexPunctuation(.arrow, length: 2) : lexUnexpectedCharacters()
        case LexerByte.hash:
            return byteAt(offset + 1) == LexerByte.leftBracket
                ? lexPunctuation(.attributeOpen, length: 2) : lexUnexpectedCharacters()
        case LexerByte.leftBrace: return lexPunctuation(.leftBrace)
        case LexerByte.rightBrace: return lexPunctuation(.rightBrace)
        case LexerByte.leftParen: return lexPunctuation(.leftParen)
        case LexerByte.rightParen: return lexPunctuation(.rightParen)
        case LexerByte.lessThan: return lexPunctuation(.leftAngle)
        case LexerByte.greaterThan: return lexPunctuation(.rightAngle)
        case LexerByte.comma: return lexPunctuation(.comma)
        case LexerByte.equals: return lexPunctuation(.equals)
        case LexerByte.rightBracket: return lexPunctuation(.rightBracket)
        case LexerByte.dollar: return lexPunctuation(.dollar)
        case LexerByte.bang: return lexPunctuation(.bang)
        default:
            if startsIdentifier(at: offset) {
                lexIdent()
                return .identifier
            }
            return lexUnexpectedCharacters()
        }
    }

    /// `WHITESPACE` (possibly none): skipped, but its newlines are counted for the next token.
    private mutating func lexWhitespace(newlines: inout Int) {
        let bytes = self.bytes  // a local copy stays in registers through the loop
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if byte == LexerByte.newline {
                newlines += 1
                index = endOfSpaces(from: index + 1)
                continue
            }
            if byte != LexerByte.space, !LexerByte.isWhitespace(byte) { break }
            index += 1
        }
        offset = index
    }

    /// Moves past spaces eight at a time while there are that many, then past
    /// the rest of them in the same step: the indentation after a newline is
    /// most of a config's whitespace.
    private func endOfSpaces(from index: Int) -> Int {
        let eightSpaces: UInt64 = 0x2020_2020_2020_2020
        var index = index
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            // The lowest byte that is not a space is the lowest nonzero byte here.
            let notSpaces = word ^ eightSpaces
            guard notSpaces == 0 else { return index + notSpaces.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }

    /// `//`, `///` and `/*` comments; a lone `/` starts no token.
    private mutating func lexSlash(newlines: inout Int) -> TokenKind? {
        switch byteAt(offset + 1) {
        case LexerByte.slash:
            if byteAt(offset + 2) == LexerByte.slash, byteAt(offset + 3) != LexerByte.slash {
                lexDocComment()
                return .docComment
            }
            lexLineComment()
            return keepComments ? .comment : nil
        case LexerByte.star:
            let newlinesInside = lexBlockComment()
            if keepComments { return .comment }
            newlines += newlinesInside
            return nil
        default:
            return lexUnexpectedCharacters()
        }
    }

    /// `PUNCTUATION` of `length` bytes at `offset`.
    private mutating func lexPunctuation(_ kind: TokenKind, length: Int = 1) -> TokenKind {
        offset += length
        return kind
    }

    /// Writes the token of `kind` from `start` to `offset` into `token`.
    private mutating func produce(_ kind: TokenKind, from start: Int, newlines: Int, followsError: Bool,
                                  into token: inout LexedToken) {
        token.kind = kind
        token.isAtStartOfLine = newlines > 0 || !producedAny
        token.isUnterminatedString = stringIsUnterminated
        token.followsLexicalError = followsError
        token.start = start
        token.end = offset
        token.newlinesBefore = newlines
        producedAny = true
        lastWasUnterminatedString = stringIsUnterminated
        stringIsUnterminated = false
    }

    /// Reports the string being lexed as unterminated (see `LexedToken.isUnterminatedString`).
    mutating func markUnterminatedString() {
        stringIsUnterminated = true
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
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// Offset of the next `\n` at or after `index` (or the end of the file).
    func endOfLine(from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] != LexerByte.newline { end += 1 }
        return end
    }
}
