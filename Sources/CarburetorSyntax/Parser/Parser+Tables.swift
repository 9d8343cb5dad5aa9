import CarburetorSchema

// The `tables` block and each table in it.

extension Parser {
    /// `tables_block = "tables" "{" { table } "}" ;`
    mutating func parseTablesBlock(keyword: Identifier, indentation: Int) -> BlockSyntax {
        var tables: [TableSyntax] = []
        parseBlockBody(keyword: keyword, indentation: indentation, itemDescription: "a table",
                       itemSeparatorHelp: "tables are not separated by commas", itemsTakeAttributes: true) { parser in
            guard let table = parser.parseTable() else { return }
            tables.append(table)
        }
        // An exactly sized copy: the array grew by doubling and may be half empty.
        var exactTables: [TableSyntax] = []
        exactTables.reserveCapacity(tables.count)
        exactTables.append(contentsOf: tables)
        tables = []
        return BlockSyntax(kind: .tables, keyword: keyword, tables: exactTables, range: range(from: keyword.range.start))
    }

    /// The braces of a top-level block around its tables or groups, with the
    /// recovery both share. `parseItem` is called at an identifier or a doc comment.
    mutating func parseBlockBody(keyword: Identifier, indentation: Int, itemDescription: String,
                                 itemSeparatorHelp: String, itemsTakeAttributes: Bool = false,
                                 parseItem: (inout Parser) -> Void) {
        let outerIndentation = blockIndentation
        blockIndentation = indentation
        defer { blockIndentation = outerIndentation }

        let open = expect(.leftBrace, context: "after '\(Parser.abbreviated(keyword.text))'")
        // Without its '{', go on only when a table or group header follows.
        if open == nil, !(at(.docComment) || (at(.identifier) && peek().kind == .leftBrace))
            || atTopLevelBlockStart(outdentedTo: indentation) {
            return
        }
        var progress = ProgressGuard()
        while consume(if: .rightBrace) == nil {
            guard progress.madeProgress(at: index) else { forceProgress(); continue }
            if atEndOfFile || atTopLevelBlockStart(outdentedTo: indentation) {
                reportMissing(.unclosedDelimiter, "expected '}' to close the '\(Parser.abbreviated(keyword.text))' block", insert: "}",
                              notes: open.map { [DiagnosticNote("'{' opened here", at: $0.range)] } ?? [])
                return
            }
            if at(.identifier) || at(.docComment) || (itemsTakeAttributes && at(.attributeOpen)) {
                parseItem(&self)
            } else if at(.comma) {
                reportUnexpected(.unexpectedToken, "unexpected ','", help: itemSeparatorHelp, removable: true)
                advance()
            } else {
                reportUnexpected(.expectedToken, "expected \(itemDescription), found \(describe(current))")
                skip { (parser: inout Parser) in
                    parser.at(.docComment) || (parser.at(.identifier) && parser.peek().kind == .leftBrace)
                        || parser.atTopLevelBlockStart(outdentedTo: indentation)
                }
            }
        }
    }

    /// `table = { DOC_COMMENT | attribute } IDENT [ table_arguments ] table_body ;`
    mutating func parseTable() -> TableSyntax? {
        guard let (start, docs, attributes, name) = parseItemHeader(item: "table", writtenAs: "'name { columns }'") else {
            return nil
        }
        let arguments = at(.leftParen) ? parseTableArguments(of: name) : nil
        let (columns, bodyRange) = parseTableBody(of: name)
        return TableSyntax(docs: docs, attributes: attributes, name: name, arguments: arguments, columns: columns, bodyRange: bodyRange,
                           range: range(from: start))
    }

    /// `table_arguments = "(" [ argument_list ] ")" ;`
    mutating func parseTableArguments(of table: Identifier) -> [ArgumentSyntax] {
        let open = eat(.leftParen)
        let arguments = parseArgumentList()
        _ = expect(.rightParen, .unclosedDelimiter, context: "to close the arguments of table '\(Parser.abbreviated(table.text))'",
                   notes: [DiagnosticNote("'(' opened here", at: open.range)])
        return arguments
    }

    /// `table_body = "{" [ column { "," column } [ "," ] ] "}" ;`
    mutating func parseTableBody(of table: Identifier) -> (columns: [ColumnSyntax], range: SourceRange) {
        let open = consume(if: .leftBrace)
        let bodyStart = open?.range.start ?? current.range.start
        if open == nil {
            reportMissing(.expectedToken, "expected '{' after table '\(Parser.abbreviated(table.text))'", insert: "{")
            // Go on as if it were there only when columns follow.
            guard at(.attributeOpen) || (at(.identifier) && peek().kind == .arrow) else {
                return ([], .empty(at: previousEnd))
            }
        }
        var progress = ProgressGuard()
        while consume(if: .rightBrace) == nil {
            guard progress.madeProgress(at: index) else { forceProgress(); continue }
            // A table header (the next top-level block's `tables {` is one
            // too) means this table's `}` is missing.
            if atEndOfFile || atTableStart {
                reportMissing(.unclosedDelimiter, "expected '}' to close table '\(Parser.abbreviated(table.text))'", insert: "}",
                              notes: open.map { [DiagnosticNote("'{' opened here", at: $0.range)] } ?? [])
                break
            }
            if at(.comma) {
                reportUnexpected(.unexpectedToken, "unexpected ','", help: "one ',' separates two columns",
                                 removable: true)
                advance()
            } else if at(.identifier) || at(.attributeOpen) || at(.docComment) {
                if let column = parseColumn() {
                    columnBuffer.append(column)
                    expectColumnSeparator()
                } else {
                    skipToColumnBoundary()
                }
            } else {
                reportUnexpected(.expectedToken, "expected a column, found \(describe(current))",
                                 help: "a column is written 'name -> Type'")
                skipToColumnBoundary()
            }
        }
        return (columnBuffer.takeAll(), range(from: bodyStart))
    }

    /// What may follow a column: `,`, the closing `}`, or (reported) a missing comma.
    private mutating func expectColumnSeparator() {
        if consume(if: .comma) != nil { return }
        if at(.rightBrace) || atEndOfFile || atTableStart {
            return
        }
        let nextColumnFollows = at(.attributeOpen) || at(.docComment)
            || (at(.identifier) && (current.isAtStartOfLine || peek().kind == .arrow))
        if nextColumnFollows {
            reportMissing(.missingComma, "expected ',' between columns", insert: ",",
                          help: "columns are separated by ','")
            return
        }
        reportUnexpected(.expectedToken, "expected ',' or '}' after a column, found \(describe(current))")
        skipToColumnBoundary()
    }

    /// After an error inside a table: on to the next `,` (consumed), `}`, or
    /// column starting a line.
    private mutating func skipToColumnBoundary() {
        skip { (parser: inout Parser) in
            parser.at(.comma) || parser.atTableStart
                || (parser.current.isAtStartOfLine
                    && (parser.at(.identifier) || parser.at(.attributeOpen) || parser.at(.docComment)))
        }
        _ = consume(if: .comma)
    }

    /// `{ DOC_COMMENT }` before a table, column or group.
    mutating func parseDocComments(into docs: inout [DocComment]) {
        while at(.docComment) {
            let token = take()
            docs.append(DocComment(lexer.docCommentText(of: token), range: token.range))
        }
    }
}
