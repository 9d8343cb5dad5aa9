import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Converts between the compiler's UTF-8 byte offsets and the protocol's
/// positions (0-based line, character in UTF-16 code units).
struct LineMap {
    let file: SourceFile

    func position(of offset: Int) -> Position {
        let bytes = file.utf8
        let clamped = max(0, min(offset, bytes.count))
        let line = file.lineIndex(of: clamped)
        var units = 0
        var index = file.lineStarts[line]
        while index < clamped {
            units += Self.utf16Units(leadByte: bytes[index])
            index += 1
        }
        return Position(line: line, character: units)
    }

    func range(of range: SourceRange) -> LSPRange {
        LSPRange(start: position(of: range.start), end: position(of: range.end))
    }

    /// The byte offset of a position; past the end of a line means its end,
    /// past the last line means the end of the file.
    func offset(of position: Position) -> Int {
        let bytes = file.utf8
        let lineStarts = file.lineStarts
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        var index = lineStarts[position.line]
        var units = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), units < position.character {
            units += Self.utf16Units(leadByte: bytes[index])
            index += 1
            // Step over the continuation bytes of the same scalar.
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    func sourceRange(of range: LSPRange) -> SourceRange {
        let start = offset(of: range.start)
        return SourceRange(start: start, end: max(start, offset(of: range.end)))
    }

    /// UTF-16 code units of the scalar a UTF-8 byte starts (0 for a continuation byte).
    private static func utf16Units(leadByte byte: UInt8) -> Int {
        if byte & 0xC0 == 0x80 { return 0 }
        return byte >= 0xF0 ? 2 : 1
    }
}
