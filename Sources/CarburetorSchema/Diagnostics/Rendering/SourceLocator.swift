/// Turns byte offsets into lines and columns for the renderers, fast enough
/// for a config written on one huge line with thousands of diagnostics:
/// each line is checked once for non-ASCII bytes, and on an ASCII line a
/// column is plain arithmetic instead of a count from the line's start
/// (which made rendering quadratic in the line's length).
final class SourceLocator {
    let file: SourceFile
    /// The file's line starts, fetched once (the file computes them on first use).
    private let lineStarts: [Int]
    private var asciiLines: [Int: Bool] = [:]

    init(_ file: SourceFile) {
        self.file = file
        lineStarts = file.lineStarts
    }

    /// 1-based line and column, the same as `SourceFile.location(of:)`.
    func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, file.utf8.count))
        let line = file.lineIndex(of: clamped)
        guard isASCII(line: line) else { return file.location(of: clamped) }
        return SourceLocation(line: line + 1, column: clamped - lineStarts[line] + 1)
    }

    /// Byte range of a 0-based line without its `\n` or `\r\n`.
    func byteRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : file.utf8.count
        if end > start, file.utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The number of columns (Unicode scalars) on a line.
    func width(ofLine line: Int) -> Int {
        let bytes = byteRange(ofLine: line)
        guard !isASCII(line: line) else { return bytes.count }
        return file.utf8[bytes].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The text of a line from one 1-based column up to another (exclusive).
    func text(ofLine line: Int, columns: Range<Int>) -> String {
        let bytes = byteRange(ofLine: line)
        if isASCII(line: line) {
            let lower = min(bytes.upperBound, bytes.lowerBound + columns.lowerBound - 1)
            let upper = min(bytes.upperBound, bytes.lowerBound + columns.upperBound - 1)
            return String(decoding: file.utf8[lower..<max(lower, upper)], as: UTF8.self)
        }
        let scalars = Array(file.lineText(line).unicodeScalars)
        let lower = min(scalars.count, columns.lowerBound - 1)
        let upper = min(scalars.count, columns.upperBound - 1)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[lower..<max(lower, upper)])
        return text
    }

    /// The column of the first character that is not a space or a tab.
    func firstNonBlankColumn(ofLine line: Int) -> Int {
        var column = 1
        for byte in file.utf8[byteRange(ofLine: line)] {
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { break }
            column += 1
        }
        return column
    }

    private func isASCII(line: Int) -> Bool {
        if let known = asciiLines[line] { return known }
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : file.utf8.count
        let ascii = !file.utf8[start..<end].contains { $0 >= 0x80 }
        asciiLines[line] = ascii
        return ascii
    }
}
