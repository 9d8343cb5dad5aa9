import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// The fixed vocabulary of the language, for hover and completion.
enum LanguageWords {
    struct Attribute {
        var name: String
        var summary: String
        /// What completion inserts after `#[` (a snippet).
        var snippet: String
        var onTable = false
    }

    static let attributes: [Attribute] = [
        Attribute(name: "id", summary: "the sync id: `Text`, the primary key, never changes", snippet: "id"),
        Attribute(name: "last_synced_at", summary: "the sync stamp: `Timestamptz`, written by the server only",
                  snippet: "last_synced_at"),
        Attribute(name: "is_deleted", summary: "the soft-delete flag: `Bool`; deleted rows stay so that deletions sync",
                  snippet: "is_deleted"),
        Attribute(name: "immutable", summary: "set on insert, never changed by an update", snippet: "immutable"),
        Attribute(name: "dirty_flag", summary: "client-only `Nullable<Text>` column: never in PostgreSQL or on the wire",
                  snippet: "dirty_flag"),
        Attribute(name: "client_column_sync_metadata",
                  summary: "client-only `Jsonb` column: never in PostgreSQL or on the wire",
                  snippet: "client_column_sync_metadata"),
        Attribute(name: "default",
                  summary: "a default: `sql = Now | Null | EmptyJson | Text(\"…\") | Number(n)`, bare `sql`, `swift = \"expr\"` (`rust = …` is ignored)",
                  snippet: "default(${1:sql = ${2:Now}})"),
        Attribute(name: "renamed_from",
                  summary: "the previous name, so the next migration renames instead of dropping and adding",
                  snippet: "renamed_from(${1:old_name})", onTable: true),
    ]

    static let arguments: [String: String] = [
        "plural": "the table's plural: its PostgreSQL and wire name (default: the name + \"s\")",
        "restrict_to": "the `$variable` a download of this group is given; rows are restricted to it",
        "restrict_to_column": "the column compared with `restrict_to`; it must be immutable (or the id)",
        "sql": "a default the database applies (`DEFAULT` in the DDL)",
        "swift": "a Swift expression for the generated insert initializer",
        "rust": "accepted for carburetor-rs configs and ignored (warning W0004)",
    ]

    static let blocks: [String: String] = [
        "tables": "the tables every device syncs a subset of",
        "sync_groups": "the subsets of tables each app downloads",
    ]

    static let sqlDefaultVariants: [(label: String, snippet: String, detail: String)] = [
        ("Now", "Now", "the current time or date: Timestamptz, Timestamp, Date, Time"),
        ("Null", "Null", "NULL: nullable columns only"),
        ("EmptyJson", "EmptyJson", "{}: Jsonb, Json"),
        ("Text", "Text(\"$1\")", "a text value: Text"),
        ("Number", "Number(${1:0})", "a number: the numeric types"),
    ]
}

/// `.carb` type names, aliases and deprecated spellings included.
enum ScalarTypeNames {
    static let aliases: [String: ScalarType] = [
        "Boolean": .bool, "Binary": .bytea, "Serial": .integer, "BigSerial": .bigInt,
    ]

    static func scalar(named name: String) -> ScalarType? {
        ScalarType(rawValue: name) ?? aliases[name]
    }
}
