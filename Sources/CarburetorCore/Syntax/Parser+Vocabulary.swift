// The small vocabulary every parse function is written in.

extension Parser {
    /// The token one or two places ahead (`.endOfFile` past the end).
    mutating func peek(_ distance: Int = 1) -> Token {
        precondition(distance == 1 || distance == 2, "the parser looks at most two tokens ahead")
        if lookaheadCount == 0 {
            nextToken = pullToken()
            lookaheadCount = 1
        }
        if distance == 1 { return nextToken.token }
        if lookaheadCount == 1 {
            tokenAfterNext = pullToken()
            lookaheadCount = 2
        }
        return tokenAfterNext.token
    }

    var atEndOfFile: Bool { current.kind == .endOfFile }

    func at(_ kind: TokenKind) -> Bool {
        current.kind == kind
    }

    /// The current token is the identifier `word` (keywords are contextual).
    func at(word: String) -> Bool {
        current.kind == .identifier && current.stringValue == word
    }

    /// Moves past the current token. At the end of the file it stays put.
    mutating func advance() {
        guard current.kind != .endOfFile else { return }
        previousEnd = current.range.end
        index += 1
        let next: PulledToken
        switch lookaheadCount {
        case 0:
            next = pullToken()
        case 1:
            next = nextToken
            lookaheadCount = 0
        default:
            next = nextToken
            nextToken = tokenAfterNext
            lookaheadCount = 1
        }
        current = next.token
        currentFollowsLexicalError = next.followsLexicalError
    }

    /// Moves past the current token and returns it.
    mutating func take() -> Token {
        let token = current
        advance()
        return token
    }

    /// Consumes a token the caller has already checked is there.
    @discardableResult
    mutating func eat(_ kind: TokenKind) -> Token {
        assert(at(kind), "eat(\(kind)) at \(current.kind)")
        return take()
    }

    mutating func eatIdentifier() -> Identifier {
        let token = eat(.identifier)
        return Identifier(token.stringValue, range: token.range)
    }

    /// Consumes the current token if it is of `kind`.
    mutating func consume(if kind: TokenKind) -> Token? {
        at(kind) ? take() : nil
    }

    /// Consumes a token of `kind`, or reports it missing ("expected ',' between
    /// columns, found 'name'") with a fix-it that inserts it, and returns `nil`
    /// without consuming anything: parsing goes on as if it had been there.
    mutating func expect(_ kind: TokenKind, _ code: DiagnosticCode = .expectedToken,
                         context: @autoclosure () -> String, help: String? = nil,
                         notes: @autoclosure () -> [DiagnosticNote] = []) -> Token? {
        if let token = consume(if: kind) { return token }
        let text = Parser.spelling(of: kind)
        reportMissing(code, "expected '\(text)' \(context())", insert: text, help: help, notes: notes())
        return nil
    }

    /// The range from `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, previousEnd))
    }

    /// The indentation (in bytes) of the line a token is on.
    func indentation(of token: Token) -> Int {
        let lineStart = file.lineStarts[file.lineIndex(of: token.range.start)]
        var offset = lineStart
        while offset < token.range.start, file.utf8[offset] == LexerByte.space || file.utf8[offset] == LexerByte.tab {
            offset += 1
        }
        return offset - lineStart
    }

    static func spelling(of kind: TokenKind) -> String {
        switch kind {
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftParen: "("
        case .rightParen: ")"
        case .leftAngle: "<"
        case .rightAngle: ">"
        case .comma: ","
        case .equals: "="
        case .arrow: "->"
        case .attributeOpen: "#["
        case .rightBracket: "]"
        case .dollar: "$"
        case .bang: "!"
        case .identifier: "name"
        case .string: "string"
        case .number: "number"
        case .comment: "comment"
        case .docComment: "doc comment"
        case .unknown: "character"
        case .endOfFile: "end of file"
        }
    }

    /// How a token is named in "found …".
    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "'\(abbreviated(token.stringValue))'"
        case .string: "a string"
        case .number: "number '\(abbreviated(token.stringValue))'"
        case .docComment: "a doc comment"
        case .endOfFile: "end of file"
        default: "'\(spelling(of: token.kind))'"
        }
    }
}

extension Parser {
    /// Keeps messages readable when a name or number is absurdly long.
    static func abbreviated(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : text.prefix(limit) + "…"
    }
}
