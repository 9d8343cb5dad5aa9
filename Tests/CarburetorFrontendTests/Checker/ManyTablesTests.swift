import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// A config of many tables, some wrong in ways that relate tables far apart:
/// a name defined again long after its first definition, unknown types,
/// groups naming tables from every part of the file.
@Suite struct ManyTablesTests {
    private func manyTables(_ count: Int, withErrors: Bool) -> String {
        var text = "tables {\n"
        for index in 0..<count {
            let name = withErrors && index == count - 3 ? "table_5" : "table_\(index)"
            let type = withErrors && index % 97 == 13 ? "Txet" : "Text"
            text += "    /// Table \(index).\n    \(name) {\n        #[id]\n        id -> Text,\n"
            text += "        #[immutable]\n        owner_id -> \(type),\n        note -> Nullable<Text>,\n    }\n"
        }
        text += "}\nsync_groups {\n    every {\n"
        for index in stride(from: 0, to: count, by: 7) {
            text += "        table_\(index)(restrict_to = $owner, restrict_to_column = owner_id),\n"
        }
        if withErrors { text += "        missing_table,\n" }
        text += "    }\n}\n"
        return text
    }

    @Test func mistakesFarApartAreEachReportedAtTheirPlace() throws {
        let file = SourceFile(name: "w.carb", text: manyTables(300, withErrors: true))
        let wrong = Frontend.compile(file)
        #expect(wrong.schema == nil)
        #expect(wrong.diagnostics.contains { $0.severity == .note })
        let codes = wrong.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(codes.filter { $0 == .duplicateTable }.count == 1)
        #expect(codes.filter { $0 == .unknownType }.count == (0..<300).filter { $0 % 97 == 13 }.count)
        #expect(codes.contains(.unknownGroupTable))
        let duplicate = try #require(wrong.diagnostics.first { $0.code == .duplicateTable })
        #expect(file.text(in: duplicate.range) == "table_5")
        #expect(duplicate.notes.first?.range.map { file.location(of: $0.start).line } == 43)
        // Without notes, the errors and warnings are the same.
        let withoutNotes = Frontend.compile(file, includeNotes: false)
        #expect(withoutNotes.diagnostics == wrong.diagnostics.filter { $0.severity != .note })
    }

    @Test func aCleanConfigOfManyTablesGivesEveryTable() {
        for count in [0, 1, 300, 2_005] {
            let right = Frontend.compile(SourceFile(name: "r.carb", text: manyTables(count, withErrors: false)))
            #expect(right.schema?.tables.count == count, "\(count) tables")
            #expect(!right.hasErrors)
        }
    }
}
