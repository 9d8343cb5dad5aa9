import CarburetorSchema

// The file and its top-level blocks.

extension Parser {
    static let macroName: StaticString = "carburetor_sync_config"

    /// `config = macro_wrapper | block_list ;`
    ///
    /// The lexer reads the file's bytes through an unsafe buffer lent for the
    /// duration of this call.
    mutating func parseConfig() -> ConfigSyntax {
        file.utf8.withUnsafeBufferPointer { bytes in
            lexer = Lexer(bytes: bytes, keepComments: false, dropsUnknownTokens: true)
            // Sized up front: a config has a distinct name (a table's, most
            // often) every few hundred bytes.
            lexer.names = NameTable(expectedNames: bytes.count / 512)
            current = lexer.nextToken()
            var wrapper: SourceRange?
            var blocks: [BlockSyntax]
            if at(word: Parser.macroName), peek().kind == .bang || peek().kind == .leftBrace {
                (wrapper, blocks) = parseMacroWrapper()
            } else {
                blocks = parseBlockList(insideWrapper: false)
            }
            if !atEndOfFile {
                // Only reachable after a wrapper's closing brace.
                let start = current.range.start
                let message = "unexpected \(describe(current)) after the end of the config"
                while !atEndOfFile { advance() }
                report(.unexpectedToken, message, at: range(from: start),
                       help: "nothing may follow the closing '}' of '\(Parser.macroName)!'")
            }
            return ConfigSyntax(macroWrapper: wrapper, blocks: blocks, range: SourceRange(start: 0, end: file.utf8.count))
        }
    }

    /// `macro_wrapper = "carburetor_sync_config" "!" "{" block_list "}" ;`
    mutating func parseMacroWrapper() -> (SourceRange, [BlockSyntax]) {
        let name = eatIdentifier()
        _ = expect(.bang, context: "after '\(Parser.macroName)'")
        let open = expect(.leftBrace, context: "after '\(Parser.macroName)!'")
        let blocks = parseBlockList(insideWrapper: true)
        _ = expect(.rightBrace, .unclosedDelimiter, context: "to close '\(Parser.macroName)!'",
                   notes: open.map { [DiagnosticNote("'{' opened here", at: $0.range)] } ?? [])
        return (range(from: name.range.start), blocks)
    }

    /// `block_list = { block } ;` (each block at most once).
    mutating func parseBlockList(insideWrapper: Bool) -> [BlockSyntax] {
        var blocks: [BlockSyntax] = []
        var firstKeyword: [BlockKind: Identifier] = [:]
        var progress = ProgressGuard()
        while !atEndOfFile, !(insideWrapper && at(.rightBrace)) {
            guard progress.madeProgress(at: index) else { forceProgress(); continue }
            if at(.identifier), peek().kind == .leftBrace || at(word: "tables") || at(word: "sync_groups") {
                // `tables tables`: the second word is already reported as the missing '{'.
                let keywordAlreadyReported = lastErrorTokenIndex == index
                let block = parseBlock()
                if block.kind != .unknown, !keywordAlreadyReported {
                    if let first = firstKeyword[block.kind] {
                        report(.duplicateBlock, "'\(block.keyword.text)' block given twice", at: block.keyword.range,
                               notes: [DiagnosticNote("first given here", at: first.range)],
                               help: "merge the two '\(block.keyword.text)' blocks into one")
                    } else {
                        firstKeyword[block.kind] = block.keyword
                    }
                }
                blocks.append(block)
            } else if at(.docComment) {
                reportDanglingDocComments(help: "a doc comment documents the table, column or group after it; "
                                              + "use '//' for a comment about the file")
            } else if at(.rightBrace) {
                // Only outside a wrapper: a run of stray closing braces, reported once.
                let start = current.range.start
                while at(.rightBrace) { advance() }
                report(.unexpectedToken, "unexpected '}' at top level", at: range(from: start),
                       help: "remove it; it closes no block", fixIts: [FixIt(replace: range(from: start), with: "")])
            } else {
                reportUnexpected(.expectedToken,
                                 "expected 'tables' or 'sync_groups', found \(describe(current))")
                skip { (parser: inout Parser) in parser.at(.identifier) && parser.peek().kind == .leftBrace }
            }
        }
        return blocks
    }

    /// `block = tables_block | sync_groups_block ;` and, for recovery, an
    /// unknown word followed by a braced body, which is reported and skipped.
    mutating func parseBlock() -> BlockSyntax {
        let keywordToken = current
        let keyword = eatIdentifier()
        let indentation = indentation(of: keywordToken)
        switch Parser.blockKind(of: keyword.text) {
        case .tables:
            return parseTablesBlock(keyword: keyword, indentation: indentation)
        case .syncGroups:
            return parseSyncGroupsBlock(keyword: keyword, indentation: indentation)
        case .unknown:
            reportUnknownBlock(keyword)
            if at(.leftBrace) { skipBracedBody() }
            return BlockSyntax(kind: .unknown, keyword: keyword, range: range(from: keyword.range.start))
        }
    }

    static func blockKind(of word: String) -> BlockKind {
        switch word {
        case "tables": .tables
        case "sync_groups": .syncGroups
        default: .unknown
        }
    }

    private mutating func reportUnknownBlock(_ keyword: Identifier) {
        let suggestion = Parser.suggestBlockKeyword(for: keyword.text)
        // `user { name -> Text }` at top level: a table written outside `tables`.
        let looksLikeTable = at(.leftBrace)
            && (peek().kind == .attributeOpen || (peek().kind == .identifier && peek(2).kind == .arrow))
        let help = if let suggestion {
            "did you mean '\(suggestion)'?"
        } else if looksLikeTable {
            "a table is declared inside 'tables { … }'"
        } else {
            "the top-level blocks are 'tables' and 'sync_groups'"
        }
        report(.unknownBlock, "unknown top-level block '\(Parser.abbreviated(keyword.text))'", at: keyword.range,
               help: help, fixIts: suggestion.map { [FixIt(replace: keyword.range, with: $0)] } ?? [])
    }

    /// Skips `{ … }` by brace matching (iteratively: any depth is fine).
    private mutating func skipBracedBody() {
        let open = eat(.leftBrace)
        var depth = 1
        while !atEndOfFile {
            if at(.leftBrace) { depth += 1 }
            if at(.rightBrace) {
                depth -= 1
                if depth == 0 { advance(); return }
            }
            advance()
        }
        reportMissing(.unclosedDelimiter, "expected '}' to close the block", insert: "}",
                      notes: [DiagnosticNote("'{' opened here", at: open.range)])
    }

    /// "did you mean …" for a misspelt block keyword.
    static func suggestBlockKeyword(for word: String) -> String? {
        let lowered = word.lowercased()
        if lowered.contains("group") { return "sync_groups" }
        if lowered.contains("table") { return "tables" }
        let candidates = ["tables", "sync_groups"]
        return candidates
            .map { ($0, editDistance(lowered, $0)) }
            .filter { $0.1 <= max(1, $0.0.count / 3) }
            .min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance; only ever called on short words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars.prefix(64)), b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    /// Consumes a run of doc comments that document nothing and reports them once.
    mutating func reportDanglingDocComments(help: String) {
        let start = current.range.start
        while at(.docComment) { advance() }
        reportDanglingDocComments(range(from: start), help: help)
    }

    mutating func reportDanglingDocComments(_ range: SourceRange, help: String) {
        report(.danglingDocComment, "doc comment does not document anything", at: range, help: help)
    }
}
