import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Errors about attributes, special columns and defaults.
@Suite struct ResolverColumnDiagnosticTests {
    @Test func unknownAttributeSuggests() throws {
        let r = Resolved("tables { user { #[imutable] owner_id -> Text } }")
        let error = try #require(r.only(.unknownAttribute))
        #expect(r.text(error.range) == "imutable")
        #expect(error.help == "did you mean 'immutable'?")
        #expect(r.applying(error.fixIts) == "tables { user { #[immutable] owner_id -> Text } }")
    }

    @Test func argumentsOnAnAttributeThatTakesNone() throws {
        let r = Resolved("tables { user { #[immutable(true)] owner_id -> Text } }")
        let error = try #require(r.only(.unexpectedAttributeArgument))
        #expect(r.text(error.range) == "#[immutable(true)]")
        #expect(r.applying(error.fixIts) == "tables { user { #[immutable] owner_id -> Text } }")
        #expect(r.table("user")?.column(named: "owner_id")?.isImmutable == true)
    }

    @Test func twoSpecialAttributesOnOneColumn() throws {
        let r = Resolved("tables { user { #[id] #[is_deleted] key -> Text } }")
        let error = try #require(r.only(.conflictingSpecialAttributes))
        #expect(r.text(error.range) == "#[is_deleted]")
        #expect(r.text(error.notes.first?.range) == "#[id]")
        let table = try #require(r.table("user"))
        #expect(table.idColumn.name == "key")
        #expect(table.softDeleteColumn.isSynthesized)
    }

    @Test func aNameThatClaimsAnotherRole() throws {
        let r = Resolved("tables { user { #[id] is_deleted -> Text } }")
        let error = try #require(r.only(.conflictingSpecialAttributes))
        #expect(r.text(error.range) == "is_deleted")
        // Still exactly one column of each role.
        let table = try #require(r.table("user"))
        #expect(table.columns.filter { $0.role == .softDelete }.count == 1)
    }

    @Test func sameSpecialAttributeOnTwoColumns() throws {
        let r = Resolved("tables { user { #[id] key -> Text, #[id] other_key -> Text } }")
        let error = try #require(r.only(.duplicateSpecialAttribute))
        #expect(r.text(error.notes.first?.range) == "#[id]")
        #expect(error.notes.first?.message == "first marked here")
        #expect(error.range.start > error.notes[0].range!.start)
        #expect(r.table("user")?.columns.filter { $0.role == .id }.map(\.name) == ["key"])
    }

    @Test(arguments: [
        ("#[id] key -> Integer", "Integer", "Text"),
        ("#[id] key -> Nullable<Text>", "Nullable<Text>", "Text"),
        ("id -> Uuid", "Uuid", "Text"),
        ("#[last_synced_at] updated_at -> Timestamp", "Timestamp", "Timestamptz"),
        ("last_synced_at -> Nullable<Timestamptz>", "Nullable<Timestamptz>", "Timestamptz"),
        ("#[is_deleted] gone -> Integer", "Integer", "Bool"),
        ("#[dirty_flag] dirty -> Text", "Text", "Nullable<Text>"),
        ("#[client_column_sync_metadata] meta -> Json", "Json", "Jsonb"),
    ])
    func wrongTypeForASpecialColumn(column: String, written: String, required: String) throws {
        let r = Resolved("tables { user { \(column) } }")
        let error = try #require(r.only(.wrongSpecialColumnType))
        #expect(r.text(error.range) == written)
        #expect(error.fixIts.map(\.replacement) == [required])
    }

    @Test func clientOnlyColumnsGetTheirRoles() throws {
        let r = Resolved("""
            tables { user {
                #[dirty_flag] dirty -> Nullable<Text>,
                #[client_column_sync_metadata] meta -> Jsonb,
            } }
            """)
        #expect(r.errors.isEmpty)
        let table = try #require(r.table("user"))
        #expect(table.column(named: "dirty")?.role == .dirtyFlag)
        #expect(table.column(named: "meta")?.role == .clientSyncMetadata)
        #expect(table.serverColumns.map(\.name) == ["id", "is_deleted", "last_synced_at"])
    }

    @Test func immutableOnTheSyncStampOrSoftDelete() throws {
        let stamp = Resolved("tables { user { #[immutable] #[last_synced_at] updated_at -> Timestamptz } }")
        let error = try #require(stamp.only(.immutableSpecialColumn))
        #expect(stamp.text(error.range) == "#[immutable]")
        #expect(stamp.table("user")?.syncColumn.isImmutable == false)

        let named = Resolved("tables { user { #[immutable] is_deleted -> Bool } }")
        #expect(named.only(.immutableSpecialColumn) != nil)

        // Marking the id immutable is allowed.
        #expect(Resolved("tables { user { #[immutable] #[id] key -> Text } }").errors.isEmpty)
    }

    @Test func oneDefaultPerColumn() throws {
        let r = Resolved("tables { user { #[default(sql = Number(0))] #[default(swift = \"1\")] score -> Integer } }")
        let error = try #require(r.only(.duplicateDefault))
        #expect(r.text(error.range) == "#[default(swift = \"1\")]")
        #expect(r.text(error.notes.first?.range) == "#[default(sql = Number(0))]")
        #expect(r.table("user")?.column(named: "score")?.sqlDefault == .number("0"))
    }

    @Test(arguments: [
        "#[default(sql = Now)] last_synced_at -> Timestamptz",
        "#[default(sql)] #[id] key -> Text",
        "#[default(swift = \"false\")] is_deleted -> Bool",
        "#[default(sql = Null)] #[dirty_flag] dirty -> Nullable<Text>",
        "#[default(rust = \"x\")] id -> Text",
    ])
    func noDefaultOnASpecialColumn(column: String) throws {
        let r = Resolved("tables { user { \(column) } }")
        let error = try #require(r.only(.defaultOnSpecialColumn))
        #expect(r.text(error.range).hasPrefix("#[default("))
    }

    @Test(arguments: [
        ("#[default(sql = Now)] name -> Text", "Now", "Timestamptz"),
        ("#[default(sql = EmptyJson)] name -> Text", "EmptyJson", "Jsonb"),
        ("#[default(sql = Text(\"5\"))] count -> Integer", "Text(\"5\")", "Text"),
        ("#[default(sql = Number(1))] name -> Nullable<Text>", "Number(1)", "SmallInt"),
        ("#[default(sql = Null)] name -> Text", "Null", "Nullable"),
    ])
    func defaultThatDoesNotFitTheType(column: String, value: String, helpMentions: String) throws {
        let r = Resolved("tables { user { \(column) } }")
        let error = try #require(r.only(.defaultTypeMismatch))
        #expect(r.text(error.range) == value)
        #expect(error.help?.contains(helpMentions) == true)
        #expect(r.text(error.notes.first?.range).isEmpty == false)
    }

    @Test func aMisfitLiteralIsRewrittenForTheType() throws {
        let number = Resolved("tables { user { #[default(sql = Text(\"-5\"))] stars -> SmallInt } }")
        let error = try #require(number.only(.defaultTypeMismatch))
        #expect(number.applying(error.fixIts) == "tables { user { #[default(sql = Number(-5))] stars -> SmallInt } }")
        let text = Resolved("tables { user { #[default(sql = Number(7))] code -> Text } }")
        let textError = try #require(text.only(.defaultTypeMismatch))
        #expect(text.applying(textError.fixIts) == "tables { user { #[default(sql = Text(\"7\"))] code -> Text } }")
        #expect(Resolved("tables { user { #[default(sql = Text(\"x\"))] n -> Integer } }")
            .only(.defaultTypeMismatch)?.fixIts.isEmpty == true)
    }

    @Test func defaultsThatFit() throws {
        let r = Resolved("""
            tables { user {
                #[default(sql = Now)] a -> Nullable<Time>,
                #[default(sql = EmptyJson)] b -> Json,
                #[default(sql = Text("x"))] c -> Nullable<Text>,
                #[default(sql = Number(-2.5))] d -> Numeric,
                #[default(sql = Null)] e -> Nullable<Uuid>,
                #[default(sql)] f -> Bytea,
            } }
            """)
        #expect(r.errors.isEmpty)
        let defaults = r.table("user")?.columns.compactMap(\.sqlDefault)
        #expect(defaults == [.now, .emptyJSON, .text("x"), .number("-2.5"), .null, .databaseSupplied])
    }

    @Test(arguments: [
        ("#[default] name -> Text", "#[default]"),
        ("#[default()] name -> Text", "#[default()]"),
        ("#[default(swift = Now)] name -> Text", "Now"),
        ("#[default(sql = \"x\")] name -> Text", "\"x\""),
        ("#[default(sql = Text)] name -> Text", "Text"),
        ("#[default(sql = Text())] name -> Text", "Text()"),
        ("#[default(sql = Text(1))] name -> Text", "1"),
        ("#[default(sql = Number(\"1\"))] n -> Integer", "\"1\""),
        ("#[default(sql = Now())] t -> Date", "Now()"),
        ("#[default(sqll = Now)] t -> Date", "sqll"),
        ("#[renamed_from] name -> Text", "#[renamed_from]"),
        ("#[renamed_from(a = b)] name -> Text", "#[renamed_from(a = b)]"),
    ])
    func malformedAttributeArguments(column: String, marked: String) throws {
        let r = Resolved("tables { user { \(column) } }")
        let error = try #require(r.only(.invalidAttributeArgument))
        #expect(r.text(error.range) == marked)
    }

    @Test func unknownSQLDefaultSuggests() throws {
        let r = Resolved("tables { user { #[default(sql = Noww)] t -> Date } }")
        let error = try #require(r.only(.unknownSQLDefault))
        #expect(r.text(error.range) == "Noww")
        #expect(error.help == "did you mean 'Now'?")
    }

    @Test func renamedFromIsRecorded() throws {
        let r = Resolved("tables { user { #[renamed_from(full_name)] name -> Text } }")
        #expect(r.errors.isEmpty)
        #expect(r.table("user")?.column(named: "name")?.renamedFrom == "full_name")
    }

    @Test func repeatedAttributeWarns() throws {
        let r = Resolved("tables { user { #[immutable] #[immutable] owner_id -> Text } }")
        let warning = try #require(r.only(.repeatedAttribute, severity: .warning))
        #expect(r.applying(warning.fixIts) == "tables { user { #[immutable]  owner_id -> Text } }")
        #expect(r.errors.isEmpty)
    }

    @Test func rustDefaultWarnsAndIsIgnored() throws {
        let r = Resolved("tables { user { #[default(rust = \"x()\")] name -> Text } }")
        let warning = try #require(r.only(.rustDefaultIgnored, severity: .warning))
        #expect(r.text(warning.range) == "#[default(rust = \"x()\")]")
        let column = try #require(r.table("user")?.column(named: "name"))
        #expect(column.sqlDefault == nil && column.swiftDefault == nil)
    }

    @Test func serialWarnsWithAFixIt() throws {
        let r = Resolved("tables { user { rank -> Nullable<BigSerial> } }")
        let warning = try #require(r.only(.serialType, severity: .warning))
        #expect(r.applying(warning.fixIts) == "tables { user { rank -> Nullable<BigInt> } }")
        #expect(r.table("user")?.column(named: "rank")?.type == ColumnType(.bigInt, nullable: true))
    }
}
