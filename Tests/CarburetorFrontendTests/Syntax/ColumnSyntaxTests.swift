import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// A column's attributes and type are plain values: what the parser read
/// comes back as written, ranges included.
struct ColumnSyntaxTests {
    @Test func parsedAttributesKeepTheirNamesRangesAndArguments() {
        var diagnostics = DiagnosticCollector()
        let file = SourceFile(name: "t.carb", text: """
            tables {
                t {
                    #[id]
                    id -> Text,
                    #[ immutable ]
                    owner -> Text,
                    #[default(sql = Now)]
                    at -> Timestamptz,
                    #[id]
                    #[immutable]
                    twice -> Text,
                }
            }

            """)
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        let columns = syntax.blocks[0].tables[0].columns
        #expect(columns[0].attributes.map(\.name.text) == ["id"])
        #expect(file.text(in: columns[0].attributes[0].range) == "#[id]")
        #expect(file.text(in: columns[1].attributes[0].range) == "#[ immutable ]")
        #expect(file.text(in: columns[1].attributes[0].name.range) == "immutable")
        #expect(!columns[1].attributes[0].hasParentheses)
        #expect(columns[2].attributes[0].defaultArgument?.kind.text == "sql")
        #expect(columns[2].attributes[0].hasParentheses)
        #expect(columns[3].attributes.map(\.name.text) == ["id", "immutable"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func parsedTypesKeepTheirShapeAndRanges() {
        var diagnostics = DiagnosticCollector()
        let file = SourceFile(name: "t.carb", text: """
            tables {
                t {
                    a -> Nullable<Text>,
                    b -> Text,
                    c -> Nullable<Nullable<Text>>,
                    d ->
                }
            }

            """)
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        let columns = syntax.blocks[0].tables[0].columns
        guard case .generic(let name, .named(let argument)?, let range)? = columns[0].type else {
            Issue.record("expected Nullable<Text>, got \(String(describing: columns[0].type))")
            return
        }
        #expect(name.text == "Nullable" && argument.text == "Text")
        #expect(file.text(in: range) == "Nullable<Text>")
        #expect(columns[0].type?.range == range)
        #expect(columns[1].type == .named(Identifier("Text", range: columns[1].type!.range)))
        guard case .generic(_, .generic(let inner, _, _)?, _)? = columns[2].type else {
            Issue.record("expected a nested generic, got \(String(describing: columns[2].type))")
            return
        }
        #expect(inner.text == "Nullable")
        #expect(columns[3].type == nil)
        #expect(diagnostics.hasErrors)
    }
}
