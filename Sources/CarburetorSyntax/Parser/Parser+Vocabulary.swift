import CarburetorSchema

// The small vocabulary every parse function is written in.

extension Parser {
    /// The token after the current one (`.endOfFile` past the end).
    @inline(__always)  // a few instructions, asked for at nearly every column
    mutating func peek() -> LexedToken {
        if lookaheadCount == 0 { lexNextToken() }
        return nextToken
    }

    /// Lexes the token after the current one into `nextToken`; one of the
    /// two places the lexer is inlined into (see `advance`).
    @inline(never)
    private mutating func lexNextToken() {
        lexer.nextToken(into: &nextToken)
        lookaheadCount = 1
    }

    /// The token one or two places ahead (`.endOfFile` past the end).
    mutating func peek(_ distance: Int) -> LexedToken {
        precondition(distance == 1 || distance == 2, "the parser looks at most two tokens ahead")
        if distance == 1 { return peek() }
        _ = peek()
        if lookaheadCount == 1 {
            tokenAfterNext = lexer.nextToken()
            lookaheadCount = 2
        }
        return tokenAfterNext
    }

    var atEndOfFile: Bool { current.kind == .endOfFile }

    func at(_ kind: TokenKind) -> Bool {
        current.kind == kind
    }

    /// The current token is the identifier `word` (keywords are contextual).
    func at(word: StaticString) -> Bool {
        current.kind == .identifier && lexer.token(current, spells: word)
    }

    /// Moves past the current token. At the end of the file it stays put.
    ///
    /// Not inlined, but the lexer is inlined into it: one call per token
    /// instead of two.
    @inline(never)
    mutating func advance() {
        guard current.kind != .endOfFile else { return }
        previousEnd = current.end
        index += 1
        switch lookaheadCount {
        case 0:
            lexer.nextToken(into: &current)
        case 1:
            current = nextToken
            lookaheadCount = 0
        default:
            current = nextToken
            nextToken = tokenAfterNext
            lookaheadCount = 1
        }
    }

    /// Moves past the current token and returns it.
    mutating func take() -> LexedToken {
        let token = current
        advance()
        return token
    }

    /// Consumes a token the caller has already checked is there.
    @discardableResult
    mutating func eat(_ kind: TokenKind) -> LexedToken {
        assert(at(kind), "eat(\(kind)) at \(current.kind)")
        return take()
    }

    /// Consumes an identifier the caller has already checked is there; its
    /// text is built (or shared with an earlier occurrence) only now.
    mutating func eatIdentifier() -> Identifier {
        let token = eat(.identifier)
        return Identifier(lexer.name(of: token), range: token.range)
    }

    /// Consumes the current token if it is of `kind`.
    mutating func consume(if kind: TokenKind) -> LexedToken? {
        at(kind) ? take() : nil
    }

    /// Consumes a token of `kind`, or reports it missing ("expected ',' between
    /// columns, found 'name'") with a fix-it that inserts it, and returns `nil`
    /// without consuming anything: parsing goes on as if it had been there.
    mutating func expect(_ kind: TokenKind, _ code: DiagnosticCode = .expectedToken,
                         context: @autoclosure () -> String, help: String? = nil,
                         notes: @autoclosure () -> [DiagnosticNote] = []) -> LexedToken? {
        if let token = consume(if: kind) { return token }
        let text = kind.spelling
        reportMissing(code, "expected '\(text)' \(context())", insert: text, help: help, notes: notes())
        return nil
    }

    /// The range from `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    /// The indentation (in bytes) of the line a token is on.
    func indentation(of token: LexedToken) -> Int {
        let lineStart = file.lineStart(containing: token.start)
        var offset = lineStart
        while offset < token.start, lexer.bytes[offset] == LexerByte.space || lexer.bytes[offset] == LexerByte.tab {
            offset += 1
        }
        return offset - lineStart
    }

    /// How a token is named in "found …".
    func describe(_ token: LexedToken) -> String {
        switch token.kind {
        case .identifier: "'\(Parser.abbreviated(lexer.text(of: token)))'"
        case .string: "a string"
        case .number: "number '\(Parser.abbreviated(lexer.text(of: token)))'"
        case .docComment: "a doc comment"
        case .endOfFile: "end of file"
        default: "'\(token.kind.spelling)'"
        }
    }
}

extension Parser {
    /// Keeps messages readable when a name or number is absurdly long.
    package static func abbreviated(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : text.prefix(limit) + "…"
    }
}
