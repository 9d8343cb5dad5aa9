import CarburetorChecker
import CarburetorSchema

/// Schemas written out by hand, exactly as the resolver must produce them
/// from the fixtures' `input.carb`, so the docs can be tested without the
/// front end and the two can be compared once it exists.
enum HandBuiltSchemas {
    static func schema(for fixture: String) -> Schema? {
        switch fixture {
        case "phone_book": phoneBook
        case "inbox": inbox
        case "every_type": everyType
        default: nil
        }
    }

    // MARK: Builders following the resolution rules of the language reference.

    static func column(_ name: String, _ scalar: ScalarType, nullable: Bool = false, immutable: Bool = false,
                       sql: SQLDefault? = nil, swift: String? = nil, doc: String? = nil) -> Column {
        Column(name: name, type: ColumnType(scalar, nullable: nullable), isImmutable: immutable,
               sqlDefault: sql, swiftDefault: swift, documentation: doc)
    }

    static let synthesizedID = Column(name: "id", type: ColumnType(.text), role: .id, isSynthesized: true,
                                      isImmutable: true)
    static let synthesizedDeleted = Column(name: "is_deleted", type: ColumnType(.bool), role: .softDelete,
                                           isSynthesized: true)
    static let synthesizedStamp = Column(name: "last_synced_at", type: ColumnType(.timestamptz), role: .syncStamp,
                                         isSynthesized: true)

    /// A table whose special columns are all synthesized.
    static func table(_ name: String, plural: String? = nil, doc: String? = nil, _ columns: [Column]) -> Table {
        Table(name: name, plural: plural ?? name + "s", pluralIsDefault: plural == nil, documentation: doc,
              columns: [synthesizedID] + columns + [synthesizedDeleted, synthesizedStamp])
    }

    static func restricted(_ table: String, _ variable: String, _ column: String) -> GroupEntry {
        GroupEntry(tableName: table, restriction: Restriction(variable: variable, columnName: column))
    }

    // MARK: Fixtures

    static let phoneBook = Schema(
        sourceName: "input.carb",
        tables: [
            Table(name: "phone_book", plural: "phone_books", documentation: "A person the user can call.", columns: [
                Column(name: "id", type: ColumnType(.text), role: .id, isImmutable: true),
                column("name", .text),
                column("phone_number", .text),
                column("note", .text, nullable: true),
                column("owner_id", .text, immutable: true),
                column("kind", .text, sql: .text("mobile")),
                Column(name: "updated_at", type: ColumnType(.timestamptz), role: .syncStamp),
                synthesizedDeleted,
            ]),
            table("user", [column("name", .text)]),
        ],
        groups: [
            SyncGroup(name: "mobile", documentation: "What the phone app downloads for the signed-in user.",
                      entries: [GroupEntry(tableName: "user"), restricted("phone_book", "user_id", "owner_id")],
                      contextVariables: [ContextVariable(name: "user_id", type: .text)]),
        ]
    )

    static let inbox = Schema(
        sourceName: "input.carb",
        tables: [
            table("member", doc: "Someone who can receive messages.", [
                column("handle", .text),
                column("display_name", .text, nullable: true),
                column("born_on", .date),
                column("joined_at", .timestamptz, immutable: true),
                column("rank", .integer, sql: .number("0")),
                column("language", .text, nullable: true, sql: .text("no preference")),
            ]),
            table("message", doc: "A message in a member's inbox.", [
                column("recipient_id", .text, immutable: true),
                column("subject", .text),
                column("body", .text),
                column("notes", .text, nullable: true, swift: "nil"),
            ]),
        ],
        groups: [
            SyncGroup(name: "directory", entries: [GroupEntry(tableName: "member")]),
            SyncGroup(name: "inbox",
                      documentation: "The inbox app: the member directory and the signed-in member's messages.",
                      entries: [GroupEntry(tableName: "member"), restricted("message", "member_id", "recipient_id")],
                      contextVariables: [ContextVariable(name: "member_id", type: .text)]),
        ]
    )

    static let everyType = Schema(
        sourceName: "input.carb",
        tables: [
            table("record", doc: """
                Every column type, names that are Swift keywords or SQL reserved
                words, and Markdown in doc comments: a | b, *stars*, <tags> & [links](x).
                """, [
                column("owner", .uuid, immutable: true, doc: "Who owns the record; `restricted` per group."),
                column("tenant", .bigInt, immutable: true),
                column("title", .text),
                column("small", .smallInt, doc: "- looks like a list item"),
                column("count", .integer, sql: .number("-1")),
                column("big", .bigInt),
                column("ratio", .float),
                column("precise", .double),
                column("price", .numeric, sql: .number("2.50")),
                column("flag", .bool),
                column("happened_at", .timestamptz, nullable: true),
                column("local_time", .timestamp, sql: .now),
                column("day", .date, sql: .now),
                column("at", .time, nullable: true),
                column("reference", .uuid),
                column("settings", .jsonb, sql: .emptyJSON),
                column("raw", .json, nullable: true),
                column("blob", .bytea),
                column("class", .text, swift: "\"untitled\""),
                column("default", .text, sql: .text("a|b `c`")),
                column("self", .text, nullable: true, sql: .null),
                Column(name: "dirty", type: ColumnType(.text, nullable: true), role: .dirtyFlag),
                Column(name: "sync_metadata", type: ColumnType(.jsonb), role: .clientSyncMetadata),
            ]),
            table("category", plural: "categories", doc: "Rows that belong to a tenant.", [
                column("tenant", .bigInt, immutable: true),
                column("name", .text),
            ]),
            table("audit_entry", plural: "audit_entries", doc: "Declared but in no group.", [
                column("message", .text),
            ]),
        ],
        groups: [
            SyncGroup(name: "owner_view", documentation: """
                Everything one owner in one tenant may see.

                Second paragraph with a # hash and 1. not a list.
                """,
                      entries: [restricted("record", "owner", "owner"), restricted("category", "tenant", "tenant")],
                      contextVariables: [ContextVariable(name: "owner", type: .uuid),
                                         ContextVariable(name: "tenant", type: .bigInt)]),
            SyncGroup(name: "tenant_view",
                      entries: [restricted("category", "tenant", "tenant"), restricted("record", "tenant", "tenant")],
                      contextVariables: [ContextVariable(name: "tenant", type: .bigInt)]),
            SyncGroup(name: "end", entries: [GroupEntry(tableName: "category")]),
            SyncGroup(name: "empty", entries: []),
        ]
    )
}
