import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct LexerTests {
    private func lex(_ text: String, keepComments: Bool = false) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(SourceFile(name: "t.carb", text: text), keepComments: keepComments,
                                    diagnostics: &diagnostics)
        return (tokens, diagnostics.diagnostics)
    }

    private func kinds(_ text: String, keepComments: Bool = false) -> [TokenKind] {
        lex(text, keepComments: keepComments).tokens.map(\.kind)
    }

    @Test func emptyInputGivesOnlyEndOfFile() {
        let (tokens, diagnostics) = lex("")
        #expect(tokens.map(\.kind) == [.endOfFile])
        #expect(tokens[0].range == .empty(at: 0))
        #expect(diagnostics.isEmpty)
    }

    @Test func punctuation() {
        #expect(kinds("{ } ( ) < > , = -> #[ ] $ !") == [
            .leftBrace, .rightBrace, .leftParen, .rightParen, .leftAngle, .rightAngle, .comma, .equals,
            .arrow, .attributeOpen, .rightBracket, .dollar, .bang, .endOfFile,
        ])
    }

    @Test func columnLineHasExactRanges() {
        let (tokens, diagnostics) = lex("note -> Nullable<Text>,")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .arrow, .identifier, .leftAngle, .identifier, .rightAngle,
                                       .comma, .endOfFile])
        #expect(tokens.map(\.stringValue) == ["note", "->", "Nullable", "<", "Text", ">", ",", ""])
        #expect(tokens.map(\.range.start) == [0, 5, 8, 16, 17, 21, 22, 23])
        #expect(tokens.map(\.range.end) == [4, 7, 16, 17, 21, 22, 23, 23])
    }

    @Test func identifiersAllowUnderscoresAndDigits() {
        let tokens = lex("_a1 b_2c tables sync_groups").tokens
        #expect(tokens.dropLast().allSatisfy { $0.kind == .identifier })
        #expect(tokens.map(\.stringValue).dropLast() == ["_a1", "b_2c", "tables", "sync_groups"])
    }

    @Test func numbers() {
        let tokens = lex("0 42 -7 3.25 -0.5").tokens
        #expect(tokens.dropLast().allSatisfy { $0.kind == .number })
        #expect(tokens.map(\.stringValue).dropLast() == ["0", "42", "-7", "3.25", "-0.5"])
    }

    @Test func numberWithoutFractionDigitsStopsBeforeTheDot() {
        let (tokens, diagnostics) = lex("1.")
        #expect(tokens.map(\.kind) == [.number, .unknown, .endOfFile])
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
    }

    @Test func stringEscapesAreDecoded() {
        let (tokens, diagnostics) = lex(#""a\"b\\c\nd\te\u{1F600}\u{e9}""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].stringValue == "a\"b\\c\nd\te😀é")
        #expect(tokens[0].range == SourceRange(start: 0, end: 30))
    }

    @Test func rustEscapesAreAccepted() {
        let (tokens, diagnostics) = lex(#""\r\0\'""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].stringValue == "\r\0'")
    }

    @Test func realConfigRustDefaultLexes() {
        let (tokens, diagnostics) = lex(#"rust = "Some(\"default_nickname\".to_string())""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[2].stringValue == #"Some("default_nickname".to_string())"#)
    }

    @Test func unknownEscapeIsReportedAndLexingContinues() {
        let (tokens, diagnostics) = lex(#""a\qb" x"#)
        #expect(diagnostics.map(\.code) == [.invalidEscape])
        #expect(diagnostics[0].range == SourceRange(start: 2, end: 4))
        #expect(diagnostics[0].message.contains(#"'\q'"#))
        #expect(tokens.map(\.kind) == [.string, .identifier, .endOfFile])
        #expect(tokens[0].stringValue == #"a\qb"#)
    }

    @Test(arguments: [#""\u{}""#, #""\u{1234567}""#, #""\u{D800}""#, #""\u{110000}""#, #""\u12""#, #""\u{12""#])
    func badUnicodeEscapesAreReported(_ text: String) {
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.map(\.code).contains(.invalidUnicodeEscape))
        #expect(tokens.first?.kind == .string)
        #expect(tokens.last?.kind == .endOfFile)
    }

    @Test func unterminatedStringStopsAtEndOfLine() {
        let (tokens, diagnostics) = lex("\"abc\nname")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(diagnostics[0].range == SourceRange(start: 0, end: 4))
        #expect(diagnostics[0].fixIts == [FixIt(replace: .empty(at: 4), with: "\"")])
        #expect(tokens.map(\.kind) == [.string, .identifier, .endOfFile])
        #expect(tokens[0].stringValue == "abc")
        #expect(tokens[1].isAtStartOfLine)
    }

    @Test func unterminatedStringAtEndOfFile() {
        let (tokens, diagnostics) = lex("x = \"abc\\")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(tokens.map(\.kind) == [.identifier, .equals, .string, .endOfFile])
    }

    @Test func commentsAreSkippedUnlessKept() {
        let text = "a // line\n/* block /* nested */ still */ b"
        #expect(kinds(text) == [.identifier, .identifier, .endOfFile])
        let kept = lex(text, keepComments: true).tokens
        #expect(kept.map(\.kind) == [.identifier, .comment, .comment, .identifier, .endOfFile])
        #expect(kept[1].stringValue == "// line")
        #expect(kept[2].stringValue == "/* block /* nested */ still */")
    }

    @Test func docCommentsAreAlwaysEmitted() {
        let tokens = lex("/// A person.\n///Tight\n////not doc\nx").tokens
        #expect(tokens.map(\.kind) == [.docComment, .docComment, .identifier, .endOfFile])
        #expect(tokens[0].stringValue == "A person.")
        #expect(tokens[0].range == SourceRange(start: 0, end: 13))
        #expect(tokens[1].stringValue == "Tight")
    }

    @Test func docCommentDropsCarriageReturn() {
        let tokens = lex("/// Text\r\nx").tokens
        #expect(tokens[0].stringValue == "Text")
        #expect(tokens[0].range.end == 8)
    }

    @Test func unterminatedBlockCommentPointsAtItsOpening() {
        let (tokens, diagnostics) = lex("a /* one /* two */ three")
        #expect(tokens.map(\.kind) == [.identifier, .endOfFile])
        #expect(diagnostics.map(\.code) == [.unterminatedBlockComment])
        #expect(diagnostics[0].range == SourceRange(start: 2, end: 4))
    }

    @Test func newlinesBeforeCountWhitespaceAndSkippedComments() {
        let tokens = lex("a\n\n b /* x\n y */ c d").tokens
        #expect(tokens.map(\.newlinesBefore) == [0, 2, 1, 0, 0])
        #expect(tokens.map(\.isAtStartOfLine) == [true, true, true, false, false])
        let kept = lex("a\n\n b /* x\n y */ c", keepComments: true).tokens
        #expect(kept.map(\.newlinesBefore) == [0, 2, 0, 0, 0])
    }

    @Test func runOfUnexpectedCharactersGivesOneDiagnostic() {
        let (tokens, diagnostics) = lex("a @%& b")
        #expect(tokens.map(\.kind) == [.identifier, .unknown, .identifier, .endOfFile])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .unexpectedCharacter)
        #expect(diagnostics[0].message == "unexpected characters '@%&'")
        #expect(diagnostics[0].range == SourceRange(start: 2, end: 5))
    }

    @Test func strayHashAndMinusAreUnexpected() {
        let (tokens, diagnostics) = lex("# - [")
        #expect(tokens.map(\.kind) == [.unknown, .unknown, .unknown, .endOfFile])
        #expect(diagnostics.map(\.message) == ["unexpected character '#'", "unexpected character '-'",
                                               "unexpected character '['"])
    }

    @Test func nonASCIILetterStaysInsideTheName() {
        let (tokens, diagnostics) = lex("café -> Text")
        #expect(tokens.map(\.kind) == [.identifier, .arrow, .identifier, .endOfFile])
        #expect(tokens[0].stringValue == "café")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "unexpected character 'é' (U+00E9) in a name")
        #expect(diagnostics[0].range == SourceRange(start: 3, end: 5))
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        var diagnostics = DiagnosticCollector()
        let file = SourceFile(name: "t", bytes: [UInt8(ascii: "a"), 0xFF, 0xFE, UInt8(ascii: " "), UInt8(ascii: "b")])
        let tokens = Lexer.tokenize(file, keepComments: false, diagnostics: &diagnostics)
        #expect(tokens.map(\.kind) == [.identifier, .unknown, .identifier, .endOfFile])
        #expect(diagnostics.diagnostics.count == 1)
        #expect(diagnostics.diagnostics[0].message.contains("U+FFFD"))
    }

    @Test func controlCharactersAreNamedByCodePoint() {
        let (_, diagnostics) = lex("a \u{7} b")
        #expect(diagnostics.map(\.message) == ["unexpected character U+0007"])
    }

    @Test func byteOrderMarkIsSkipped() {
        let (tokens, diagnostics) = lex("\u{FEFF}tables")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .endOfFile])
        #expect(tokens[0].range.start == 3)
    }

    @Test func endOfFileIsAlwaysLast() {
        for text in ["", "a", "\"", "/*", "@", "-", "#", "///", "\\"] {
            let tokens = lex(text).tokens
            #expect(tokens.last?.kind == .endOfFile)
            #expect(tokens.filter { $0.kind == .endOfFile }.count == 1)
        }
    }
}
