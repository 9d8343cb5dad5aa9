import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// `Column` keeps rare fields in a box and its range in 32-bit offsets: it
/// must behave like plain fields. `KeywordTable` matches exactly its words.
struct CompactStorageTests {
    @Test func columnFieldsReadBackAsWritten() {
        let wide = SourceRange(start: 5_000_000_000, end: 5_000_000_012)
        var column = Column(name: "amount", type: ColumnType(.numeric), sqlDefault: .number("1.5"),
                            swiftDefault: "0", documentation: "Doc.", renamedFrom: "total", range: wide)
        #expect(column.range == wide)
        #expect(column.sqlDefault == .number("1.5"))
        #expect(column.swiftDefault == "0")
        #expect(column.documentation == "Doc.")
        #expect(column.renamedFrom == "total")
        column.range = SourceRange(start: 3, end: 9)
        #expect(column.range == SourceRange(start: 3, end: 9))
        column.range = nil
        #expect(column.range == nil)
    }

    /// Equal columns are equal however they were built, so hashing and `==` stay synthesized.
    @Test func equalColumnsAreEqualHoweverBuilt() {
        let plain = Column(name: "id", type: ColumnType(.text), range: SourceRange(start: 1, end: 3))
        var edited = Column(name: "id", type: ColumnType(.text), documentation: "x",
                            range: SourceRange(start: 0, end: 5_000_000_000))
        edited.documentation = nil
        edited.range = SourceRange(start: 1, end: 3)
        #expect(edited == plain)
        #expect(Set([edited, plain]).count == 1)
        var copy = plain
        copy.swiftDefault = "UUID().uuidString"
        #expect(copy != plain)
        #expect(plain.swiftDefault == nil)
    }

    @Test func keywordTableMatchesExactlyTheKeywords() {
        let table = KeywordTable([("Text", 1), ("Timestamp", 2), ("Timestamptz", 3),
                                  ("client_column_sync_metadata", 4), ("id", 5)])
        #expect(table.value(for: "Text") == 1)
        #expect(table.value(for: "Timestamp") == 2)
        #expect(table.value(for: "Timestamptz") == 3)
        #expect(table.value(for: "client_column_sync_metadata") == 4)
        #expect(table.value(for: "id") == 5)
        for miss in ["text", "Tex", "Texts", "Timestamptx", "client_column_sync_metadatX",
                     "client_column_sync_metadat", "", "i", "ID", "Téxt"] {
            #expect(table.value(for: miss) == nil, "\(miss)")
        }
        #expect(table.spellings == ["Text", "Timestamp", "Timestamptz", "client_column_sync_metadata", "id"])
    }
}
