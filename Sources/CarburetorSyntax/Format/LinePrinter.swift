import CarburetorSchema

/// Builds the formatter's output line by line. Line breaks are requested, not
/// written, so a comment that trailed a token in the source can still join
/// that token's line before the break happens.
struct LinePrinter {
    private(set) var lines: [String] = []
    private var current = ""
    private var lineIsOpen = false
    private var breakRequested = false
    private var blankRequested = false
    /// True right after an opening brace: no blank line may follow it.
    private var atContainerStart = true
    var indentLevel = 0

    static let indentUnit = "    "

    /// True when the next word will begin a new line.
    var isAtLineStart: Bool { breakRequested || !lineIsOpen }

    /// Ends the current line before the next word.
    mutating func requestBreak() {
        if lineIsOpen { breakRequested = true }
    }

    /// Puts one empty line before the next line, unless the next line opens
    /// or closes a container.
    mutating func requestBlankLine() {
        requestBreak()
        blankRequested = true
    }

    /// Drops a pending blank line (before a closing brace).
    mutating func cancelBlankLine() {
        blankRequested = false
    }

    /// Writes `text`, on a new line if a break is pending, else after a space when `spaced`.
    mutating func word(_ text: String, spaced: Bool) {
        if breakRequested || !lineIsOpen {
            startLine()
            current += text
        } else {
            current += (spaced ? " " : "") + text
        }
    }

    /// A comment that followed a token on the same source line: it joins the
    /// current line whatever break is pending.
    mutating func trailing(_ text: String) {
        if lineIsOpen {
            current += " " + text
        } else {
            word(text, spaced: false)
        }
    }

    /// The next line may not be preceded by a blank line (after `{`).
    mutating func markContainerStart() {
        atContainerStart = true
        blankRequested = false
    }

    private mutating func startLine() {
        if lineIsOpen { flush() }
        if blankRequested, !atContainerStart, !lines.isEmpty { lines.append("") }
        blankRequested = false
        breakRequested = false
        atContainerStart = false
        current = String(repeating: Self.indentUnit, count: indentLevel)
        lineIsOpen = true
    }

    private mutating func flush() {
        var line = Substring(current)
        while line.last == " " || line.last == "\t" { line = line.dropLast() }
        lines.append(String(line))
        current = ""
        lineIsOpen = false
    }

    /// The finished text, ending with exactly one newline (empty for an empty file).
    mutating func finish() -> String {
        if lineIsOpen { flush() }
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: "\n") + "\n"
    }
}
