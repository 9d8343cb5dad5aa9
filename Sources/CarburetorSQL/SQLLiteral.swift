/// PostgreSQL literals for defaults, comments and trigger arguments.
public enum SQLLiteral {
    /// A string constant that means the same under either setting of
    /// `standard_conforming_strings`: plain `'…'` (quotes doubled) when the
    /// text has no backslash or control character, otherwise an escape
    /// string `E'…'` where backslash, newline, tab and the other control
    /// characters are spelled with backslash escapes. Other Unicode is kept
    /// as UTF-8.
    public static func string(_ text: String) -> String {
        let needsEscapes = text.unicodeScalars.contains { $0 == "\\" || isControl($0) }
        guard needsEscapes else {
            return "'" + doubling("'", in: text) + "'"
        }
        var body = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": body += "\\\\"
            case "'": body += "''"
            case "\n": body += "\\n"
            case "\r": body += "\\r"
            case "\t": body += "\\t"
            case _ where isControl(scalar):
                body += "\\u" + hex(scalar.value, digits: 4)
            default:
                body.unicodeScalars.append(scalar)
            }
        }
        return "E'" + body + "'"
    }

    /// A numeric constant exactly as written (`-1`, `2.50`, `0`): the
    /// resolver has already checked it is `-?[0-9]+(\.[0-9]+)?`. Anything else
    /// is turned into a quoted string so malformed input cannot inject SQL.
    public static func number(_ literal: String) -> String {
        isNumberLiteral(literal) ? literal : string(literal)
    }

    /// `-?[0-9]+(\.[0-9]+)?`
    public static func isNumberLiteral(_ literal: String) -> Bool {
        var rest = Substring(literal)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 2
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `text` with every `quote` written twice, as SQL escapes a quote
    /// inside quotes; a text without one is returned as it is.
    static func doubling(_ quote: Unicode.Scalar, in text: String) -> String {
        guard text.unicodeScalars.contains(quote) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(scalar)
            if scalar == quote { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
