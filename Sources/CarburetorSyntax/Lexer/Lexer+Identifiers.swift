import CarburetorSchema

// Identifiers and characters that start no token.

extension Lexer {
    /// `IDENT = ( letter | "_" ) { letter | digit | "_" }`, ASCII only.
    ///
    /// Non-ASCII letters are taken into the identifier (and reported), so that
    /// `café -> Text` gives one precise error instead of a cascade of syntax errors.
    @inline(__always)
    mutating func lexIdent() {
        let bytes = self.bytes  // a local copy stays in registers through the loop
        var index = offset
        // Eight bytes at a time while that many remain, then one at a time.
        var lengthInWord = 8
        while lengthInWord == 8, index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
            lengthInWord = LexerByte.identifierLength(inWord: word)
            index += lengthInWord
        }
        if lengthInWord == 8 {
            while index < bytes.count, LexerByte.isIdentifierContinue(bytes[index]) { index += 1 }
        }
        offset = index
        if index < bytes.count, bytes[index] >= 0x80 { lexIdentWithNonASCII() }
    }

    /// The rest of an identifier from the first non-ASCII byte at `offset`.
    /// Kept out of line: the Unicode lookups would burden every identifier.
    @inline(never)
    private mutating func lexIdentWithNonASCII() {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if LexerByte.isIdentifierContinue(byte) {
                index += 1
            } else if byte >= 0x80, isNonASCIILetter(at: index) {
                let runStart = index
                while index < bytes.count, bytes[index] >= 0x80, isNonASCIILetter(at: index) {
                    index += scalarLength(at: index)
                }
                let run = text(from: runStart, to: index)
                error(.unexpectedCharacter,
                      "unexpected \(run.unicodeScalars.count == 1 ? "character" : "characters") "
                          + "\(describeCharacters(run)) in a name",
                      from: runStart, to: index,
                      help: "names may use only ASCII letters, digits and '_'")
            } else {
                break
            }
        }
        offset = index
    }

    /// One `.unknown` token and one diagnostic for a run of characters that
    /// start no token (whitespace ends the run).
    mutating func lexUnexpectedCharacters() -> TokenKind {
        let start = offset
        var index = offset
        repeat {
            index += scalarLength(at: index)
        } while index < bytes.count && !LexerByte.isWhitespace(bytes[index]) && !startsToken(at: index)
        let run = text(from: start, to: index)
        let plural = run.unicodeScalars.count > 1
        error(.unexpectedCharacter,
              "unexpected \(plural ? "characters" : "character") \(describeCharacters(run))",
              from: start, to: index, help: Lexer.help(forUnexpected: run.unicodeScalars.first!))
        offset = index
        return .unknown
    }

    func startsIdentifier(at index: Int) -> Bool {
        let byte = bytes[index]
        if LexerByte.isLetter(byte) || byte == LexerByte.underscore { return true }
        return byte >= 0x80 && isNonASCIILetter(at: index)
    }

    /// Whether a token (not whitespace, not an unexpected character) starts at `index`.
    func startsToken(at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case LexerByte.slash: return byteAt(index + 1) == LexerByte.slash || byteAt(index + 1) == LexerByte.star
        case LexerByte.minus: return byteAt(index + 1) == LexerByte.greaterThan || LexerByte.isDigit(byteAt(index + 1))
        case LexerByte.hash: return byteAt(index + 1) == LexerByte.leftBracket
        case LexerByte.quote, LexerByte.leftBrace, LexerByte.rightBrace, LexerByte.leftParen, LexerByte.rightParen,
             LexerByte.lessThan, LexerByte.greaterThan, LexerByte.comma, LexerByte.equals, LexerByte.rightBracket,
             LexerByte.dollar, LexerByte.bang:
            return true
        default:
            return LexerByte.isDigit(byte) || startsIdentifier(at: index)
        }
    }

    /// Length in bytes of the UTF-8 sequence starting at `index` (1 for a stray byte).
    func scalarLength(at index: Int) -> Int {
        let byte = bytes[index]
        let length = switch byte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
        return min(length, bytes.count - index)
    }

    private func isNonASCIILetter(at index: Int) -> Bool {
        let scalars = text(from: index, to: index + scalarLength(at: index)).unicodeScalars
        guard let scalar = scalars.first, scalars.count == 1 else { return false }
        return scalar.properties.isAlphabetic
    }

    /// `'@'`, or `'é' (U+00E9)` for a character that may be hard to see, or the
    /// code points alone for control characters.
    func describeCharacters(_ run: String) -> String {
        let scalars = Array(run.unicodeScalars.prefix(8))
        let ellipsis = run.unicodeScalars.count > scalars.count ? "…" : ""
        let codePoints = scalars.map { "U+" + String(String($0.value, radix: 16, uppercase: true).paddedToFour) }
            .joined(separator: " ")
        if scalars.allSatisfy({ $0.isASCII && $0.value >= 0x21 && $0.value < 0x7F }) {
            return "'" + String(String.UnicodeScalarView(scalars)) + ellipsis + "'"
        }
        if scalars.contains(where: { $0.properties.generalCategory == .control || $0.value == 0xFFFD }) {
            return codePoints + ellipsis
        }
        return "'" + String(String.UnicodeScalarView(scalars)) + ellipsis + "' (" + codePoints + ")"
    }

    static func help(forUnexpected first: Unicode.Scalar) -> String? {
        switch first {
        case ":": "a column is written 'name -> Type'"
        case ";": "columns and group entries are separated by ','"
        case "'", "\u{201C}", "\u{201D}": "strings are written in straight double quotes"
        case "#", "[": "attributes are written '#[name]'"
        case "-", "\u{2192}": "write '->' between a column name and its type"
        case "\u{FFFD}": "the file may not be valid UTF-8"
        default: nil
        }
    }
}

private extension String {
    var paddedToFour: String {
        count >= 4 ? self : String(repeating: "0", count: 4 - count) + self
    }
}
