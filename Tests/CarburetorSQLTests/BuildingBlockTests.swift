import CarburetorChecker
import CarburetorSchema
import CarburetorSQL
import Testing

@Suite struct BuildingBlockTests {
    @Test func identifiersAreAlwaysQuotedAndEscaped() {
        #expect(SQLIdentifier.quote("user") == "\"user\"")
        #expect(SQLIdentifier.quote("MixedCase") == "\"MixedCase\"")
        #expect(SQLIdentifier.quote("say\"hi\"") == "\"say\"\"hi\"\"\"")
        #expect(SQLIdentifier.qualified("orders", schema: "my \"app\"") == "\"my \"\"app\"\"\".\"orders\"")
        #expect(SQLIdentifier.qualified("orders", schema: nil) == "\"orders\"")
    }

    @Test func stringLiteralsEscapeQuotesBackslashesAndControls() {
        #expect(SQLLiteral.string("plain") == "'plain'")
        #expect(SQLLiteral.string("it's") == "'it''s'")
        #expect(SQLLiteral.string("") == "''")
        #expect(SQLLiteral.string("Grüße 🚀") == "'Grüße 🚀'")
        #expect(SQLLiteral.string("back\\slash") == "E'back\\\\slash'")
        #expect(SQLLiteral.string("a\nb\tc'd") == "E'a\\nb\\tc''d'")
        #expect(SQLLiteral.string("bell\u{7}") == "E'bell\\u0007'")
    }

    @Test func numberLiteralsAreKeptOrQuoted() {
        #expect(SQLLiteral.number("-42.125") == "-42.125")
        #expect(SQLLiteral.number("0") == "0")
        #expect(SQLLiteral.number("1); DROP TABLE x; --") == "'1); DROP TABLE x; --'")
        #expect(!SQLLiteral.isNumberLiteral("1."))
        #expect(!SQLLiteral.isNumberLiteral("-"))
        #expect(!SQLLiteral.isNumberLiteral(".5"))
        #expect(!SQLLiteral.isNumberLiteral("1.2.3"))
        #expect(SQLLiteral.isNumberLiteral("-0.5"))
    }

    @Test func typesFollowTheReferenceTable() {
        let expected: [ScalarType: String] = [
            .text: "text", .smallInt: "smallint", .integer: "integer", .bigInt: "bigint",
            .float: "real", .double: "double precision", .numeric: "numeric", .bool: "boolean",
            .timestamptz: "timestamptz", .timestamp: "timestamp", .date: "date", .time: "time",
            .uuid: "uuid", .jsonb: "jsonb", .json: "json", .bytea: "bytea",
        ]
        for scalar in ScalarType.allCases {
            #expect(SQLTypeMapping.sqlType(for: scalar) == expected[scalar], "\(scalar)")
        }
        #expect(SQLTypeMapping.catalogType(for: .timestamptz) == "timestamp with time zone")
    }

    @Test func defaultsPickTheRightExpression() {
        #expect(SQLTypeMapping.defaultExpression(.now, for: .timestamptz) == "now()")
        #expect(SQLTypeMapping.defaultExpression(.now, for: .timestamp) == "LOCALTIMESTAMP")
        #expect(SQLTypeMapping.defaultExpression(.now, for: .date) == "CURRENT_DATE")
        #expect(SQLTypeMapping.defaultExpression(.now, for: .time) == "LOCALTIME")
        #expect(SQLTypeMapping.defaultExpression(.emptyJSON, for: .jsonb) == "'{}'::jsonb")
        #expect(SQLTypeMapping.defaultExpression(.emptyJSON, for: .json) == "'{}'::json")
        #expect(SQLTypeMapping.defaultExpression(.null, for: .text) == "NULL")
        #expect(SQLTypeMapping.defaultExpression(.text("o'k"), for: .text) == "'o''k'")
        #expect(SQLTypeMapping.defaultExpression(.number("-1.5"), for: .numeric) == "-1.5")
        #expect(SQLTypeMapping.defaultExpression(.databaseSupplied, for: .bigInt) == nil)
    }

    @Test func derivedNamesFitAndStayDistinct() {
        #expect(SQLDerivedName.make(["phone_books", "updated_at", "id", "idx"]) == "phone_books_updated_at_id_idx")
        let long = String(repeating: "x", count: 70)
        let first = SQLDerivedName.make([long, "a", "idx"])
        let second = SQLDerivedName.make([long, "b", "idx"])
        #expect(first.utf8.count == 63)
        #expect(second.utf8.count == 63)
        #expect(first != second)
        #expect(first == SQLDerivedName.make([long, "a", "idx"]))
        #expect(first.hasPrefix(String(repeating: "x", count: 52) + "_"))
        // Never cuts inside a character.
        let wide = SQLDerivedName.shortened(String(repeating: "é", count: 40))
        #expect(wide.utf8.count <= 63)
        #expect(wide.hasSuffix("_" + wide.suffix(10)))
    }

    @Test func fnvMatchesPublishedVectors() {
        #expect(FNV1a64.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hex("foobar") == "85944171f73967e8")
    }

    @Test func fingerprintDependsOnContentOnly() throws {
        let schema = try Fixture.named("basic").schema()
        var moved = schema
        moved.sourceName = "elsewhere/other.carb"
        #expect(SchemaFingerprint.hash(of: moved) == SchemaFingerprint.hash(of: schema))
        var changed = schema
        changed.tables[0].documentation = "Another comment."
        #expect(SchemaFingerprint.hash(of: changed) != SchemaFingerprint.hash(of: schema))
        var retyped = schema
        retyped.tables[0].columns[1].type.isNullable.toggle()
        #expect(SchemaFingerprint.hash(of: retyped) != SchemaFingerprint.hash(of: schema))
    }

    @Test func headerStaysACommentWhateverTheNames() throws {
        var schema = try Fixture.named("basic").schema()
        schema.sourceName = "evil\nDROP TABLE users;\r\n.carb"
        let header = SQLGenerator(options: .init(schemaName: "x\ny")).header(for: schema)
        #expect(header.split(separator: "\n").allSatisfy { $0.hasPrefix("--") })
        #expect(header.contains("evil DROP TABLE users;  .carb") || header.contains("evil DROP TABLE users; .carb"))
    }

    /// PostgreSQL ends a `--` comment at a CR as well as at an LF: no text
    /// from a path or a (hand-built) schema may end one early.
    @Test(arguments: ["\r", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"])
    func commentLinesHoldNoLineTerminator(_ terminator: String) throws {
        var schema = try Fixture.named("basic").schema()
        schema.sourceName = "evil\(terminator)DROP TABLE users;\(terminator).carb"
        let hostileName = "phone_book\(terminator)DROP TABLE users;"
        schema.tables[0].name = hostileName
        for group in schema.groups.indices {
            for entry in schema.groups[group].entries.indices where schema.groups[group].entries[entry].tableName == "phone_book" {
                schema.groups[group].entries[entry].tableName = hostileName
            }
        }
        let script = SQLGenerator().script(for: schema)
        let lines = script.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("DROP TABLE users") })
        let comments = lines.filter { $0.hasPrefix("--") }
        #expect(comments.allSatisfy { !LineTerminators.containsLineTerminator($0) })
        #expect(comments.filter { $0.contains("DROP TABLE users;") }.count == 2)
        #expect(SQLComment.line("a\(terminator)b") == "-- a b")
    }

    @Test func namesResolveConcatenationClashes() throws {
        let schema = try Fixture.named("hostile_names").schema()
        let names = SQLObjectNames(schema: schema)
        let orders = try #require(schema.table(named: "order"))
        let ordersShop = try #require(schema.table(named: "order_shop"))
        let restricted = names.restrictionIndexName(for: orders, column: "shop_id")
        let sync = names.syncIndexName(for: ordersShop)
        #expect(restricted != sync)
        #expect(names.syncIndexName(for: orders) != "orders_last_synced_at_id_idx", "a table has that name")
        let all = Array(names.names.values) + schema.tables.map(\.plural)
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.utf8.count <= 63 })
    }
}
