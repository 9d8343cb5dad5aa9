import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct ParserTests {
    private let phoneBook = """
    // phone book app
    tables {
        /// A person the user can call.
        phone_book(plural = "phone_books") {
            #[id]
            id -> Text,
            note -> Nullable<Text>,
            #[default(sql = Text("mobile"))]
            kind -> Text,
            #[last_synced_at]
            updated_at -> Timestamptz
        }
        user {
            name -> Text,
        }
    }

    sync_groups {
        /// Everything a phone sees.
        mobile {
            user,
            phone_book(restrict_to = $user_id, restrict_to_column = owner_id),
        }
    }

    """

    private func parseClean(_ source: String) -> ConfigSyntax {
        let (syntax, diagnostics) = SyntaxTesting.parse(source)
        #expect(diagnostics.isEmpty, "unexpected diagnostics: \(diagnostics.map(\.message))")
        return syntax
    }

    @Test func emptyFileIsAnEmptyConfig() {
        let syntax = parseClean("")
        #expect(syntax.blocks.isEmpty)
        #expect(syntax.macroWrapper == nil)
        #expect(syntax.range == SourceRange(start: 0, end: 0))
    }

    @Test func blocksTablesAndGroupsInSourceOrder() {
        let syntax = parseClean(phoneBook)
        #expect(syntax.blocks.map(\.kind) == [.tables, .syncGroups])
        #expect(syntax.blocks[0].tables.map(\.name.text) == ["phone_book", "user"])
        #expect(syntax.blocks[1].groups.map(\.name.text) == ["mobile"])
        #expect(syntax.blocks[0].keyword.text == "tables")
    }

    @Test func tableDocsArgumentsAndRanges() throws {
        let syntax = parseClean(phoneBook)
        let table = syntax.blocks[0].tables[0]
        #expect(table.docs.map(\.text) == ["A person the user can call."])
        #expect(SyntaxTesting.text(table.docs[0].range, in: phoneBook) == "/// A person the user can call.")
        let arguments = try #require(table.arguments)
        #expect(arguments.count == 1)
        #expect(arguments[0].name.text == "plural")
        #expect(arguments[0].value == .string(StringLiteral("phone_books", range: arguments[0].value!.range)))
        #expect(SyntaxTesting.text(arguments[0].range, in: phoneBook) == "plural = \"phone_books\"")
        #expect(SyntaxTesting.text(table.name.range, in: phoneBook) == "phone_book")
        #expect(SyntaxTesting.text(table.range, in: phoneBook).hasPrefix("/// A person"))
        #expect(SyntaxTesting.text(table.range, in: phoneBook).hasSuffix("updated_at -> Timestamptz\n    }"))
        #expect(SyntaxTesting.text(table.bodyRange, in: phoneBook).hasPrefix("{\n        #[id]"))
        #expect(SyntaxTesting.text(table.bodyRange, in: phoneBook).hasSuffix("}"))
        #expect(syntax.blocks[0].tables[1].arguments == nil)
    }

    @Test func columnsWithAttributesAndTypes() {
        let syntax = parseClean(phoneBook)
        let columns = syntax.blocks[0].tables[0].columns
        #expect(columns.map(\.name.text) == ["id", "note", "kind", "updated_at"])
        #expect(columns[0].attributes.map(\.name.text) == ["id"])
        #expect(columns[0].attributes[0].hasParentheses == false)
        #expect(SyntaxTesting.text(columns[0].range, in: phoneBook) == "#[id]\n        id -> Text")
        #expect(SyntaxTesting.text(columns[1].range, in: phoneBook) == "note -> Nullable<Text>")
        #expect(SyntaxTesting.text(columns[1].type?.range, in: phoneBook) == "Nullable<Text>")
        guard case .generic(let name, let argument, _)? = columns[1].type else {
            Issue.record("expected a generic type")
            return
        }
        #expect(name.text == "Nullable")
        #expect(argument?.name.text == "Text")
        #expect(columns[3].type?.name.text == "Timestamptz")
    }

    @Test func defaultAttributeForms() throws {
        let source = """
        tables {
            t {
                #[default(sql = Text("mobile"))] a -> Text,
                #[default(sql = Number(-1.5))] b -> Double,
                #[default(sql = Now)] c -> Timestamptz,
                #[default(sql)] d -> Text,
                #[default(swift = "Date()")] e -> Timestamptz,
                #[default(rust = "x",)] f -> Text,
                #[default(sql = Text())] g -> Text,
                #[whatever(anything = Value)] h -> Text,
                #[id()] i -> Text,
            }
        }
        """
        let columns = parseClean(source).blocks[0].tables[0].columns
        let arguments = columns.map { $0.attributes.first?.defaultArgument }
        #expect(arguments.map { $0?.kind.text } == ["sql", "sql", "sql", "sql", "swift", "rust", "sql", "anything", nil])

        guard case .call(let textName, let textArgument, let textRange)? = arguments[0]?.value else {
            Issue.record("Text(…) should parse as a call")
            return
        }
        #expect(textName.text == "Text")
        #expect(textArgument == .string(StringLiteral("mobile", range: textArgument!.range)))
        #expect(SyntaxTesting.text(textRange, in: source) == "Text(\"mobile\")")
        #expect(SyntaxTesting.text(arguments[0]?.range, in: source) == "sql = Text(\"mobile\")")

        guard case .call(_, let numberArgument, _)? = arguments[1]?.value,
              case .number(let number, _)? = numberArgument else {
            Issue.record("Number(-1.5) should parse as a call with a number")
            return
        }
        #expect(number == "-1.5")
        #expect(arguments[2]?.value == .variant(Identifier("Now", range: arguments[2]!.value!.range)))
        #expect(arguments[3]?.value == nil)
        #expect(arguments[4]?.value == .string(StringLiteral("Date()", range: arguments[4]!.value!.range)))
        guard case .call(_, let emptyArgument, _)? = arguments[6]?.value else {
            Issue.record("Text() should parse as a call")
            return
        }
        #expect(emptyArgument == nil)
        #expect(columns[7].attributes[0].name.text == "whatever")
        #expect(columns[8].attributes[0].hasParentheses)
        #expect(columns[8].attributes[0].defaultArgument == nil)
    }

    @Test func groupEntriesWithArguments() throws {
        let syntax = parseClean(phoneBook)
        let group = syntax.blocks[1].groups[0]
        #expect(group.docs.map(\.text) == ["Everything a phone sees."])
        #expect(group.entries.map(\.table.text) == ["user", "phone_book"])
        #expect(group.entries[0].arguments == nil)
        let arguments = try #require(group.entries[1].arguments)
        #expect(arguments.map(\.name.text) == ["restrict_to", "restrict_to_column"])
        guard case .variable(let variable, let dollar)? = arguments[0].value else {
            Issue.record("restrict_to should hold a variable")
            return
        }
        #expect(variable.text == "user_id")
        #expect(SyntaxTesting.text(dollar, in: phoneBook) == "$")
        #expect(SyntaxTesting.text(arguments[0].value?.range, in: phoneBook) == "$user_id")
        #expect(arguments[1].value == .identifier(Identifier("owner_id", range: arguments[1].value!.range)))
        #expect(SyntaxTesting.text(group.entries[1].range, in: phoneBook)
                == "phone_book(restrict_to = $user_id, restrict_to_column = owner_id)")
    }

    @Test func argumentValuesOfEveryKind() throws {
        let source = "tables { t(a = \"s\", b = 12, c = name, d = $v,) { x -> Text } }"
        let arguments = try #require(parseClean(source).blocks[0].tables[0].arguments)
        #expect(arguments.map(\.name.text) == ["a", "b", "c", "d"])
        #expect(arguments.map { SyntaxTesting.text($0.value?.range, in: source) } == ["\"s\"", "12", "name", "$v"])
        #expect(parseClean("tables { t() { x -> Text } }").blocks[0].tables[0].arguments == [])
    }

    @Test func macroWrapperIsOptional() {
        let source = "carburetor_sync_config! {\n tables { user { name -> Text } }\n}\n"
        let syntax = parseClean(source)
        #expect(SyntaxTesting.text(syntax.macroWrapper, in: source) == "carburetor_sync_config! {\n tables { user { name -> Text } }\n}")
        #expect(syntax.blocks.map(\.kind) == [.tables])
    }

    @Test func keywordsAreContextual() {
        let source = """
        tables {
            tables {
                tables -> Text,
                sync_groups -> Text,
                carburetor_sync_config -> Text,
            }
            sync_groups { x -> Text }
        }
        sync_groups { tables { tables, sync_groups } }
        """
        let syntax = parseClean(source)
        #expect(syntax.blocks[0].tables.map(\.name.text) == ["tables", "sync_groups"])
        #expect(syntax.blocks[0].tables[0].columns.map(\.name.text) == ["tables", "sync_groups", "carburetor_sync_config"])
        #expect(syntax.blocks[1].groups[0].entries.map(\.table.text) == ["tables", "sync_groups"])
    }

    @Test func trailingCommasAreOptional() {
        let syntax = parseClean("tables { a { x -> Text } b { x -> Text, y -> Text, } }\nsync_groups { g { a } h { a, b, } }")
        #expect(syntax.blocks[0].tables.map(\.columns.count) == [1, 2])
        #expect(syntax.blocks[1].groups.map(\.entries.count) == [1, 2])
    }

    @Test func emptyBodiesAreAllowed() {
        let syntax = parseClean("tables { } sync_groups { g { } }")
        #expect(syntax.blocks[0].tables.isEmpty)
        #expect(syntax.blocks[1].groups[0].entries.isEmpty)
    }

    @Test func docCommentsAttachToColumnsAcrossAttributes() {
        let source = """
        tables {
            t {
                /// First line.
                /// Second line.
                #[immutable]
                /// After the attribute.
                owner -> Text,
            }
        }
        """
        let column = parseClean(source).blocks[0].tables[0].columns[0]
        #expect(column.docs.map(\.text) == ["First line.", "Second line.", "After the attribute."])
        #expect(column.attributes.map(\.name.text) == ["immutable"])
        #expect(SyntaxTesting.text(column.range, in: source).hasPrefix("/// First line."))
    }

    @Test func genericTypesAreParsedGenerically() {
        let source = "tables { t { a -> Array<Nullable<Text>>, b -> Nullable<Nullable<Text>>, c -> Txt } }"
        let columns = parseClean(source).blocks[0].tables[0].columns
        #expect(columns.map { $0.type?.name.text } == ["Array", "Nullable", "Txt"])
        #expect(SyntaxTesting.text(columns[0].type?.range, in: source) == "Array<Nullable<Text>>")
    }

    @Test func unknownTypeAttributeAndArgumentNamesAreLeftToTheResolver() {
        let (_, diagnostics) = SyntaxTesting.parse("""
        tables {
            t(color = "red", plural = 5) {
                #[primary_key] id -> Strng,
                #[default(sql = Tomorrow)] when -> Timestamptz,
            }
        }
        sync_groups { g { t(restrict_to = user_id, restrict_to_column = $x) } }
        """)
        #expect(diagnostics.isEmpty)
    }

    @Test func realConfigsShapeParses() {
        let source = """
        carburetor_sync_config! {
            sync_groups {
                all_clients {
                    user,
                    message(
                        restrict_to = $user_id,
                        restrict_to_column = recipient_id,
                    )
                }
            }
        }
        """
        let syntax = parseClean(source)
        let entry = syntax.blocks[0].groups[0].entries[1]
        #expect(entry.arguments?.count == 2)
    }
}
