import CarburetorSchema
import CarburetorSyntax
import Testing

/// `fmt` keeps a table's `#[renamed_from(…)]` above its name.
@Suite struct TableAttributeFormattingTests {
    func source(_ text: String) -> SourceFile { SourceFile(name: "app.carb", text: text) }

    @Test func formatterKeepsTableAttributes() throws {
        let formatted = try #require(Formatter.format(source("tables {\n#[renamed_from(phone_book)] contact { name -> Text }\n}\n")).formatted)
        #expect(formatted == "tables {\n    #[renamed_from(phone_book)]\n    contact {\n        name -> Text,\n    }\n}\n")
        #expect(Formatter.format(source(formatted)).formatted == formatted)
    }
}
