import CarburetorSchema

// Reporting syntax errors and getting back in step after one.

/// Guarantees that a loop advances: each iteration must start at a later
/// token than the one before, or the loop is forced past a token.
struct ProgressGuard {
    private var lastIndex = -1

    /// False when the parser stands where it stood at the previous iteration.
    mutating func madeProgress(at index: Int) -> Bool {
        defer { lastIndex = index }
        return index > lastIndex
    }
}

extension Parser {
    // MARK: Reporting

    /// Reports a token that should have come before the current one. The
    /// marker is an empty range right after the previous token, where the fix-it
    /// inserts it; the message names what was found instead.
    mutating func reportMissing(_ code: DiagnosticCode, _ expectation: String, insert: String? = nil,
                                help: String? = nil, notes: [DiagnosticNote] = []) {
        guard !current.followsLexicalError else { return }
        let at = SourceRange.empty(at: previousEnd)
        let fixIts = insert.map { [FixIt(replace: at, with: Parser.insertion($0, before: current))] } ?? []
        reportAtCurrentToken(Diagnostic(severity: .error, code: code,
                                        message: "\(expectation), found \(describe(current))",
                                        range: at, notes: notes, help: help, fixIts: fixIts))
    }

    /// Reports the current token as out of place; the marker is under it.
    mutating func reportUnexpected(_ code: DiagnosticCode, _ message: String, help: String? = nil,
                                   removable: Bool = false, fixIts extraFixIts: [FixIt] = []) {
        let range = current.range
        let fixIts = (removable ? [FixIt(replace: range, with: "")] : []) + extraFixIts
        reportAtCurrentToken(Diagnostic(severity: .error, code: code, message: message, range: range,
                                        help: help, fixIts: fixIts))
    }

    /// Reports an error that is not about the current token (a block given
    /// twice, a dangling doc comment); never suppressed.
    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                         notes: [DiagnosticNote] = [], help: String? = nil, fixIts: [FixIt] = []) {
        diagnostics.append(Diagnostic(severity: .error, code: code, message: message, range: range,
                                      notes: notes, help: help, fixIts: fixIts))
    }

    /// One error per token: a second one at the same place is a cascade of the first.
    private mutating func reportAtCurrentToken(_ diagnostic: Diagnostic) {
        guard index != lastErrorTokenIndex else { return }
        lastErrorTokenIndex = index
        diagnostics.append(diagnostic)
    }

    /// Text to insert for a missing token: `,` hugs the previous token, others get a space.
    private static func insertion(_ text: String, before token: LexedToken) -> String {
        switch text {
        case ",", ")", ">", "]", "!": text
        default: " " + text
        }
    }

    // MARK: Resynchronising

    /// Skips tokens until `stop` holds or an unmatched `}` or the end of the
    /// file is reached. A `{ … }` met on the way is skipped whole, so garbage
    /// holding braces cannot end the enclosing block early. Linear: each token
    /// is passed once.
    mutating func skip(until stop: (inout Parser) -> Bool) {
        var depth = 0
        while !atEndOfFile {
            if depth == 0, stop(&self) { return }
            switch current.kind {
            case .leftBrace:
                depth += 1
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
            default:
                break
            }
            advance()
        }
    }

    /// Called when a `ProgressGuard` finds the parser stuck: moves past one
    /// token so the loop cannot spin. Correct recovery code never needs this.
    mutating func forceProgress() {
        forcedSkips += 1
        advance()
    }

    // MARK: What starts what

    /// `name {`, or `name(` at the start of a line: a table header, which can never be a column.
    /// Whatever `atTopLevelBlockStart` accepts is one too (`tables {`), so
    /// inside a table this test alone finds both.
    var atTableStart: Bool {
        mutating get {
            guard at(.identifier) else { return false }
            let next = peek().kind
            return next == .leftBrace || (next == .leftParen && current.isAtStartOfLine)
        }
    }

    /// `name {`: a group header, which can never be a group entry.
    var atGroupStart: Bool {
        mutating get { at(.identifier) && peek().kind == .leftBrace }
    }

    /// `tables {` or `sync_groups {` at the start of a line indented no deeper
    /// than the block being parsed: the next top-level block, so the current
    /// block's `}` is missing. (A table merely named `sync_groups` is indented
    /// inside its block and still parses as a table.)
    mutating func atTopLevelBlockStart(outdentedTo blockIndentation: Int) -> Bool {
        guard current.isAtStartOfLine, at(.identifier), peek().kind == .leftBrace,
              at(word: "tables") || at(word: "sync_groups") else { return false }
        return indentation(of: current) <= blockIndentation
    }
}
