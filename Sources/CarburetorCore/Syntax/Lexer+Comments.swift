// Comments: `// …`, `/// …` (doc) and nested `/* … */`.

extension Lexer {
    /// `DOC_COMMENT = "///" { any character except newline }` (but not `////`).
    mutating func lexDocComment() {
        let start = offset
        let end = endOfLineWithoutCarriageReturn(from: start)
        var textStart = start + 3
        if textStart < end, bytes[textStart] == LexerByte.space { textStart += 1 }
        emit(.docComment, from: start, to: end, value: text(from: textStart, to: end))
        offset = end
    }

    /// `LINE_COMMENT = "//" { any character except newline }`.
    mutating func lexLineComment() {
        let start = offset
        let end = endOfLineWithoutCarriageReturn(from: start)
        if keepComments {
            emit(.comment, from: start, to: end, value: text(from: start, to: end))
        }
        offset = end
    }

    /// `BLOCK_COMMENT = "/*" { BLOCK_COMMENT | any character } "*/"`: comments nest,
    /// as in Rust, so commenting out a block that already holds a comment works.
    mutating func lexBlockComment() {
        let start = offset
        var depth = 0
        var newlines = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == LexerByte.slash, byteAt(index + 1) == LexerByte.star {
                depth += 1
                index += 2
            } else if byte == LexerByte.star, byteAt(index + 1) == LexerByte.slash {
                depth -= 1
                index += 2
                if depth == 0 { break }
            } else {
                if byte == LexerByte.newline { newlines += 1 }
                index += 1
            }
        }
        if depth > 0 {
            error(.unterminatedBlockComment, "unterminated block comment", from: start, to: start + 2,
                  help: depth == 1
                      ? "add '*/' to close it"
                      : "comments nest: \(depth) '/*' are still open and each needs its own '*/'",
                  fixIts: [FixIt(replace: .empty(at: bytes.count), with: String(repeating: "*/", count: depth))])
        }
        offset = index
        if keepComments {
            emit(.comment, from: start, to: index, value: text(from: start, to: index))
        } else {
            pendingNewlines += newlines
        }
    }

    /// The end of the current line, not counting a `\r` before the `\n`.
    private func endOfLineWithoutCarriageReturn(from index: Int) -> Int {
        var end = endOfLine(from: index)
        if end > index, bytes[end - 1] == LexerByte.carriageReturn { end -= 1 }
        return end
    }
}
