import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

/// Errors about tables, plurals, names and types, with their ranges, notes and fixes.
@Suite struct ResolverTableDiagnosticTests {
    @Test func unknownTableArgumentSuggestsPlural() throws {
        let r = Resolved(#"tables { user(plurl = "users") { name -> Text } }"#)
        let error = try #require(r.only(.unknownTableArgument))
        #expect(r.text(error.range) == "plurl")
        #expect(error.help == "did you mean 'plural'?")
        #expect(r.applying(error.fixIts) == #"tables { user(plural = "users") { name -> Text } }"#)
    }

    @Test func duplicateArgumentPointsAtTheFirst() throws {
        let r = Resolved(#"tables { person(plural = "people", plural = "persons") { name -> Text } }"#)
        let error = try #require(r.only(.duplicateArgument))
        #expect(r.text(error.range) == #"plural = "persons""#)
        #expect(r.text(error.notes.first?.range) == #"plural = "people""#)
        #expect(r.table("person")?.plural == "people")
    }

    @Test func pluralMustBeAQuotedIdentifier() throws {
        let unquoted = Resolved("tables { person(plural = people) { name -> Text } }")
        let error = try #require(unquoted.only(.pluralNotString))
        #expect(unquoted.text(error.range) == "people")
        #expect(unquoted.applying(error.fixIts) == #"tables { person(plural = "people") { name -> Text } }"#)

        let number = Resolved("tables { person(plural = 3) { name -> Text } }")
        #expect(number.only(.pluralNotString) != nil)

        let spaced = Resolved(#"tables { person(plural = "the people") { name -> Text } }"#)
        let invalid = try #require(spaced.only(.pluralNotIdentifier))
        #expect(spaced.text(invalid.range) == #""the people""#)
    }

    @Test func duplicateTableNotesTheFirstDeclaration() throws {
        let r = Resolved("tables {\n user { name -> Text }\n user { email -> Text }\n}")
        let error = try #require(r.only(.duplicateTable))
        #expect(r.file.location(of: error.range.start).line == 3)
        #expect(r.file.location(of: error.notes[0].range!.start).line == 2)
        // Only the first declaration is in the schema.
        #expect(r.schema.tables.count == 1)
        #expect(r.schema.tables[0].column(named: "name") != nil)
    }

    @Test func duplicatePluralPointsAtBothPlurals() throws {
        let r = Resolved(#"tables { user { name -> Text } account(plural = "users") { email -> Text } }"#)
        let error = try #require(r.only(.duplicatePlural))
        #expect(r.text(error.range) == #""users""#)
        #expect(r.text(error.notes.first?.range) == "user")
    }

    @Test func tableNamesWithTheSameSwiftType() throws {
        let r = Resolved("tables { user_a { name -> Text } userA { name -> Text } }")
        let error = try #require(r.only(.swiftNameClash))
        #expect(r.text(error.range) == "userA")
        #expect(r.text(error.notes.first?.range) == "user_a")
        #expect(error.message.contains("'UserA'"))
    }

    @Test func columnNamesWithTheSameSwiftProperty() throws {
        let r = Resolved("tables { user { user_id -> Text, userId -> Text } }")
        let error = try #require(r.only(.swiftNameClash))
        #expect(r.text(error.range) == "userId")
        #expect(r.text(error.notes.first?.range) == "user_id")
    }

    @Test func columnClashingWithASynthesizedColumn() throws {
        let r = Resolved("tables { user { isDeleted -> Bool } }")
        let error = try #require(r.only(.swiftNameClash))
        #expect(r.text(error.range) == "isDeleted")
        #expect(r.text(error.notes.first?.range) == "user")
    }

    @Test func groupNamesWithTheSameSwiftName() throws {
        let r = Resolved("tables { user { name -> Text } } sync_groups { all_users { user } allUsers { user } }")
        let error = try #require(r.only(.swiftNameClash))
        #expect(r.text(error.range) == "allUsers")
    }

    @Test func namesLongerThanPostgresAllows() throws {
        let long = String(repeating: "a", count: 64)
        let column = Resolved("tables { user { \(long) -> Text } }")
        #expect(column.text(column.only(.nameTooLong)?.range) == long)

        let plural = Resolved("tables { user(plural = \"\(long)\") { name -> Text } }")
        #expect(plural.text(plural.only(.nameTooLong)?.range) == "\"\(long)\"")

        // A default plural is one byte longer than the name.
        let name = String(repeating: "b", count: 63)
        let defaultPlural = Resolved("tables { \(name) { name -> Text } }")
        #expect(defaultPlural.text(defaultPlural.only(.nameTooLong)?.range) == name)

        let fits = Resolved("tables { user { \(String(repeating: "c", count: 63)) -> Text } }")
        #expect(fits.errors.isEmpty)
    }

    @Test func duplicateColumn() throws {
        let r = Resolved("tables { user { name -> Text, email -> Text, name -> Text } }")
        let error = try #require(r.only(.duplicateColumn))
        #expect(r.file.text(in: error.range) == "name")
        #expect(error.notes.first?.range?.start ?? 0 < error.range.start)
    }

    @Test func unknownTypeSuggestsAndListsKnownTypes() throws {
        let r = Resolved("tables { user { name -> Txt, age -> Int, when -> Nullable<Timestamtz> } }")
        #expect(r.errors.map(\.code) == [.unknownType, .unknownType, .unknownType])
        #expect(r.errors.map { r.text($0.range) } == ["Txt", "Int", "Timestamtz"])
        #expect(r.errors.map(\.help) == ["did you mean 'Text'?", "did you mean 'Integer'?", "did you mean 'Timestamptz'?"])
        #expect(r.errors[0].notes.first?.message.contains("Bytea") == true)
        #expect(r.applying(r.errors.flatMap(\.fixIts))
            == "tables { user { name -> Text, age -> Integer, when -> Nullable<Timestamptz> } }")
        let farOff = Resolved("tables { user { shape -> Geometry } }")
        #expect(farOff.only(.unknownType)?.help == nil)
    }

    @Test func nestedNullable() throws {
        let r = Resolved("tables { user { nickname -> Nullable<Nullable<Text>> } }")
        let error = try #require(r.only(.nestedNullable))
        #expect(r.text(error.range) == "Nullable<Nullable<Text>>")
        #expect(r.applying(error.fixIts) == "tables { user { nickname -> Nullable<Text> } }")
        #expect(r.table("user")?.column(named: "nickname")?.type == ColumnType(.text, nullable: true))
    }

    @Test func typeArgumentsOnlyOnNullable() throws {
        let option = Resolved("tables { user { nickname -> Option<Text> } }")
        let error = try #require(option.only(.unexpectedTypeArgument))
        #expect(option.text(error.range) == "Option<Text>")
        #expect(error.help == "did you mean 'Nullable'?")

        let scalar = Resolved("tables { user { name -> Text<Bool> } }")
        let scalarError = try #require(scalar.only(.unexpectedTypeArgument))
        #expect(scalar.applying(scalarError.fixIts) == "tables { user { name -> Text } }")
    }

    @Test func nullableNeedsItsArgument() throws {
        let r = Resolved("tables { user { nickname -> Nullable } }")
        #expect(r.text(r.only(.nullableWithoutArgument)?.range) == "Nullable")
    }

    @Test func defaultPluralWarningFixItsRespectExistingParentheses() throws {
        let bare = Resolved("tables { category { name -> Text } }")
        let warning = try #require(bare.only(.implausibleDefaultPlural, severity: .warning))
        #expect(bare.applying(warning.fixIts) == #"tables { category(plural = "categories") { name -> Text } }"#)

        let empty = Resolved("tables { box() { name -> Text } }")
        let emptyWarning = try #require(empty.only(.implausibleDefaultPlural, severity: .warning))
        #expect(empty.applying(emptyWarning.fixIts) == #"tables { box(plural = "boxes") { name -> Text } }"#)

        let plural = Resolved("tables { users { name -> Text } }")
        let pluralWarning = try #require(plural.only(.implausibleDefaultPlural, severity: .warning))
        #expect(pluralWarning.message.contains("already plural"))
        #expect(plural.applying(pluralWarning.fixIts) == #"tables { users(plural = "users") { name -> Text } }"#)

        // A written plural never warns, even an odd one.
        #expect(Resolved(#"tables { category(plural = "categorys") { name -> Text } }"#).warnings.isEmpty)
    }
}
