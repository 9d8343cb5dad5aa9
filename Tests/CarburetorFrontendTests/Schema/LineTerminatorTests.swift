import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// What every writer of generated files uses to keep config text and paths
/// on the lines it means them to be on.
@Suite struct LineTerminatorTests {
    @Test func linesSplitAtEveryTerminator() {
        #expect(LineTerminators.lines("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\u{0B}h\u{0C}i")
            == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        #expect(LineTerminators.lines("") == [""])
        #expect(LineTerminators.lines("a\n") == ["a", ""])
        #expect(LineTerminators.lines("\r\n\r\n") == ["", "", ""])
        #expect(LineTerminators.lines("é\r😀") == ["é", "😀"])
        #expect(LineTerminators.singleLine("one\r\ntwo\u{2028}three") == "one two three")
        #expect(LineTerminators.singleLine("plain") == "plain")
        #expect(!LineTerminators.containsLineTerminator("tab\tand space"))
    }

    /// A `///` line may hold a lone CR or a Unicode line separator (the
    /// config's lexer ends lines at LF only); the schema keeps the one line
    /// the config shows, so no generated comment can be ended early.
    @Test(arguments: ["\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}"])
    func docCommentsAreOneLine(_ terminator: String) throws {
        let config = "tables {\n    /// A\(terminator)B\n    user {\n        /// C\(terminator)\(terminator)D\n        name -> Text,\n    }\n}\n"
        let result = Frontend.compile(SourceFile(name: "a.carb", text: config))
        let schema = try #require(result.schema, "\(result.diagnostics)")
        #expect(schema.tables[0].documentation == "A B")
        #expect(schema.tables[0].column(named: "name")?.documentation == "C  D")
    }

    @Test func generatedHeadersNeverNameAnAbsolutePath() throws {
        #expect(GeneratedSourceName.from("/home/someone/app/config.carb") == "config.carb")
        #expect(GeneratedSourceName.from("C:\\Users\\someone\\config.carb") == "config.carb")
        #expect(GeneratedSourceName.from("C:/Users/someone/config.carb") == "config.carb")
        #expect(GeneratedSourceName.from("config/app.carb") == "config/app.carb")
        #expect(GeneratedSourceName.from("<stdin>") == "<stdin>")
        let result = Frontend.compile(SourceFile(name: "/tmp/build-1234/app.carb", text: "tables { user { name -> Text } }"))
        #expect(try #require(result.schema).sourceName == "app.carb")
    }
}
