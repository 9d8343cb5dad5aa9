import CarburetorSchema

// Columns: `{ doc | attribute } name -> Type`.

extension Parser {
    /// `column = { DOC_COMMENT | attribute } IDENT "->" type ;`
    ///
    /// Returns `nil` only when no column name follows the doc comments and
    /// attributes (reported); the caller then skips to the next column.
    mutating func parseColumn() -> ColumnSyntax? {
        guard let (start, docs, attributes, name) = parseItemHeader(item: "column", writtenAs: "'name -> Type'") else {
            return nil
        }
        var type: TypeSyntax?
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
        return ColumnSyntax(docs: docs, attributes: attributes, name: name, type: type, range: range(from: start))
    }
}

extension Parser {
    /// `{ DOC_COMMENT | attribute } IDENT`, the start of a table or a column:
    /// its doc comments, attributes and name; `nil` (reported) when no name
    /// follows.
    mutating func parseItemHeader(item: String, writtenAs form: String)
        -> (start: Int, docs: [DocComment], attributes: [AttributeSyntax], name: Identifier)? {
        let start = current.range.start
        var docs: [DocComment] = []
        var attributes: [AttributeSyntax] = []
        while true {
            if at(.docComment) {
                parseDocComments(into: &docs)
            } else if at(.attributeOpen) {
                if let attribute = parseAttribute() { attributes.append(attribute) }
            } else {
                break
            }
        }
        guard at(.identifier) else {
            if attributes.isEmpty {
                reportDanglingDocComments(range(from: start), help: "a doc comment must come right before a \(item)")
            } else {
                reportMissing(.expectedToken, "expected a \(item) name after its attributes",
                              help: "a \(item) is written \(form)")
            }
            return nil
        }
        return (start, docs, attributes, eatIdentifier())
    }
}
