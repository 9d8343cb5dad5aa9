import CarburetorSchema

// Comments: `// …`, `/// …` (doc) and nested `/* … */`.

extension Lexer {
    /// `DOC_COMMENT = "///" { any character except newline }` (but not `////`):
    /// a line comment whose text `docCommentText(of:)` takes from its range.
    mutating func lexDocComment() {
        lexLineComment()
    }

    /// `LINE_COMMENT = "//" { any character except newline }`.
    mutating func lexLineComment() {
        offset = endOfLineWithoutCarriageReturn(from: offset)
    }

    /// `BLOCK_COMMENT = "/*" { BLOCK_COMMENT | any character } "*/"`: comments nest,
    /// as in Rust, so commenting out a block that already holds a comment works.
    /// Returns the number of newlines inside it.
    mutating func lexBlockComment() -> Int {
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
        return newlines
    }

    /// The end of the current line, not counting a `\r` before the `\n`.
    private func endOfLineWithoutCarriageReturn(from index: Int) -> Int {
        var end = endOfLine(from: index)
        if end > index, bytes[end - 1] == LexerByte.carriageReturn { end -= 1 }
        return end
    }
}
