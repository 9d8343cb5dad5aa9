import CarburetorSchema

/// What `fmt` made of a file: the canonical text, or the syntax errors that
/// stopped it (a file that does not parse is never rewritten).
public struct FormatResult: Sendable {
    /// `nil` when the file has syntax errors.
    public var formatted: String?
    /// The lexer's and parser's diagnostics (errors when `formatted` is nil).
    public var diagnostics: [Diagnostic]

    public var hasSyntaxErrors: Bool { formatted == nil }
}

/// The canonical layout of a `.carb` file, computed from the lexer's tokens
/// with comments kept:
///
/// - 4-space indentation, one column or group entry per line, each ending
///   with a comma (a missing trailing comma is added);
/// - attributes and doc comments on their own lines above what they describe;
/// - one blank line between blocks and between tables or groups; a user's
///   blank lines elsewhere are kept, at most one in a row;
/// - argument lists on one line, `(plural = "x")`, without a trailing comma,
///   unless a comment sits inside them: then one argument per line;
/// - every comment is kept, a comment that trailed a token stays on its line.
///
/// Only whitespace, trailing commas and line breaks change, so the tokens
/// other than comments and trailing commas are the same before and after,
/// and formatting formatted text changes nothing.
public enum Formatter {
    public static func format(_ file: SourceFile) -> FormatResult {
        var syntaxDiagnostics = DiagnosticCollector()
        _ = Parser.parse(file, diagnostics: &syntaxDiagnostics)
        guard !syntaxDiagnostics.hasErrors else {
            return FormatResult(formatted: nil, diagnostics: syntaxDiagnostics.sorted)
        }
        var lexerDiagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(file, keepComments: true, diagnostics: &lexerDiagnostics)
        guard !lexerDiagnostics.hasErrors else {
            return FormatResult(formatted: nil, diagnostics: lexerDiagnostics.sorted)
        }
        var layout = TokenLayout(file: file, tokens: tokens)
        return FormatResult(formatted: layout.run(), diagnostics: syntaxDiagnostics.sorted)
    }
}

/// Walks the tokens once, deciding spaces and line breaks from a stack of
/// what each open brace holds.
struct TokenLayout {
    /// What the tokens between a pair of braces are.
    enum Container {
        /// The file itself or the macro wrapper's body: blocks.
        case blocks
        /// A `tables` or `sync_groups` body: tables or groups.
        case declarations
        /// A table or group body: comma-separated columns or entries.
        case items
    }

    let file: SourceFile
    let tokens: [Token]
    private var printer = LinePrinter()
    private var containers: [Container] = [.blocks]
    /// One entry per open parenthesis: true when it is laid out one argument per line.
    private var parentheses: [Bool] = []
    private var attributeDepth = 0
    private var previous: Token?

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens.filter { $0.kind != .endOfFile }
    }

    mutating func run() -> String {
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .comment || token.kind == .docComment {
                layOutComment(token)
                index += 1
                continue
            }
            if token.kind == .leftBrace, index + 1 < tokens.count, tokens[index + 1].kind == .rightBrace {
                // `{}` with nothing inside stays on the line.
                keepUserBlankLine(before: token)
                printer.word("{}", spaced: true)
                previous = tokens[index + 1]
                afterClosingBrace()
                index += 2
                continue
            }
            layOut(token, next: nextSignificantToken(after: index), at: index)
            previous = token
            index += 1
        }
        return printer.finish()
    }

    // MARK: Comments

    private mutating func layOutComment(_ token: Token) {
        let text = trimmedText(of: token)
        let isLineComment = token.kind == .docComment || text.hasPrefix("//")
        let startsLine = token.isAtStartOfLine || token.newlinesBefore > 0 || previous == nil && printer.isAtLineStart
        if startsLine {
            printer.requestBreak()
            keepUserBlankLine(before: token)
            printer.word(text, spaced: false)
            printer.requestBreak()
        } else {
            printer.trailing(text)
            if isLineComment { printer.requestBreak() }
        }
    }

    private func trimmedText(of token: Token) -> String {
        var text = Substring(file.text(in: token.range))
        while let last = text.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
            text = text.dropLast()
        }
        return String(text)
    }

    // MARK: Significant tokens

    private mutating func layOut(_ token: Token, next: Token?, at index: Int) {
        let text = file.text(in: token.range)
        switch token.kind {
        case .leftBrace:
            let opened = container(openedAfter: previous)
            printer.word("{", spaced: true)
            containers.append(opened)
            printer.indentLevel += 1
            printer.requestBreak()
            printer.markContainerStart()

        case .rightBrace:
            if containers.count > 1 { containers.removeLast() }
            printer.indentLevel = max(0, printer.indentLevel - 1)
            printer.cancelBlankLine()
            printer.requestBreak()
            printer.word("}", spaced: false)
            afterClosingBrace()

        case .comma:
            if let vertical = parentheses.last {
                // Inline argument lists drop their trailing comma.
                if !vertical, next?.kind == .rightParen { break }
                printer.word(",", spaced: false)
                if vertical { printer.requestBreak() }
            } else {
                printer.word(",", spaced: false)
                if attributeDepth == 0 { printer.requestBreak() }
            }

        case .leftParen:
            let vertical = containsComment(inParenthesesOpenedAt: index)
            printer.word("(", spaced: false)
            parentheses.append(vertical)
            if vertical {
                printer.indentLevel += 1
                printer.requestBreak()
            }

        case .rightParen:
            let vertical = parentheses.popLast() ?? false
            if vertical {
                printer.indentLevel = max(0, printer.indentLevel - 1)
                printer.requestBreak()
            }
            printer.word(")", spaced: false)

        case .attributeOpen:
            printer.requestBreak()
            keepUserBlankLine(before: token)
            printer.word(text, spaced: false)
            attributeDepth += 1

        case .rightBracket:
            printer.word(text, spaced: false)
            attributeDepth = max(0, attributeDepth - 1)
            if attributeDepth == 0 { printer.requestBreak() }

        default:
            keepUserBlankLine(before: token)
            printer.word(text, spaced: Self.needsSpace(between: previous, and: token))
        }
        addMissingTrailingComma(after: token, next: next)
    }

    /// Every column and group entry ends with a comma, and so does every
    /// table or entry argument of a list laid out one per line.
    private mutating func addMissingTrailingComma(after token: Token, next: Token?) {
        guard let next, token.kind != .comma else { return }
        if next.kind == .rightBrace, token.kind != .leftBrace, containers.last == .items,
           parentheses.isEmpty, attributeDepth == 0 {
            printer.word(",", spaced: false)
            printer.requestBreak()
        } else if next.kind == .rightParen, token.kind != .leftParen, parentheses.last == true,
                  attributeDepth == 0 {
            // Only argument lists allow a trailing comma; `#[default(…)]` does not.
            printer.word(",", spaced: false)
            printer.requestBreak()
        }
    }

    private mutating func afterClosingBrace() {
        printer.requestBreak()
        // Tables, groups and blocks are separated by one blank line.
        if containers.last == .declarations || containers.last == .blocks {
            printer.requestBlankLine()
        }
    }

    private func container(openedAfter token: Token?) -> Container {
        if token?.kind == .bang { return .blocks }
        switch containers.last ?? .blocks {
        case .blocks: return .declarations
        case .declarations, .items: return .items
        }
    }

    /// Keeps one blank line where the user left one or more before a token
    /// that begins a line.
    private mutating func keepUserBlankLine(before token: Token) {
        if token.newlinesBefore >= 2, printer.isAtLineStart {
            printer.requestBlankLine()
        }
    }

    private func nextSignificantToken(after index: Int) -> Token? {
        var cursor = index + 1
        while cursor < tokens.count {
            let kind = tokens[cursor].kind
            if kind != .comment && kind != .docComment { return tokens[cursor] }
            cursor += 1
        }
        return nil
    }

    private func containsComment(inParenthesesOpenedAt index: Int) -> Bool {
        var depth = 0
        var cursor = index
        while cursor < tokens.count {
            switch tokens[cursor].kind {
            case .leftParen: depth += 1
            case .rightParen:
                depth -= 1
                if depth == 0 { return false }
            case .comment, .docComment: return true
            case .leftBrace, .rightBrace: return false
            default: break
            }
            cursor += 1
        }
        return false
    }

    static func needsSpace(between previous: Token?, and token: Token) -> Bool {
        guard let previous else { return false }
        switch token.kind {
        case .comma, .rightParen, .rightAngle, .rightBracket, .leftParen, .leftAngle, .bang:
            return false
        default:
            break
        }
        switch previous.kind {
        case .leftParen, .leftAngle, .attributeOpen, .dollar:
            return false
        default:
            return true
        }
    }
}
