import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Semantic tokens from the lexer's tokens, names classified by what they
/// refer to (a table, a column, a type …). Tokens spanning lines (block
/// comments) are split per line, as clients without multi-line support need.
enum SemanticTokenProvider {
    private static func index(_ name: String) -> Int {
        Capabilities.semanticTokenTypes.firstIndex(of: name) ?? 0
    }

    static func tokens(in analysis: DocumentAnalysis) -> SemanticTokens {
        var diagnostics = DiagnosticCollector(keepsNotes: false)
        let tokens = Lexer.tokenize(analysis.file, keepComments: true, diagnostics: &diagnostics)
        var occurrencesByEnd: [Int: Occurrence] = [:]
        for occurrence in analysis.occurrences { occurrencesByEnd[occurrence.range.end] = occurrence }
        var encoder = Encoder(lines: analysis.lines)
        for token in tokens {
            guard let (type, modifiers) = classify(token, occurrencesByEnd: occurrencesByEnd) else { continue }
            encoder.add(token.range, type: type, modifiers: modifiers)
        }
        return SemanticTokens(data: encoder.data)
    }

    private static func classify(_ token: Token, occurrencesByEnd: [Int: Occurrence]) -> (Int, Int)? {
        switch token.kind {
        case .comment: return (index("comment"), 0)
        case .docComment: return (index("comment"), 2)
        case .string: return (index("string"), 0)
        case .number: return (index("number"), 0)
        case .arrow, .equals, .dollar, .bang: return (index("operator"), 0)
        case .attributeOpen: return (index("decorator"), 0)
        case .identifier:
            guard let occurrence = occurrencesByEnd[token.range.end], occurrence.range.start <= token.range.start else {
                if token.stringValue == "carburetor_sync_config" { return (index("keyword"), 0) }
                if ["Now", "Null", "EmptyJson", "Text", "Number"].contains(token.stringValue) {
                    return (index("enumMember"), 0)
                }
                return nil
            }
            let declaration = occurrence.isDeclaration ? 1 : 0
            switch occurrence.symbol {
            case .table: return (index("class"), declaration)
            case .column: return (index("property"), declaration)
            case .group: return (index("namespace"), declaration)
            case .variable: return (index("variable"), 0)
            case .type: return (index("type"), 0)
            case .attribute: return (index("decorator"), 0)
            case .argument: return (index("parameter"), 0)
            case .keyword: return (index("keyword"), 0)
            }
        default:
            return nil
        }
    }

    /// The protocol's relative encoding: line delta, start delta, length, type, modifiers.
    private struct Encoder {
        let lines: LineMap
        var data: [Int] = []
        var previousLine = 0
        var previousStart = 0

        mutating func add(_ range: SourceRange, type: Int, modifiers: Int) {
            let start = lines.position(of: range.start)
            let end = lines.position(of: range.end)
            guard start.line != end.line else {
                append(line: start.line, start: start.character, length: end.character - start.character,
                       type: type, modifiers: modifiers)
                return
            }
            let file = lines.file
            for line in start.line...end.line {
                let from = line == start.line ? start.character : 0
                let to = line == end.line ? end.character : file.lineText(line).utf16.count
                append(line: line, start: from, length: to - from, type: type, modifiers: modifiers)
            }
        }

        private mutating func append(line: Int, start: Int, length: Int, type: Int, modifiers: Int) {
            guard length > 0 else { return }
            let deltaLine = line - previousLine
            let deltaStart = deltaLine == 0 ? start - previousStart : start
            data += [deltaLine, deltaStart, length, type, modifiers]
            previousLine = line
            previousStart = start
        }
    }
}
