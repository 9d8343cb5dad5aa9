import CarburetorSchema

/// Escaping for text that comes from the config (doc comments, default
/// strings): it must show literally, whatever Markdown characters it holds.
enum MarkdownEscaping {
    /// ASCII punctuation that can start or end Markdown syntax anywhere in a line.
    private static let inlineSpecials: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "$",
    ]

    /// Escapes one line of user text for a paragraph or a table cell.
    static func escapeLine(_ line: String) -> String {
        var result = ""
        for character in line {
            if inlineSpecials.contains(character) { result.append("\\") }
            result.append(character)
        }
        return escapeLineStart(result)
    }

    /// Characters that only matter at the start of a line: list markers,
    /// setext underlines, ordered-list numbers (`1.` / `1)`).
    private static func escapeLineStart(_ line: String) -> String {
        let indentation = line.prefix { $0 == " " }
        let rest = line.dropFirst(indentation.count)
        guard let first = rest.first else { return line }
        if first == "-" || first == "+" || first == "=" {
            return indentation + "\\" + rest
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = rest.dropFirst(digits.count).first, after == "." || after == ")" {
            return indentation + digits + "\\" + rest.dropFirst(digits.count)
        }
        return line
    }

    /// Text of several lines as paragraphs: lines stay lines (soft breaks),
    /// blank lines separate paragraphs, trailing spaces (hard breaks) go.
    /// Every line terminator counts (CommonMark ends lines at a lone CR too),
    /// so no line of the text starts Markdown syntax unescaped.
    static func escapeParagraphs(_ text: String) -> String {
        LineTerminators.lines(text)
            .map { line -> String in
                var trimmed = Substring(line)
                while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
                return escapeLine(String(trimmed))
            }
            .joined(separator: "\n")
    }

    /// Text for one table cell: a single line.
    static func escapeCell(_ text: String) -> String {
        LineTerminators.lines(text)
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .map { escapeLine(String($0)) }
            .joined(separator: " ")
    }

    /// Inline code; identifiers never contain backticks, but default strings
    /// may. Inside a table cell GitHub reads `\|` as a literal pipe even in code.
    /// A code span is one line: a line break in it (a blank line ends the
    /// paragraph, and the code span with it) becomes a space.
    static func code(_ text: String, inTable: Bool = false) -> String {
        let text = LineTerminators.singleLine(text)
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let padding = text.hasPrefix("`") || text.hasSuffix("`") || text.hasPrefix(" ") ? " " : ""
        let cellSafe = inTable ? text.replacingAll("|", with: "\\|") : text
        return fence + padding + cellSafe + padding + fence
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " || result.first == "\t" { result = result.dropFirst() }
        while result.last == " " || result.last == "\t" { result = result.dropLast() }
        return result
    }
}

extension String {
    /// Plain replacement without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
