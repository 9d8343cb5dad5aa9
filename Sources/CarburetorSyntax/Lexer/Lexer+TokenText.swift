import CarburetorSchema

// The text of a token, built from its range only when someone keeps it.

extension Lexer {
    /// The public form of `token`, with its `stringValue`.
    mutating func publicToken(_ token: LexedToken) -> Token {
        Token(kind: token.kind, range: token.range, stringValue: stringValue(of: token),
              isAtStartOfLine: token.isAtStartOfLine, newlinesBefore: token.newlinesBefore)
    }

    /// What `Token.stringValue` holds: the unescaped contents of a string, the
    /// text of a doc comment, the source text otherwise.
    mutating func stringValue(of token: LexedToken) -> String {
        switch token.kind {
        case .identifier: name(of: token)
        case .string: stringLiteralValue(of: token)
        case .docComment: docCommentText(of: token)
        case .number, .comment, .unknown: text(of: token)
        case .endOfFile: ""
        default: token.kind.spelling
        }
    }

    /// The name an identifier spells; a name written before shares the first
    /// occurrence's `String`.
    mutating func name(of token: LexedToken) -> String {
        names.name(spelledAt: token.start, length: token.length, in: bytes)
    }

    /// Whether an identifier is `word`, compared on the bytes.
    func token(_ token: LexedToken, spells word: StaticString) -> Bool {
        token.length == word.utf8CodeUnitCount
            && word.withUTF8Buffer { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) }
    }

    /// The source text of a token.
    func text(of token: LexedToken) -> String {
        text(from: token.start, to: token.end)
    }

    /// The text after `///` and one optional space. Doc comments repeat too
    /// ("The id of this record."), so their texts are shared like names.
    ///
    /// A `///` comment is one line of the config, yet it may hold a lone CR,
    /// NEL or a Unicode line or paragraph separator, any of which ends a
    /// comment in some generated file; each becomes a space, so the text is
    /// the one line the config shows.
    mutating func docCommentText(of token: LexedToken) -> String {
        var textStart = token.start + 3
        if textStart < token.end, bytes[textStart] == LexerByte.space { textStart += 1 }
        guard textStart < token.end else { return "" }
        let text = names.name(spelledAt: textStart, length: token.end - textStart, in: bytes)
        return mayHoldLineTerminator(from: textStart, to: token.end) ? LineTerminators.singleLine(text) : text
    }

    /// False when no byte in the range can belong to a line terminator (CR,
    /// VT, FF, or the lead byte of NEL, U+2028 or U+2029): the common case,
    /// decided without decoding.
    private func mayHoldLineTerminator(from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            switch bytes[index] {
            case 0x0B, 0x0C, LexerByte.carriageReturn, 0xC2, 0xE2: return true
            default: index += 1
            }
        }
        return false
    }

    /// The unescaped contents of a string token: the bytes between its quotes,
    /// or for a string with escapes (or unterminated) the value from lexing it
    /// again with a fresh lexer, whose diagnostics (reported the first time)
    /// are dropped.
    func stringLiteralValue(of token: LexedToken) -> String {
        if let end = endOfPlainString(from: token.start) {
            return text(from: token.start + 1, to: end - 1)
        }
        var relexer = Lexer(bytes: bytes, keepComments: false)
        relexer.offset = token.start
        var value: [UInt8] = []
        relexer.lexString(into: &value)
        return String(decoding: value, as: UTF8.self)
    }
}
