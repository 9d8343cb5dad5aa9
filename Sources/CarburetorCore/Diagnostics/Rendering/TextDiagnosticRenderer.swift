/// The human format: a located header, the source line under a gutter with a
/// marker under the whole range, the fix hint, and the related places.
///
/// ```
/// app.carb:3:22: error[E0104]: unknown type 'Txt'
///  3 |     note -> Nullable<Txt>,
///    |                      ^~~
///    = help: did you mean 'Text'?
/// ```
public struct TextDiagnosticRenderer: DiagnosticRenderer {
    public var useColor: Bool
    /// Whether to end with "2 errors, 1 warning generated.".
    public var includeSummary: Bool

    public init(useColor: Bool = false, includeSummary: Bool = true) {
        self.useColor = useColor
        self.includeSummary = includeSummary
    }

    public func render(_ files: [FileDiagnostics]) -> String {
        var lines: [String] = []
        for entry in files {
            for diagnostic in entry.diagnostics {
                lines += render(diagnostic, in: entry.file)
                lines.append("")
            }
        }
        if includeSummary {
            let summary = SummaryLine.make(for: files)
            if !summary.isEmpty { lines.append(style(summary, .bold)) }
        }
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of one diagnostic with its help and notes (no blank line after).
    func render(_ diagnostic: Diagnostic, in file: SourceFile) -> [String] {
        let start = file.location(of: diagnostic.range.start)
        let locatedNotes = diagnostic.notes.filter { $0.range != nil }
        // One gutter width for the whole diagnostic, so its bars line up.
        let lastLine = ([diagnostic.range] + locatedNotes.compactMap(\.range))
            .map { file.location(of: $0.end).line }
            .max() ?? start.line
        let gutterWidth = String(lastLine).count + 1
        let gutterPad = String(repeating: " ", count: gutterWidth)

        var lines: [String] = []
        let severityText = "\(diagnostic.severity.label)[\(diagnostic.code.rawValue)]:"
        lines.append(
            style("\(file.name):\(start.line):\(start.column):", .bold) + " "
                + style(severityText, .bold, color(for: diagnostic.severity)) + " "
                + style(diagnostic.message, .bold)
        )
        lines += snippet(for: diagnostic.range, in: file, gutterWidth: gutterWidth,
                         markerColor: color(for: diagnostic.severity))
        if let help = diagnostic.help {
            lines.append(style("\(gutterPad) =", .bold, .blue) + " " + style("help:", .bold, .green) + " " + help)
        }
        for note in diagnostic.notes {
            guard let range = note.range else {
                lines.append(style("\(gutterPad) =", .bold, .blue) + " " + style("note:", .bold) + " " + note.message)
                continue
            }
            let location = file.location(of: range.start)
            lines.append(
                style("\(file.name):\(location.line):\(location.column):", .bold) + " "
                    + style("note:", .bold, .cyan) + " " + note.message
            )
            lines += snippet(for: range, in: file, gutterWidth: gutterWidth, markerColor: .cyan)
        }
        return lines.map(trimmingTrailingSpaces)
    }

    /// The source lines a range covers, each followed by its marker line.
    /// A range over several lines shows its first and last line with `...`
    /// between when lines are left out.
    private func snippet(for range: SourceRange, in file: SourceFile, gutterWidth: Int,
                         markerColor: ANSIColor) -> [String] {
        let startIndex = file.lineIndex(of: range.start)
        var endOffset = range.end
        // A range that ends just after a newline ends, for the eye, on the line before.
        if endOffset > range.start, endOffset <= file.utf8.count,
           file.utf8[endOffset - 1] == UInt8(ascii: "\n") {
            endOffset -= 1
        }
        let endIndex = max(startIndex, file.lineIndex(of: endOffset))
        let startColumn = file.location(of: range.start).column
        let endColumn = file.location(of: endOffset).column

        var lines: [String] = []
        func show(lineIndex: Int, from first: Int, to last: Int, head: Character) {
            let text = file.lineText(lineIndex)
            let number = String(lineIndex + 1)
            let numberPad = String(repeating: " ", count: gutterWidth - number.count)
            lines.append(style(numberPad + number + " |", .bold, .blue) + " " + text)
            let width = max(1, last - first)
            let marker = String(head) + String(repeating: "~", count: width - 1)
            let indent = Self.padding(toColumn: first, in: text)
            lines.append(style(String(repeating: " ", count: gutterWidth) + " |", .bold, .blue)
                         + " " + indent + style(marker, .bold, markerColor))
        }

        if startIndex == endIndex {
            show(lineIndex: startIndex, from: startColumn, to: endColumn, head: "^")
        } else {
            let firstText = file.lineText(startIndex)
            show(lineIndex: startIndex, from: startColumn, to: firstText.unicodeScalars.count + 1, head: "^")
            if endIndex > startIndex + 1 {
                lines.append(style("...", .bold, .blue))
            }
            let lastText = file.lineText(endIndex)
            let firstNonBlank = (lastText.unicodeScalars.firstIndex { $0 != " " && $0 != "\t" })
                .map { lastText.unicodeScalars.distance(from: lastText.unicodeScalars.startIndex, to: $0) + 1 } ?? 1
            show(lineIndex: endIndex, from: min(firstNonBlank, endColumn), to: endColumn, head: "~")
        }
        return lines
    }

    /// Blank space up to a 1-based column, keeping the line's tabs so the
    /// marker lines up under the character in any tab width.
    static func padding(toColumn column: Int, in text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            guard count < column - 1 else { break }
            result.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        if count < column - 1 { result += String(repeating: " ", count: column - 1 - count) }
        return result
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var scalars = Substring(line)
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }

    // MARK: Colour

    enum ANSIColor: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
    }

    enum Weight { case bold }

    private func color(for severity: Severity) -> ANSIColor {
        switch severity {
        case .error: .red
        case .warning: .yellow
        case .note: .cyan
        }
    }

    private func style(_ text: String, _ weight: Weight, _ color: ANSIColor? = nil) -> String {
        guard useColor, !text.isEmpty else { return text }
        let codes = ["1"] + (color.map { [$0.rawValue] } ?? [])
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
