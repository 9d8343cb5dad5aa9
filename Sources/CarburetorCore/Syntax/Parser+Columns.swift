// Columns: `{ doc | attribute } name -> Type`.

extension Parser {
    /// `column = { DOC_COMMENT | attribute } IDENT "->" type ;`
    ///
    /// Returns `nil` only when no column name follows the doc comments and
    /// attributes (reported); the caller then skips to the next column.
    mutating func parseColumn() -> ColumnSyntax? {
        let start = current.range.start
        var docs: [DocComment] = []
        var attributes = ColumnAttributeStorage.none
        while true {
            if at(.docComment) {
                parseDocComments(into: &docs)
            } else if at(.attributeOpen) {
                appendColumnAttribute(to: &attributes)
            } else {
                break
            }
        }
        guard at(.identifier) else {
            if attributes.isEmpty {
                reportDanglingDocComments(range(from: start), help: "a doc comment must come right before a column")
            } else {
                reportMissing(.expectedToken, "expected a column name after its attributes",
                              help: "a column is written 'name -> Type'")
            }
            return nil
        }
        let name = eatIdentifier()
        var type = ColumnTypeStorage.missing
        if consume(if: .arrow) != nil {
            type = parseType(context: "after '->'")
        } else {
            reportMissing(.missingArrow, "expected '->' after column name '\(Parser.abbreviated(name.text))'", insert: "->",
                          help: "a column is written 'name -> Type'")
            // `name Text`: the type is there, only the arrow is missing.
            if at(.identifier), !current.isAtStartOfLine, peek().kind != .arrow {
                type = parseType(context: "after '->'")
            }
        }
        return ColumnSyntax(docs: docs, storedAttributes: attributes, name: name, storedType: type,
                            storedRange: range(from: start))
    }

    /// `attribute`, as `parseAttribute` parses it, for a column: a bare
    /// marker (`#[id]`) is read without building its name or an
    /// `AttributeSyntax`, and kept inline (see `ColumnAttributeStorage`).
    private mutating func appendColumnAttribute(to attributes: inout ColumnAttributeStorage) {
        let open = eat(.attributeOpen)
        guard at(.identifier) else {
            skipAttributeWithoutName()
            return
        }
        guard let marker = lexer.markerAttributeName(of: current) else {
            attributes.append(attribute(opened: open, name: eatIdentifier()))
            return
        }
        let nameToken = take()
        if at(.rightBracket),
           let compact = CompactMarkerAttribute(marker, start: open.start, nameStart: nameToken.start, end: current.end) {
            advance()
            attributes.append(compact)
            return
        }
        attributes.append(attribute(opened: open, name: Identifier(marker.spelling, range: nameToken.range)))
    }
}
