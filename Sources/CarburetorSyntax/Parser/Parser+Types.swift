import CarburetorSchema

// Column types: `Name` or `Name<Type>`, parsed generically; the resolver knows
// which names exist and that only `Nullable` takes an argument.

extension Parser {
    /// `type = IDENT [ "<" type ">" ] ;`, as a column keeps it: the usual
    /// `Nullable<Text>` without the heap box a `TypeSyntax.generic` costs.
    ///
    /// Recursion is capped at `maximumTypeDepth`; deeper nesting is reported
    /// and walked iteratively, so no input can exhaust the stack, and the
    /// type comes back `.missing` like a missing one.
    @inline(__always)  // into `parseColumn`, once per column
    mutating func parseType(context: @autoclosure () -> String) -> TypeSyntax? {
        let start = current.range.start
        typeNestingExceeded = false
        guard at(.identifier), peek().kind != .arrow else {
            reportMissingType(context: context())
            return nil
        }
        let name = eatIdentifier()
        guard let open = consume(if: .leftAngle) else { return .named(name) }
        let argument = typeArgument(of: name, open: open, depth: 0)
        guard !typeNestingExceeded else {
            report(.nestingTooDeep, "type is nested more than \(Parser.maximumTypeDepth) levels deep",
                   at: range(from: start), help: "a column type needs at most one level: 'Nullable<Text>'")
            return nil
        }
        return .generic(name, argument: argument, range: range(from: name.range.start))
    }

    private mutating func parseNestedType(context: @autoclosure () -> String, depth: Int) -> TypeSyntax? {
        guard at(.identifier), peek().kind != .arrow else {
            reportMissingType(context: context())
            return nil
        }
        let name = eatIdentifier()
        guard let open = consume(if: .leftAngle) else { return .named(name) }
        if depth + 1 >= Parser.maximumTypeDepth {
            return parseTooDeeplyNestedType(name: name, open: open)
        }
        let argument = typeArgument(of: name, open: open, depth: depth)
        return .generic(name, argument: argument, range: range(from: name.range.start))
    }

    /// Parses the argument of `name<` (at `depth`) and its closing `>`.
    private mutating func typeArgument(of name: Identifier, open: LexedToken, depth: Int) -> TypeSyntax? {
        let argument = parseNestedType(context: "inside '\(Parser.abbreviated(name.text))<…>'", depth: depth + 1)
        if consume(if: .rightAngle) == nil {
            reportMissing(.unclosedDelimiter, "expected '>' to close '\(Parser.abbreviated(name.text))<'", insert: ">",
                          notes: [DiagnosticNote("'<' opened here", at: open.range)])
        }
        return argument
    }

    private mutating func reportMissingType(context: String) {
        reportMissing(.expectedToken, "expected a type \(context)", help: "for example 'Text' or 'Nullable<Text>'")
    }

    /// Consumes the rest of a type nested beyond the cap without recursing.
    private mutating func parseTooDeeplyNestedType(name: Identifier, open: LexedToken) -> TypeSyntax {
        typeNestingExceeded = true
        var unclosed = 1
        var innermost: Identifier?
        while at(.identifier) {
            innermost = eatIdentifier()
            guard consume(if: .leftAngle) != nil else { break }
            unclosed += 1
        }
        while unclosed > 0, consume(if: .rightAngle) != nil { unclosed -= 1 }
        let whole = range(from: name.range.start)
        if unclosed > 0 {
            reportMissing(.unclosedDelimiter, "expected '>' to close '\(Parser.abbreviated(name.text))<'", insert: ">",
                          notes: [DiagnosticNote("'<' opened here", at: open.range)])
        }
        return .generic(name, argument: innermost.map { .named($0) }, range: whole)
    }
}
