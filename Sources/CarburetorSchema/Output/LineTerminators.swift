/// Config text (doc comments, default strings) and paths end up inside
/// comments and headers of generated Swift, SQL and Markdown. A line break
/// the target language recognises there ends the comment, and whatever
/// follows would be read as code (a lone `\r` in a `///` line is a line end
/// to Swift, a `\r` before `- ` starts a Markdown list item). Every writer of
/// such text splits or flattens it here, so no language sees a line end the
/// writer did not put there itself.
public enum LineTerminators {
    /// LF, CR, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR
    /// (U+2029), and VT and FF, which Unicode also counts as mandatory breaks.
    public static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// True when `text` holds any line terminator.
    public static func containsLineTerminator<Text: StringProtocol>(_ text: Text) -> Bool {
        text.unicodeScalars.contains(where: isLineTerminator)
    }

    /// The lines of `text`, split at every line terminator (CR LF counts as
    /// one). An empty text is one empty line.
    public static func lines(_ text: String) -> [Substring] {
        guard containsLineTerminator(text) else { return [Substring(text)] }
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isLineTerminator(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(text[lineStart..<index])
            index = scalars.index(after: index)
            if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
                index = scalars.index(after: index)
            }
            lineStart = index
        }
        lines.append(text[lineStart..<scalars.endIndex])
        return lines
    }

    /// `text` on one line: each line terminator (CR LF as one) becomes a space.
    public static func singleLine(_ text: String) -> String {
        guard containsLineTerminator(text) else { return text }
        return lines(text).joined(separator: " ")
    }
}
