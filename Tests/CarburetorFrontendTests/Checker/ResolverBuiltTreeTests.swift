import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Resolver rules checked on hand-built trees, independent of the parser.
@Suite struct ResolverBuiltTreeTests {
    /// Names are the same table when they are equal as Swift strings
    /// (canonical equivalence), however their bytes differ; names that only
    /// look alike are not.
    @Test func namesEqualAsStringsAreOneTable() {
        let pairs: [(String, String, Bool)] = [
            ("caf\u{E9}", "cafe\u{301}", true),   // é, precomposed and combining
            ("Kind", "\u{212A}ind", true),         // KELVIN SIGN is canonically K
            ("kind", "\u{212A}ind", false),
            ("record_19999_item", "record_19999_items", false),
            ("abcdefgh", "abcdefghi", false),
        ]
        for (first, second, same) in pairs {
            let b = SyntaxBuilder()
            let (schema, diagnostics) = b.resolve(b.config([
                b.table(first, plural: "firsts", [b.column("name", "Text")]),
                b.table(second, plural: "seconds", [b.column("name", "Text")]),
            ]))
            let duplicate = diagnostics.errors.contains { $0.code == .duplicateTable }
            #expect(duplicate == same, "\(first) / \(second)")
            #expect(schema.tables.count == (same ? 1 : 2), "\(first) / \(second)")
        }
    }

    /// Two columns clash exactly when their Swift property names are equal
    /// (names that differ only in case give different properties).
    @Test func columnsClashExactlyWhenTheirSwiftPropertiesAreEqual() {
        let names = ["user_id", "userId", "userID", "user__id", "_user_id_", "UserId", "user_i_d", "useri_d",
                     "phone_number", "phoneNumber", "Phone_Number", "phone_numbers", "x9_y", "x9Y", "a_1", "a1", "A1"]
        var clashes = 0
        for (index, first) in names.enumerated() {
            for second in names[(index + 1)...] {
                let b = SyntaxBuilder()
                let (_, diagnostics) = b.resolve(b.config([b.table("note", [
                    b.column(first, "Text"), b.column(second, "Text"),
                ])]))
                let clash = diagnostics.errors.contains { $0.code == .swiftNameClash }
                let same = Naming.lowerCamelCase(first) == Naming.lowerCamelCase(second)
                #expect(clash == same, "\(first) / \(second)")
                if clash { clashes += 1 }
            }
        }
        #expect(clashes >= 10)
        #expect(clashes < names.count * (names.count - 1) / 2)
    }

    @Test func synthesizesSpecialColumnsInTheirPlaces() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([b.table("phone_book", plural: "phone_books", [
            b.column("name", "Text"),
            b.column("note", "Nullable<Text>"),
        ])]))
        #expect(diagnostics.errors.isEmpty)
        let table = try #require(schema.tables.first)
        #expect(table.columns.map(\.name) == ["id", "name", "note", "is_deleted", "last_synced_at"])
        #expect(table.columns.map(\.role) == [.id, .regular, .regular, .softDelete, .syncStamp])
        #expect(table.columns.map(\.isSynthesized) == [true, false, false, true, true])
        #expect(table.idColumn.type == ColumnType(.text))
        #expect(table.idColumn.isImmutable)
        #expect(table.syncColumn.type == ColumnType(.timestamptz))
        #expect(table.softDeleteColumn.type == ColumnType(.bool))
        #expect(table.columns[2].type == ColumnType(.text, nullable: true))
        // One note per synthesized column, at the table name.
        let notes = diagnostics.filter { $0.severity == .note }
        #expect(notes.count == 3)
        #expect(notes.allSatisfy { $0.code == .synthesizedColumn && $0.range == table.range })
    }

    @Test func markedColumnsWinOverNamedOnes() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([b.table("note", [
            b.column("id", "Text"),
            b.column("key", "Text", [b.attribute("id")]),
            b.column("updated_at", "Timestamptz", [b.attribute("last_synced_at")]),
            b.column("is_deleted", "Bool"),
        ])]))
        #expect(diagnostics.errors.isEmpty)
        let table = try #require(schema.tables.first)
        #expect(table.columns.map(\.name) == ["id", "key", "updated_at", "is_deleted"])
        #expect(table.columns.map(\.role) == [.regular, .id, .syncStamp, .softDelete])
        #expect(table.idColumn.name == "key")
        #expect(table.idColumn.isImmutable)
        #expect(!table.column(named: "id")!.isImmutable)
        #expect(diagnostics.filter { $0.severity == .note }.isEmpty)
    }

    @Test func aliasesAndSerialResolveToScalarTypes() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([b.table("thing", [
            b.column("flag", "Boolean"),
            b.column("blob", "Nullable<Binary>"),
            b.column("rank", "Serial"),
            b.column("big_rank", "BigSerial"),
        ])]))
        #expect(diagnostics.errors.isEmpty)
        #expect(diagnostics.warnings.codes == [.serialType, .serialType])
        let types = try #require(schema.tables.first).columns.map(\.type)
        #expect(types[1...4] == [ColumnType(.bool), ColumnType(.bytea, nullable: true),
                                 ColumnType(.integer), ColumnType(.bigInt)])
    }

    @Test func defaultsAreRecordedAndCheckedAgainstTheType() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([b.table("thing", [
            b.column("kind", "Text", [b.defaultAttribute("sql") { $0.call("Text", .string($0.string("mobile"))) }]),
            b.column("score", "Nullable<Double>", [b.defaultAttribute("sql") { $0.call("Number", $0.number("-1.5")) }]),
            b.column("seen", "Date", [b.defaultAttribute("sql") { $0.variant("Now") }]),
            b.column("extra", "Jsonb", [b.defaultAttribute("sql")]),
            b.column("label", "Text", [b.defaultAttribute("swift") { .string($0.string("\"x\"")) }]),
            b.column("legacy", "Text", [b.defaultAttribute("rust") { .string($0.string("String::new()")) }]),
            b.column("wrong", "Integer", [b.defaultAttribute("sql") { $0.variant("EmptyJson") }]),
        ])]))
        let table = try #require(schema.tables.first)
        #expect(table.column(named: "kind")?.sqlDefault == .text("mobile"))
        #expect(table.column(named: "score")?.sqlDefault == .number("-1.5"))
        #expect(table.column(named: "seen")?.sqlDefault == .now)
        #expect(table.column(named: "extra")?.sqlDefault == .databaseSupplied)
        #expect(table.column(named: "label")?.swiftDefault == "\"x\"")
        #expect(table.column(named: "legacy")?.sqlDefault == nil)
        #expect(table.column(named: "wrong")?.sqlDefault == nil)
        #expect(diagnostics.warnings.codes == [.rustDefaultIgnored])
        #expect(diagnostics.errorCodes == [.defaultTypeMismatch])
    }

    @Test func contextVariablesFollowFirstUseWithColumnTypes() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([
            b.table("note", [b.column("owner_id", "Text", [b.attribute("immutable")])]),
            b.table("score", [b.column("team", "Nullable<BigInt>", [b.attribute("immutable")])]),
            b.table("tag", [b.column("owner_id", "Text", [b.attribute("immutable")])]),
        ], groups: [b.group("mobile", [
            b.entry("score", restrictTo: "team_id", column: "team"),
            b.entry("note", restrictTo: "user_id", column: "owner_id"),
            b.entry("tag", restrictTo: "user_id", column: "owner_id"),
        ])]))
        #expect(diagnostics.errors.isEmpty)
        let group = try #require(schema.groups.first)
        #expect(group.contextVariables == [ContextVariable(name: "team_id", type: .bigInt),
                                           ContextVariable(name: "user_id", type: .text)])
        #expect(group.entries.map(\.tableName) == ["score", "note", "tag"])
        #expect(group.entries[1].restriction == Restriction(variable: "user_id", columnName: "owner_id"))
    }

    @Test func defaultPluralWarnsWithAFixIt() throws {
        let b = SyntaxBuilder()
        let (schema, diagnostics) = b.resolve(b.config([
            b.table("category", [b.column("name", "Text")]),
            b.table("user", [b.column("name", "Text")]),
        ]))
        let tables = schema.tables
        #expect(tables.map(\.plural) == ["categorys", "users"])
        #expect(tables.map(\.pluralIsDefault) == [true, true])
        let warning = try #require(diagnostics.warnings.first)
        #expect(diagnostics.warnings.count == 1)
        #expect(warning.code == .implausibleDefaultPlural)
        #expect(warning.range == tables[0].range)
        #expect(warning.fixIts == [FixIt(replace: .empty(at: tables[0].range!.end), with: "(plural = \"categories\")")])
    }

    @Test func documentationLinesAreJoined() throws {
        let b = SyntaxBuilder()
        let (schema, _) = b.resolve(b.config([
            b.table("user", docs: ["A person.", "Who logs in."], [b.column("name", "Text", docs: ["Shown."])]),
        ]))
        let table = try #require(schema.tables.first)
        #expect(table.documentation == "A person.\nWho logs in.")
        #expect(table.column(named: "name")?.documentation == "Shown.")
    }
}
