import CarburetorSchema

// The `sync_groups` block, each group and its entries.

extension Parser {
    /// `sync_groups_block = "sync_groups" "{" { group } "}" ;`
    mutating func parseSyncGroupsBlock(keyword: Identifier, indentation: Int) -> BlockSyntax {
        var groups: [GroupSyntax] = []
        parseBlockBody(keyword: keyword, indentation: indentation, itemDescription: "a group",
                       itemSeparatorHelp: "groups are not separated by commas") { parser in
            guard let group = parser.parseGroup() else { return }
            groups.append(group)
        }
        return BlockSyntax(kind: .syncGroups, keyword: keyword, groups: groups, range: range(from: keyword.range.start))
    }

    /// `group = { DOC_COMMENT } IDENT group_body ;`
    mutating func parseGroup() -> GroupSyntax? {
        let start = current.range.start
        var docs: [DocComment] = []
        parseDocComments(into: &docs)
        guard at(.identifier) else {
            reportDanglingDocComments(range(from: start), help: "a doc comment must come right before a group")
            return nil
        }
        let name = eatIdentifier()
        let (entries, bodyRange) = parseGroupBody(of: name)
        return GroupSyntax(docs: docs, name: name, entries: entries, bodyRange: bodyRange, range: range(from: start))
    }

    /// `group_body = "{" [ group_entry { "," group_entry } [ "," ] ] "}" ;`
    mutating func parseGroupBody(of group: Identifier) -> (entries: [GroupEntrySyntax], range: SourceRange) {
        let open = consume(if: .leftBrace)
        let bodyStart = open?.range.start ?? current.range.start
        if open == nil {
            reportMissing(.expectedToken, "expected '{' after group '\(Parser.abbreviated(group.text))'", insert: "{")
            guard at(.identifier), !atGroupStart, !atTopLevelBlockStart(outdentedTo: blockIndentation) else {
                return ([], .empty(at: previousEnd))
            }
        }
        var entries: [GroupEntrySyntax] = []
        var progress = ProgressGuard()
        while consume(if: .rightBrace) == nil {
            guard progress.madeProgress(at: index) else { forceProgress(); continue }
            if atEndOfFile || atGroupStart || atTopLevelBlockStart(outdentedTo: blockIndentation) {
                reportMissing(.unclosedDelimiter, "expected '}' to close group '\(Parser.abbreviated(group.text))'", insert: "}",
                              notes: open.map { [DiagnosticNote("'{' opened here", at: $0.range)] } ?? [])
                break
            }
            if at(.identifier) {
                entries.append(parseGroupEntry())
                expectGroupEntrySeparator()
            } else if at(.comma) {
                reportUnexpected(.unexpectedToken, "unexpected ','", help: "one ',' separates two group entries",
                                 removable: true)
                advance()
            } else if at(.docComment) {
                reportDanglingDocComments(help: "group entries cannot be documented; document the table instead")
            } else {
                reportUnexpected(.expectedToken, "expected a table name, found \(describe(current))",
                                 help: "a group lists tables by name: 'user, message'")
                skipToGroupEntryBoundary()
            }
        }
        return (entries, range(from: bodyStart))
    }

    /// What may follow a group entry: `,`, the closing `}`, or (reported) a missing comma.
    private mutating func expectGroupEntrySeparator() {
        if consume(if: .comma) != nil { return }
        if at(.rightBrace) || atEndOfFile || atGroupStart || atTopLevelBlockStart(outdentedTo: blockIndentation) {
            return
        }
        let nextEntryFollows = at(.identifier)
            && (current.isAtStartOfLine || [.comma, .rightBrace, .leftParen].contains(peek().kind))
        if nextEntryFollows {
            reportMissing(.missingComma, "expected ',' between group entries", insert: ",",
                          help: "group entries are separated by ','")
            return
        }
        reportUnexpected(.expectedToken, "expected ',' or '}' after a group entry, found \(describe(current))")
        skipToGroupEntryBoundary()
    }

    private mutating func skipToGroupEntryBoundary() {
        let indentation = blockIndentation
        skip { (parser: inout Parser) in
            parser.at(.comma) || parser.atGroupStart || parser.atTopLevelBlockStart(outdentedTo: indentation)
                || (parser.current.isAtStartOfLine && (parser.at(.identifier) || parser.at(.docComment)))
        }
        _ = consume(if: .comma)
    }

    /// `group_entry = IDENT [ entry_arguments ] ;`
    mutating func parseGroupEntry() -> GroupEntrySyntax {
        let table = eatIdentifier()
        let arguments = at(.leftParen) ? parseEntryArguments(of: table) : nil
        return GroupEntrySyntax(table: table, arguments: arguments, range: range(from: table.range.start))
    }

    /// `entry_arguments = "(" [ argument_list ] ")" ;`
    mutating func parseEntryArguments(of table: Identifier) -> [ArgumentSyntax] {
        let open = eat(.leftParen)
        let arguments = parseArgumentList()
        _ = expect(.rightParen, .unclosedDelimiter, context: "to close the arguments of '\(Parser.abbreviated(table.text))'",
                   notes: [DiagnosticNote("'(' opened here", at: open.range)])
        return arguments
    }
}
