import CarburetorSchema

// `name = value` argument lists of tables and group entries, parsed
// generically; the resolver knows which names and value kinds fit where.

extension Parser {
    /// `argument_list = argument { "," argument } [ "," ] ;`
    ///
    /// Stops before the `)`; also at `{`, `}` or a name starting a line that is
    /// not followed by `=`, where the `)` must be missing.
    mutating func parseArgumentList() -> [ArgumentSyntax] {
        var arguments: [ArgumentSyntax] = []
        var progress = ProgressGuard()
        while !atArgumentListEnd {
            guard progress.madeProgress(at: index) else { forceProgress(); continue }
            if at(.comma) {
                reportUnexpected(.unexpectedToken, "unexpected ','", help: "one ',' separates two arguments",
                                 removable: true)
                advance()
                continue
            }
            guard at(.identifier) else {
                reportUnexpected(.expectedToken, "expected an argument name, found \(describe(current))",
                                 help: "an argument is written 'name = value'")
                skipToArgumentBoundary()
                continue
            }
            arguments.append(parseArgument())
            if consume(if: .comma) != nil || atArgumentListEnd { continue }
            if at(.identifier) {
                reportMissing(.missingComma, "expected ',' between arguments", insert: ",",
                              help: "arguments are separated by ','")
            } else {
                reportUnexpected(.expectedToken,
                                 "expected ',' or ')' after an argument, found \(describe(current))")
                skipToArgumentBoundary()
            }
        }
        return arguments
    }

    private var atArgumentListEnd: Bool {
        mutating get {
            switch current.kind {
            case .rightParen, .leftBrace, .rightBrace, .endOfFile: true
            case .identifier: current.isAtStartOfLine && peek().kind != .equals
            default: false
            }
        }
    }

    private mutating func skipToArgumentBoundary() {
        skip { (parser: inout Parser) in parser.at(.comma) || parser.atArgumentListEnd }
        _ = consume(if: .comma)
    }

    /// `argument = IDENT "=" argument_value ;`
    mutating func parseArgument() -> ArgumentSyntax {
        let name = eatIdentifier()
        var value: ArgumentValueSyntax?
        if consume(if: .equals) != nil {
            value = parseArgumentValue(context: "after '\(Parser.abbreviated(name.text)) ='")
        } else if at(.string) || at(.number) || at(.dollar) || (at(.identifier) && !current.isAtStartOfLine) {
            reportMissing(.expectedToken, "expected '=' after argument '\(Parser.abbreviated(name.text))'", insert: "=")
            value = parseArgumentValue(context: "after '\(Parser.abbreviated(name.text)) ='")
        } else {
            reportMissing(.expectedToken, "expected '=' after argument '\(Parser.abbreviated(name.text))'",
                          help: "an argument is written 'name = value'")
        }
        return ArgumentSyntax(name: name, value: value, range: range(from: name.range.start))
    }

    /// `argument_value = STRING | NUMBER | IDENT | variable ;`
    mutating func parseArgumentValue(context: @autoclosure () -> String) -> ArgumentValueSyntax? {
        switch current.kind {
        case .string:
            let token = take()
            return .string(StringLiteral(lexer.stringLiteralValue(of: token), range: token.range))
        case .number:
            let token = take()
            return .number(lexer.text(of: token), range: token.range)
        case .identifier:
            return .identifier(eatIdentifier())
        case .dollar:
            return parseVariable()
        default:
            reportMissing(.expectedToken, "expected a value \(context())",
                          help: "a value is a string, a number, a name or a '$variable'")
            return nil
        }
    }

    /// `variable = "$" IDENT ;`
    mutating func parseVariable() -> ArgumentValueSyntax? {
        let dollar = eat(.dollar)
        guard at(.identifier) else {
            reportMissing(.expectedToken, "expected a variable name after '$'", help: "for example '$user_id'")
            return nil
        }
        return .variable(eatIdentifier(), dollar: dollar.range)
    }
}
