import CarburetorSchema

// String and number literals.

extension Lexer {
    /// `NUMBER = [ "-" ] digit { digit } [ "." digit { digit } ]`, kept as written.
    mutating func lexNumber() {
        var index = offset
        if bytes[index] == LexerByte.minus { index += 1 }
        while LexerByte.isDigit(byteAt(index)) { index += 1 }
        if byteAt(index) == LexerByte.dot, LexerByte.isDigit(byteAt(index + 1)) {
            index += 1
            while LexerByte.isDigit(byteAt(index)) { index += 1 }
        }
        offset = index
    }

    /// `STRING = '"' { character | escape } '"'` on one line. A raw newline ends
    /// an unterminated string, so one missing quote cannot swallow the rest of
    /// the file; write `\n` for a newline inside a string.
    mutating func lexString() {
        if let end = endOfPlainString(from: offset) {
            offset = end
            return
        }
        var value: [UInt8] = []
        lexString(into: &value)
    }

    /// The offset after the closing quote of the string at `start` when it
    /// closes on its line and holds no `\`: its value is then its bytes, and
    /// it needs neither a value array nor any check.
    func endOfPlainString(from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case LexerByte.quote: return index + 1
            case LexerByte.newline, LexerByte.backslash: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// Lexes the string at `offset` (reporting its problems) and appends its
    /// unescaped contents to `value`; `stringValue(of:)` runs it again to get them.
    mutating func lexString(into value: inout [UInt8]) {
        let start = offset
        var index = start + 1
        var terminated = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == LexerByte.quote {
                index += 1
                terminated = true
                break
            }
            if byte == LexerByte.newline { break }
            if byte == LexerByte.backslash {
                index = lexEscape(at: index, into: &value)
            } else {
                value.append(byte)
                index += 1
            }
        }
        if !terminated {
            if value.last == LexerByte.carriageReturn { value.removeLast() }
            var end = index
            if end > start + 1, bytes[end - 1] == LexerByte.carriageReturn { end -= 1 }
            markUnterminatedString()
            error(.unterminatedString, "unterminated string literal", from: start, to: end,
                  help: "add a closing '\"' before the end of the line",
                  fixIts: [FixIt(replace: .empty(at: end), with: "\"")])
            index = end
        }
        offset = index
    }

    /// Decodes the escape whose backslash is at `index`; returns the offset after it.
    private mutating func lexEscape(at index: Int, into value: inout [UInt8]) -> Int {
        let next = byteAt(index + 1)
        let simple: UInt8? = switch next {
        case LexerByte.quote: LexerByte.quote
        case LexerByte.backslash: LexerByte.backslash
        case LexerByte.apostrophe: LexerByte.apostrophe
        case UInt8(ascii: "n"): LexerByte.newline
        case UInt8(ascii: "t"): LexerByte.tab
        case UInt8(ascii: "r"): LexerByte.carriageReturn
        case LexerByte.zero: 0
        default: nil
        }
        if let simple {
            value.append(simple)
            return index + 2
        }
        if next == UInt8(ascii: "u") {
            return lexUnicodeEscape(at: index, into: &value)
        }
        // A backslash at the end of the line or file: keep it, the caller reports the string.
        if next == LexerByte.newline || index + 1 >= bytes.count {
            value.append(LexerByte.backslash)
            return index + 1
        }
        let length = scalarLength(at: index + 1)
        let written = text(from: index, to: index + 1 + length)
        error(.invalidEscape, "unknown escape sequence '\(written)' in string", from: index, to: index + 1 + length,
              help: "the escapes are \\\" \\\\ \\n \\t \\r \\0 \\' and \\u{…}; write '\\\\' for a backslash",
              fixIts: [FixIt(replace: SourceRange(start: index, end: index + 1), with: "\\\\")])
        value.append(contentsOf: bytes[index..<(index + 1 + length)])
        return index + 1 + length
    }

    /// `\u{X…}` with one to six hex digits naming a Unicode scalar (not a surrogate).
    private mutating func lexUnicodeEscape(at index: Int, into value: inout [UInt8]) -> Int {
        let replacement = Array("\u{FFFD}".utf8)
        var cursor = index + 2
        guard byteAt(cursor) == LexerByte.leftBrace else {
            error(.invalidUnicodeEscape, "expected '{' after '\\u' in unicode escape", from: index, to: cursor,
                  help: "write a unicode escape as \\u{1F600}")
            value.append(contentsOf: replacement)
            return cursor
        }
        cursor += 1
        let digitsStart = cursor
        while LexerByte.isHexDigit(byteAt(cursor)) { cursor += 1 }
        let digits = text(from: digitsStart, to: cursor)
        guard byteAt(cursor) == LexerByte.rightBrace else {
            error(.invalidUnicodeEscape, "unicode escape is missing its closing '}'", from: index, to: cursor,
                  help: "write a unicode escape as \\u{1F600}",
                  fixIts: [FixIt(replace: .empty(at: cursor), with: "}")])
            value.append(contentsOf: replacement)
            return cursor
        }
        cursor += 1
        if digits.isEmpty || digits.count > 6 {
            error(.invalidUnicodeEscape, "unicode escape must have one to six hex digits", from: index, to: cursor)
            value.append(contentsOf: replacement)
        } else if let scalarValue = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(scalarValue) {
            value.append(contentsOf: Array(String(Character(scalar)).utf8))
        } else {
            error(.invalidUnicodeEscape, "'\\u{\(digits)}' is not a Unicode scalar value", from: index, to: cursor,
                  help: "surrogates (D800 to DFFF) and values above 10FFFF name no character")
            value.append(contentsOf: replacement)
        }
        return cursor
    }
}
