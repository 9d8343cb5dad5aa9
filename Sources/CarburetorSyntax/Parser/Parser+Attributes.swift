import CarburetorSchema

// Column attributes: `#[name]` and `#[name(kind = value)]`, parsed generically;
// the resolver knows which attributes and default forms exist.

extension Parser {
    /// `attribute = "#[" IDENT [ "(" [ default_argument [ "," ] ] ")" ] "]" ;`
    ///
    /// Returns `nil` when no attribute name follows `#[` (reported).
    mutating func parseAttribute() -> AttributeSyntax? {
        let open = eat(.attributeOpen)
        guard at(.identifier) else {
            skipAttributeWithoutName()
            return nil
        }
        return attribute(opened: open, name: eatIdentifier())
    }

    /// No name follows `#[`: reported, and skipped up to its `]` or what
    /// starts the next item.
    mutating func skipAttributeWithoutName() {
        reportMissing(.expectedToken, "expected an attribute name after '#['",
                      help: "for example '#[id]' or '#[default(sql = Now)]'")
        skip { (parser: inout Parser) in
            parser.at(.rightBracket) || parser.at(.comma)
                || (parser.current.isAtStartOfLine && (parser.at(.identifier) || parser.at(.attributeOpen)))
        }
        _ = consume(if: .rightBracket)
    }

    /// The rest of an attribute whose `#[` and name are consumed: its
    /// parentheses and `]`.
    mutating func attribute(opened open: LexedToken, name: Identifier) -> AttributeSyntax {
        var defaultArgument: DefaultArgumentSyntax?
        var hasParentheses = false
        if let openParen = consume(if: .leftParen) {
            hasParentheses = true
            if at(.identifier) {
                defaultArgument = parseDefaultArgument()
            } else if !at(.rightParen) {
                let expected = name.text == "default" ? "'sql', 'swift' or 'rust'" : "a name"
                reportMissing(.expectedToken, "expected \(expected) after '#[\(Parser.abbreviated(name.text))('",
                              help: name.text == "default" ? "for example '#[default(sql = Now)]'" : nil)
            }
            _ = consume(if: .comma)
            if consume(if: .rightParen) == nil {
                closeAttributeParenthesis(of: name, open: openParen)
            }
        }
        if consume(if: .rightBracket) == nil {
            if !at(.rightBracket), !current.isAtStartOfLine, !atEndOfFile {
                reportUnexpected(.expectedToken, "expected ']' to close the attribute, found \(describe(current))")
                skip { (parser: inout Parser) in parser.at(.rightBracket) || parser.current.isAtStartOfLine }
            }
            if consume(if: .rightBracket) == nil {
                reportMissing(.unclosedDelimiter, "expected ']' to close '#[\(Parser.abbreviated(name.text))'", insert: "]",
                              notes: [DiagnosticNote("'#[' opened here", at: open.range)])
            }
        }
        return AttributeSyntax(name: name, defaultArgument: defaultArgument, hasParentheses: hasParentheses,
                               range: range(from: open.range.start))
    }

    /// The `)` of `#[name(…` is missing: skip what stands in its place on this line.
    private mutating func closeAttributeParenthesis(of name: Identifier, open: LexedToken) {
        if !at(.rightBracket), !current.isAtStartOfLine, !atEndOfFile {
            let message = name.text == "default"
                ? "expected ')' after the default value, found \(describe(current))"
                : "expected ')' to close '#[\(Parser.abbreviated(name.text))(', found \(describe(current))"
            reportUnexpected(.expectedToken, message,
                             help: name.text == "default" ? "a '#[default(…)]' holds exactly one value" : nil)
            skip { (parser: inout Parser) in
                parser.at(.rightParen) || parser.at(.rightBracket) || parser.current.isAtStartOfLine
            }
        }
        if consume(if: .rightParen) == nil {
            reportMissing(.unclosedDelimiter, "expected ')' to close '#[\(Parser.abbreviated(name.text))('", insert: ")",
                          notes: [DiagnosticNote("'(' opened here", at: open.range)])
        }
    }

    /// `default_argument = IDENT [ "=" default_value ] ;`
    mutating func parseDefaultArgument() -> DefaultArgumentSyntax {
        let kind = eatIdentifier()
        var value: DefaultValueSyntax?
        if consume(if: .equals) != nil {
            value = parseDefaultValue()
        } else if at(.string) || at(.number) || (at(.identifier) && !current.isAtStartOfLine) {
            reportMissing(.expectedToken, "expected '=' after '\(Parser.abbreviated(kind.text))'", insert: "=")
            value = parseDefaultValue()
        }
        return DefaultArgumentSyntax(kind: kind, value: value, range: range(from: kind.range.start))
    }

    /// `default_value = STRING | IDENT [ "(" [ argument_value ] ")" ] ;`
    mutating func parseDefaultValue() -> DefaultValueSyntax? {
        switch current.kind {
        case .string:
            let token = take()
            return .string(StringLiteral(lexer.stringLiteralValue(of: token), range: token.range))
        case .identifier:
            let name = eatIdentifier()
            guard let open = consume(if: .leftParen) else { return .variant(name) }
            var argument: ArgumentValueSyntax?
            if !at(.rightParen) {
                argument = parseArgumentValue(context: "inside '\(Parser.abbreviated(name.text))(…)'")
            }
            if consume(if: .rightParen) == nil {
                reportMissing(.unclosedDelimiter, "expected ')' to close '\(Parser.abbreviated(name.text))('", insert: ")",
                              notes: [DiagnosticNote("'(' opened here", at: open.range)])
            }
            return .call(name, argument: argument, range: range(from: name.range.start))
        case .number:
            let number = lexer.text(of: current)
            reportUnexpected(.expectedToken, "expected a default value, found number '\(number)'",
                             help: "write the number as 'Number(\(number))'",
                             fixIts: [FixIt(replace: current.range, with: "Number(\(number))")])
            advance()
            return nil
        default:
            reportMissing(.expectedToken, "expected a default value after '='",
                          help: "for example 'Now', 'Null', 'EmptyJson', 'Text(\"…\")' or 'Number(0)'")
            return nil
        }
    }
}
