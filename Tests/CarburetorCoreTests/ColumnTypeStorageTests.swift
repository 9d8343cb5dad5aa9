import Testing
@testable import CarburetorCore

/// A column keeps its type as `ColumnTypeStorage`; every `TypeSyntax?` must
/// come back unchanged, and equal types must have equal storage.
struct ColumnTypeStorageTests {
    static func name(_ text: String, at start: Int) -> Identifier {
        Identifier(text, range: SourceRange(start: start, end: start + text.utf8.count))
    }

    static let types: [TypeSyntax?] = {
        let nullable = name("Nullable", at: 10)
        let text = name("Text", at: 19)
        let far = 5_000_000_000  // past 32-bit offsets
        return [
            nil,
            .named(text),
            .generic(nullable, argument: .named(text), range: SourceRange(start: 10, end: 24)),
            .generic(nullable, argument: .named(text), range: SourceRange(start: 10, end: 30)),
            .generic(nullable, argument: nil, range: SourceRange(start: 10, end: 20)),
            .generic(nullable, argument: .generic(name("Nullable", at: 19), argument: .named(name("Text", at: 28)),
                                                  range: SourceRange(start: 19, end: 33)),
                     range: SourceRange(start: 10, end: 34)),
            .generic(name("Nullable", at: far), argument: .named(name("Text", at: far + 9)),
                     range: SourceRange(start: far, end: far + 14)),
        ]
    }()

    @Test func everyTypeComesBackAsWritten() {
        for type in Self.types {
            #expect(ColumnTypeStorage(type).syntax == type)
            #expect(ColumnTypeStorage(type).range == type?.range)
            let column = ColumnSyntax(docs: [], attributes: [], name: Self.name("c", at: 0), type: type,
                                      range: SourceRange(start: 0, end: 40))
            #expect(column.type == type)
        }
    }

    @Test func storagesAreEqualExactlyWhenTypesAre() {
        for first in Self.types {
            for second in Self.types {
                #expect((ColumnTypeStorage(first) == ColumnTypeStorage(second)) == (first == second))
            }
        }
    }

    @Test func parsedNullableTypesAreKeptWithoutABox() {
        var diagnostics = DiagnosticCollector()
        let file = SourceFile(name: "t.carb", text: "tables {\n    t {\n        a -> Nullable<Text>,\n    }\n}\n")
        let syntax = Parser.parse(file, diagnostics: &diagnostics)
        let column = syntax.blocks[0].tables[0].columns[0]
        guard case .generic(let plain) = column.storedType else {
            Issue.record("expected an inline generic type, got \(column.storedType)")
            return
        }
        #expect(plain.nameText == "Nullable" && plain.argumentText == "Text")
        #expect(column.type?.range == SourceRange(start: 30, end: 44))
    }
}
