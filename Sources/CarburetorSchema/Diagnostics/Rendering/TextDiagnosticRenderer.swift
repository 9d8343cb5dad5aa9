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
            let locator = SourceLocator(entry.file)
            for diagnostic in entry.diagnostics {
                lines += render(diagnostic, in: locator)
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
        render(diagnostic, in: SourceLocator(file))
    }

    func render(_ diagnostic: Diagnostic, in locator: SourceLocator) -> [String] {
        let file = locator.file
        let start = locator.location(of: diagnostic.range.start)
        let locatedNotes = diagnostic.notes.filter { $0.range != nil }
        // One gutter width for the whole diagnostic, so its bars line up.
        let lastLine = ([diagnostic.range] + locatedNotes.compactMap(\.range))
            .map { file.lineIndex(of: min($0.end, file.utf8.count)) + 1 }
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
        lines += snippet(for: diagnostic.range, in: locator, gutterWidth: gutterWidth,
                         markerColor: color(for: diagnostic.severity))
        if let help = diagnostic.help {
            lines.append(style("\(gutterPad) =", .bold, .blue) + " " + style("help:", .bold, .green) + " " + help)
        }
        for note in diagnostic.notes {
            guard let range = note.range else {
                lines.append(style("\(gutterPad) =", .bold, .blue) + " " + style("note:", .bold) + " " + note.message)
                continue
            }
            let location = locator.location(of: range.start)
            lines.append(
                style("\(file.name):\(location.line):\(location.column):", .bold) + " "
                    + style("note:", .bold, .cyan) + " " + note.message
            )
            lines += snippet(for: range, in: locator, gutterWidth: gutterWidth, markerColor: .cyan)
        }
        return lines.map(trimmingTrailingSpaces)
    }

    /// The source lines a range covers, each followed by its marker line.
    /// A range over several lines shows its first and last line with `...`
    /// between when lines are left out.
    private func snippet(for range: SourceRange, in locator: SourceLocator, gutterWidth: Int,
                         markerColor: ANSIColor) -> [String] {
        let file = locator.file
        let startOffset = max(0, min(range.start, file.utf8.count))
        var endOffset = max(startOffset, min(range.end, file.utf8.count))
        // A range that ends just after a newline ends, for the eye, on the line before.
        if endOffset > startOffset, file.utf8[endOffset - 1] == UInt8(ascii: "\n") {
            endOffset -= 1
        }
        let startIndex = file.lineIndex(of: startOffset)
        let endIndex = max(startIndex, file.lineIndex(of: endOffset))
        let startColumn = locator.location(of: startOffset).column
        let endColumn = locator.location(of: endOffset).column

        var lines: [String] = []
        func show(lineIndex: Int, from first: Int, to last: Int, head: Character) {
            let window = Self.window(width: locator.width(ofLine: lineIndex), from: first, to: last)
            let text = (window.cutLeft ? "..." : "")
                + locator.text(ofLine: lineIndex, columns: window.columns)
                + (window.cutRight ? "..." : "")
            let number = String(lineIndex + 1)
            let numberPad = String(repeating: " ", count: gutterWidth - number.count)
            lines.append(style(numberPad + number + " |", .bold, .blue) + " " + text)
            let width = max(1, window.last - window.first)
            let marker = String(head) + String(repeating: "~", count: width - 1)
            let indent = Self.padding(toColumn: window.first, in: text)
            lines.append(style(String(repeating: " ", count: gutterWidth) + " |", .bold, .blue)
                         + " " + indent + style(marker, .bold, markerColor))
        }

        if startIndex == endIndex {
            show(lineIndex: startIndex, from: startColumn, to: endColumn, head: "^")
        } else {
            show(lineIndex: startIndex, from: startColumn, to: locator.width(ofLine: startIndex) + 1, head: "^")
            if endIndex > startIndex + 1 {
                lines.append(style("...", .bold, .blue))
            }
            let firstNonBlank = locator.firstNonBlankColumn(ofLine: endIndex)
            show(lineIndex: endIndex, from: min(firstNonBlank, endColumn), to: endColumn, head: "~")
        }
        return lines
    }

    /// Longest source line shown whole; longer lines (a config written on one
    /// line, say) are cut to a window around the marker, marked with `...`.
    static let maximumLineWidth = 160

    /// Which columns of a line of `width` columns to show so the marker from
    /// `first` to `last` (exclusive) is visible, and where the marker falls
    /// in the shown text (after a leading `...` when the line is cut on the left).
    static func window(width: Int, from first: Int, to last: Int)
        -> (columns: Range<Int>, cutLeft: Bool, cutRight: Bool, first: Int, last: Int) {
        guard width > maximumLineWidth else {
            return (1..<(width + 1), false, false, first, last)
        }
        let start = max(0, min(first - 1 - 40, width - maximumLineWidth))
        let end = min(width, start + maximumLineWidth)
        let cutLeft = start > 0
        let shift = (cutLeft ? 3 : 0) - start
        let windowEnd = end + 1 + shift
        let shownFirst = first + shift
        return ((start + 1)..<(end + 1), cutLeft, end < width, shownFirst,
                max(shownFirst + 1, min(last + shift, windowEnd)))
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
