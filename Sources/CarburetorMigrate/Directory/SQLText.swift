/// How migration files are read: as Unicode scalars, never as Swift
/// `Character`s.
///
/// A file checked out on Windows ends its lines with `"\r\n"`, which Swift
/// treats as one `Character`; splitting on `"\n"` then sees the whole file as
/// one line. PostgreSQL's own scanner ends a line (and a `--` comment) at
/// `\n` or `\r`, so these helpers do the same, at the scalar level: `\r\n`,
/// `\r` and `\n` all end a line, and a leading UTF-8 byte-order mark is
/// dropped (PostgreSQL would reject it as a syntax error).
public enum SQLText {
    static let byteOrderMark: Unicode.Scalar = "\u{FEFF}"

    /// The text's lines without their terminators, a leading BOM dropped.
    public static func lines(_ text: String) -> [String] {
        var scalars = text.unicodeScalars[...]
        if scalars.first == byteOrderMark { scalars = scalars.dropFirst() }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            switch scalar {
            case "\n":
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case "\r":
                lines.append(String(current))
                current = String.UnicodeScalarView()
                if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
            default:
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// The statements of a SQL text, split at top-level `;`, with comments
    /// removed and whitespace trimmed; empty statements are dropped.
    /// Understands `--` and nested `/* */` comments, `'…'` (and `E'…'`)
    /// strings, `"…"` identifiers and `$tag$…$tag$` bodies, so a `;` inside
    /// any of them does not end a statement.
    public static func statements(_ text: String) -> [String] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == byteOrderMark { scalars.removeFirst() }
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            let statement = String(current).trimmingWhitespace()
            if !statement.isEmpty { statements.append(statement) }
            current = String.UnicodeScalarView()
        }
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "-" where at(1) == "-":
                while index < scalars.count, scalars[index] != "\n", scalars[index] != "\r" { index += 1 }
                current.append(" ")
            case "/" where at(1) == "*":
                var depth = 0
                while index < scalars.count {
                    if scalars[index] == "/", at(1) == "*" { depth += 1; index += 2 }
                    else if scalars[index] == "*", at(1) == "/" { depth -= 1; index += 2; if depth == 0 { break } }
                    else { index += 1 }
                }
                current.append(" ")
            case "'", "\"":
                let escapes = scalar == "'" && index > 0 && (scalars[index - 1] == "E" || scalars[index - 1] == "e")
                    && (index < 2 || !isIdentifierPart(scalars[index - 2]))
                current.append(scalar)
                index += 1
                while index < scalars.count {
                    let inner = scalars[index]
                    current.append(inner)
                    index += 1
                    if escapes, inner == "\\", index < scalars.count {
                        current.append(scalars[index])
                        index += 1
                    } else if inner == scalar {
                        break
                    }
                }
                continue
            case "$":
                if let tag = dollarTag(scalars, at: index) {
                    current.append(contentsOf: tag)
                    index += tag.count
                    while index < scalars.count {
                        if scalars[index] == "$", Array(scalars[index..<min(scalars.count, index + tag.count)]) == tag {
                            current.append(contentsOf: tag)
                            index += tag.count
                            break
                        }
                        current.append(scalars[index])
                        index += 1
                    }
                    continue
                }
                current.append(scalar)
                index += 1
                continue
            case ";":
                finish()
                index += 1
                continue
            default:
                current.append(scalar)
                index += 1
                continue
            }
        }
        finish()
        return statements
    }

    /// True when the text holds something besides comments, whitespace and `;`.
    public static func hasCode(_ text: String) -> Bool {
        !statements(text).isEmpty
    }

    /// `$$` or `$tag$` starting at `index` (not `$1`, not part of an identifier).
    private static func dollarTag(_ scalars: [Unicode.Scalar], at index: Int) -> [Unicode.Scalar]? {
        if index > 0, isIdentifierPart(scalars[index - 1]) { return nil }
        var end = index + 1
        while end < scalars.count, scalars[end] != "$" {
            guard isIdentifierPart(scalars[end]), !(end == index + 1 && scalars[end].properties.numericType != nil)
            else { return nil }
            end += 1
        }
        guard end < scalars.count else { return nil }
        return Array(scalars[index...end])
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.value >= 0x80
    }
}
