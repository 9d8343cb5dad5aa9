import CarburetorSchema

/// Owns indentation and line breaks of generated Swift text.
struct CodePrinter {
    private(set) var text = ""
    private var level = 0
    private let indentUnit = "    "

    /// One line at the current indentation; an empty string prints an empty
    /// line. Only the printer ends lines: a line terminator inside `line`
    /// (from config text or a path) becomes a space, so it can never end a
    /// comment early and turn the rest of it into code.
    mutating func print(_ line: String = "") {
        let line = LineTerminators.singleLine(line)
        text += line.isEmpty ? "\n" : String(repeating: indentUnit, count: level) + line + "\n"
    }

    /// Prints `body` one level deeper.
    mutating func indent(_ body: (inout CodePrinter) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// `opening {`, the indented body, `}`.
    mutating func block(_ opening: String, _ body: (inout CodePrinter) -> Void) {
        print(opening + " {")
        indent(body)
        print("}")
    }

    /// `///` lines for a documentation text (each line of the text one comment
    /// line, whichever line terminator ends it).
    mutating func documentation(_ text: String?) {
        guard let text, !text.isEmpty else { return }
        for line in LineTerminators.lines(text) {
            print(line.isEmpty ? "///" : "/// " + line)
        }
    }
}
