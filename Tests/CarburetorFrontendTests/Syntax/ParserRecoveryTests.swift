import CarburetorTestSupport
import Foundation
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct ParserRecoveryTests {
    /// `line:col code` of every diagnostic, in source order.
    private func locatedCodes(_ source: String) -> [String] {
        let file = SourceFile(name: "t", text: source)
        return SyntaxTesting.parse(source).diagnostics.map { diagnostic in
            let location = file.location(of: diagnostic.range.start)
            return "\(location.line):\(location.column) \(diagnostic.code)"
        }
    }

    @Test func missingCommaBetweenColumnsOnSeparateLinesKeepsBothColumns() {
        let source = "tables {\n    user {\n        name -> Text\n        email -> Text,\n    }\n}\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .missingComma)
        #expect(diagnostics[0].message == "expected ',' between columns, found 'email'")
        #expect(locatedCodes(source) == ["3:21 E0101"])
        #expect(diagnostics[0].fixIts == [FixIt(replace: .empty(at: diagnostics[0].range.start), with: ",")])
        #expect(syntax.blocks[0].tables[0].columns.map(\.name.text) == ["name", "email"])
        #expect(syntax.blocks[0].tables[0].columns.map { $0.type?.name.text } == ["Text", "Text"])
    }

    @Test func missingArrowIsReportedAndTheTypeStillParsed() {
        let source = "tables { user { name Text } }"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.message) == ["expected '->' after column name 'name', found 'Text'"])
        #expect(diagnostics[0].code == .missingArrow)
        #expect(diagnostics[0].fixIts.map(\.replacement) == [" ->"])
        #expect(syntax.blocks[0].tables[0].columns[0].type?.name.text == "Text")
    }

    @Test func oneInputWithManyMistakesReportsThemAllAtTheirPlaces() {
        let source = """
        tables {
            user(plural = "users" {
                #[id
                id -> Text,
                name -> Nullable<Text,
                email Text,
                age -> Integer
                bio -> ,
            }
            message {
                body -> Text,,
            },
        }
        sync_groups {
            mobile {
                user message,
                message(restrict_to = $, restrict_to_column = body),
            }
        }
        sync_groups { }
        """
        #expect(locatedCodes(source) == [
            "2:26 E0103",  // ')' missing before '{'
            "3:13 E0103",  // ']' missing
            "5:30 E0103",  // '>' missing
            "6:14 E0102",  // '->' missing
            "7:23 E0101",  // ',' missing
            "8:15 E0100",  // type missing
            "11:22 E0108", // extra ','
            "12:6 E0108",  // ',' between tables
            "16:13 E0101", // ',' missing between entries
            "17:32 E0100", // variable name missing after '$'
            "20:1 E0104",  // block given twice
        ])
        let syntax = SyntaxTesting.parse(source).syntax
        #expect(syntax.blocks[0].tables.map(\.name.text) == ["user", "message"])
        #expect(syntax.blocks[0].tables[0].columns.map(\.name.text) == ["id", "name", "email", "age", "bio"])
        #expect(syntax.blocks[1].groups[0].entries.map(\.table.text) == ["user", "message", "message"])
        #expect(syntax.blocks.map(\.kind) == [.tables, .syncGroups, .syncGroups])
    }

    @Test func missingTableBraceEndsAtTheNextTable() {
        let source = "tables {\n    user {\n        name -> Text,\n    message {\n        body -> Text,\n    }\n}\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.code) == [.unclosedDelimiter])
        #expect(diagnostics[0].message == "expected '}' to close table 'user', found 'message'")
        #expect(diagnostics[0].notes.map(\.message) == ["'{' opened here"])
        #expect(syntax.blocks[0].tables.map(\.name.text) == ["user", "message"])
    }

    @Test func missingBlockBraceEndsAtTheNextOutdentedBlock() {
        let source = "tables {\n    user {\n        name -> Text,\n    }\nsync_groups {\n    g { user }\n}\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.message) == ["expected '}' to close the 'tables' block, found 'sync_groups'"])
        #expect(syntax.blocks.map(\.kind) == [.tables, .syncGroups])
        #expect(syntax.blocks[1].groups[0].entries.map(\.table.text) == ["user"])
    }

    @Test func duplicateBlockPointsAtTheFirst() {
        let source = "tables { }\ntables { }\n"
        let diagnostics = SyntaxTesting.parse(source).diagnostics
        #expect(diagnostics.map(\.code) == [.duplicateBlock])
        #expect(diagnostics[0].range == SourceRange(start: 11, end: 17))
        #expect(diagnostics[0].notes == [DiagnosticNote("first given here", at: SourceRange(start: 0, end: 6))])
    }

    @Test func blockKeywordWithoutBraceIsOneErrorNotTwo() {
        let (syntax, diagnostics) = SyntaxTesting.parse("tables\ntables { user { name -> Text } }")
        #expect(diagnostics.map(\.message) == ["expected '{' after 'tables', found 'tables'"])
        #expect(syntax.blocks.map(\.kind) == [.tables, .tables])
        #expect(syntax.blocks[1].tables.map(\.name.text) == ["user"])
    }

    @Test(arguments: [("table", "tables"), ("Tables", "tables"), ("groups", "sync_groups"),
                      ("sync_group", "sync_groups"), ("tabels", "tables")])
    func unknownBlockSuggestsTheNearestKeyword(_ written: String, _ suggestion: String) {
        let (syntax, diagnostics) = SyntaxTesting.parse("\(written) { user { name -> Text } }\n")
        #expect(diagnostics.map(\.code) == [.unknownBlock])
        #expect(diagnostics[0].help == "did you mean '\(suggestion)'?")
        #expect(diagnostics[0].fixIts.map(\.replacement) == [suggestion])
        #expect(syntax.blocks.map(\.kind) == [.unknown])
    }

    @Test func unknownBlockWithoutSuggestionNamesTheBlocks() {
        let diagnostics = SyntaxTesting.parse("options { x = 1 }").diagnostics
        #expect(diagnostics.map(\.help) == ["the top-level blocks are 'tables' and 'sync_groups'"])
    }

    @Test func tableOutsideTheTablesBlockSaysWhereItBelongs() {
        for source in ["user { name -> Text }", "user {\n #[id] id -> Text }"] {
            let diagnostics = SyntaxTesting.parse(source).diagnostics
            #expect(diagnostics.map(\.code) == [.unknownBlock])
            #expect(diagnostics.map(\.help) == ["a table is declared inside 'tables { … }'"])
        }
    }

    @Test func lexicalErrorSuppressesTheParserCascade() {
        // ':' is reported by the lexer; the parser does not add "expected '->'".
        let diagnostics = SyntaxTesting.parse("tables { user { name: Text } }").diagnostics
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter])
        #expect(diagnostics[0].help == "a column is written 'name -> Type'")
    }

    @Test func numberAsDefaultSuggestsNumberCall() {
        let diagnostics = SyntaxTesting.parse("tables { t { #[default(sql = 5)] a -> Integer } }").diagnostics
        #expect(diagnostics.map(\.message) == ["expected a default value, found number '5'"])
        #expect(diagnostics[0].fixIts.map(\.replacement) == ["Number(5)"])
    }

    @Test func unterminatedStringDoesNotSwallowTheFile() {
        let source = "tables {\n    user(plural = \"users) {\n        name -> Text,\n    }\n}\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.first?.code == .unterminatedString)
        #expect(syntax.blocks[0].tables[0].columns.map(\.name.text) == ["name"])
    }

    @Test func wrapperWithoutBangAndTrailingGarbage() {
        let source = "carburetor_sync_config {\n tables { }\n}\nextra stuff\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.code) == [.expectedToken, .unexpectedToken])
        #expect(diagnostics[0].message == "expected '!' after 'carburetor_sync_config', found '{'")
        #expect(SyntaxTesting.text(diagnostics[1].range, in: source) == "extra stuff")
        #expect(syntax.macroWrapper != nil)
        #expect(syntax.blocks.map(\.kind) == [.tables])
    }

    @Test func unclosedWrapperIsReportedAtTheEnd() {
        let diagnostics = SyntaxTesting.parse("carburetor_sync_config! {\n tables { }\n").diagnostics
        #expect(diagnostics.map(\.message) == ["expected '}' to close 'carburetor_sync_config!', found end of file"])
    }

    @Test func syntaxCataloguesExamplesTriggerExactlyTheirCode() {
        let syntaxCodes: [DiagnosticCode] = [
            .unterminatedString, .unterminatedBlockComment, .unexpectedCharacter, .invalidEscape,
            .invalidUnicodeEscape, .expectedToken, .missingComma, .missingArrow, .unclosedDelimiter,
            .duplicateBlock, .unknownBlock, .nestingTooDeep, .danglingDocComment, .unexpectedToken,
        ]
        let descriptors = DiagnosticCatalogue.syntaxDescriptors
        #expect(descriptors.map(\.code) == syntaxCodes)
        #expect(Set(syntaxCodes.map(\.rawValue)).count == syntaxCodes.count)
        for descriptor in descriptors {
            let codes = SyntaxTesting.parse(descriptor.example).diagnostics.map(\.code)
            #expect(!codes.isEmpty && codes.allSatisfy { $0 == descriptor.code },
                    "example of \(descriptor.code) gives \(codes)")
            #expect(descriptor.severity == .error && !descriptor.title.isEmpty)
        }
    }

    @Test func tooDeepTypeIsDroppedAfterOneError() {
        let deep = String(repeating: "Nullable<", count: 40) + "Text" + String(repeating: ">", count: 40)
        let source = "tables { t { a -> \(deep), b -> Text } }"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(SyntaxTesting.text(diagnostics[0].range, in: source) == deep)
        #expect(syntax.blocks[0].tables[0].columns.map { $0.type == nil } == [true, false])
    }

    @Test func unterminatedStringSuppressesTheMissingTokensItSwallowed() {
        let source = "tables {\n    user {\n        #[default(swift = \"Date())]\n        created_at -> Timestamptz,\n    }\n}\n"
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(syntax.blocks[0].tables[0].columns.map(\.name.text) == ["created_at"])
    }

    // MARK: Golden syntax diagnostics

    /// `Fixtures/syntax/<case>.snap`: a config and its syntax diagnostics.
    static let goldenCases: [String] = DiagnosticSnapshots.cases("syntax")

    @Test func goldenCasesExist() {
        if let failure = Golden.requireCases(Self.goldenCases, in: DiagnosticSnapshots.directory("syntax"), atLeast: 10) {
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test(arguments: goldenCases)
    func goldenSyntaxDiagnostics(_ name: String) throws {
        let input = try DiagnosticSnapshots.source("syntax", name)
        let file = SourceFile(name: "input.carb", text: input)
        var diagnostics = DiagnosticCollector()
        _ = Parser.parse(file, diagnostics: &diagnostics)
        #expect(!diagnostics.sorted.isEmpty, "every syntax fixture holds at least one mistake")
        if let failure = try DiagnosticSnapshots.compare("syntax", name,
                                                         output: RenderedDiagnostics.sections(diagnostics.sorted, in: file)) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
