import Testing
@testable import CarburetorCore

/// A column keeps its attributes as `ColumnAttributeStorage`; every list
/// must come back unchanged, and equal lists must have equal storage.
struct ColumnAttributeStorageTests {
    static func attribute(_ name: String, at start: Int, nameOffset: Int = 2, closeLength: Int = 1,
                          parentheses: Bool = false) -> AttributeSyntax {
        let nameStart = start + nameOffset
        let nameEnd = nameStart + name.utf8.count
        return AttributeSyntax(name: Identifier(name, range: SourceRange(start: nameStart, end: nameEnd)),
                               defaultArgument: nil, hasParentheses: parentheses,
                               range: SourceRange(start: start, end: nameEnd + closeLength))
    }

    static let lists: [[AttributeSyntax]] = {
        let far = 5_000_000_000  // past 32-bit offsets
        return [
            [],
            [attribute("id", at: 4)],
            [attribute("immutable", at: 4)],
            [attribute("client_column_sync_metadata", at: 4)],
            [attribute("id", at: 4, nameOffset: 300)],  // too far from `#[` to keep inline
            [attribute("id", at: 4, closeLength: 0)],  // `]` missing
            [attribute("id", at: 4, parentheses: true)],
            [attribute("unknown", at: 4)],
            [attribute("id", at: far)],
            [attribute("id", at: 4), attribute("immutable", at: 10)],
            [AttributeSyntax(name: Identifier("default", range: SourceRange(start: 6, end: 13)),
                             defaultArgument: DefaultArgumentSyntax(
                                 kind: Identifier("sql", range: SourceRange(start: 14, end: 17)),
                                 value: .variant(Identifier("Now", range: SourceRange(start: 20, end: 23))),
                                 range: SourceRange(start: 14, end: 23)),
                             hasParentheses: true, range: SourceRange(start: 4, end: 25))],
        ]
    }()

    @Test func everyListComesBackAsWritten() {
        for list in Self.lists {
            #expect(ColumnAttributeStorage(list).syntax == list)
            var column = ColumnSyntax(docs: [], attributes: list, name: Identifier("c", range: SourceRange(start: 0, end: 1)),
                                      type: nil, range: SourceRange(start: 0, end: 40))
            #expect(column.attributes == list)
            column.attributes = []
            #expect(column.attributes.isEmpty)
        }
    }

    @Test func storagesAreEqualExactlyWhenListsAre() {
        for first in Self.lists {
            for second in Self.lists {
                #expect((ColumnAttributeStorage(first) == ColumnAttributeStorage(second)) == (first == second))
            }
        }
    }

    @Test func appendingGivesTheStorageOfTheWholeList() {
        for first in Self.lists {
            for second in Self.lists {
                var storage = ColumnAttributeStorage.none
                for attribute in first + second {
                    if let marker = CompactMarkerAttribute(attribute) {
                        storage.append(marker)
                    } else {
                        storage.append(attribute)
                    }
                }
                #expect(storage == ColumnAttributeStorage(first + second))
            }
        }
    }

    @Test func parsedMarkersAreKeptInline() {
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
        guard case .marker(let id) = columns[0].storedAttributes,
              case .marker(let immutable) = columns[1].storedAttributes else {
            Issue.record("expected inline markers, got \(columns.map(\.storedAttributes))")
            return
        }
        #expect(id.name == .id && file.text(in: id.range) == "#[id]")
        #expect(immutable.name == .immutable && file.text(in: immutable.range) == "#[ immutable ]")
        #expect(file.text(in: columns[1].attributes[0].name.range) == "immutable")
        #expect(columns[2].attributes[0].defaultArgument?.kind.text == "sql")
        #expect(columns[3].attributes.map(\.name.text) == ["id", "immutable"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func everyMarkerNameIsRecognizedByItsSpelling() {
        for name in MarkerAttributeName.allCases {
            #expect(MarkerAttributeName(spelling: name.spelling) == name)
        }
    }
}
