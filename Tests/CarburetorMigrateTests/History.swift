import CarburetorChecker
import CarburetorSchema
import Foundation
@testable import CarburetorMigrate

/// The three versions of one app's config used by the history tests.
enum History {
    static var v1: Schema {
        schema([
            table("user", [column("name", .text)]),
            table("phone_book", plural: "phone_books", [
                column("name", .text),
                column("owner_id", .text, immutable: true),
            ]),
        ], groups: [restrictedGroup("mobile", [("user", nil), ("phone_book", "owner_id")])])
    }

    /// Adds a nullable note and a kind with a default, widens nothing.
    static var v2: Schema {
        schema([
            table("user", [column("name", .text), column("age", .smallInt, nullable: true)]),
            table("phone_book", plural: "phone_books", [
                column("name", .text),
                column("owner_id", .text, immutable: true),
                column("note", .text, nullable: true, doc: "Free text."),
                column("kind", .text, default: .text("mobile")),
            ]),
        ], groups: [restrictedGroup("mobile", [("user", nil), ("phone_book", "owner_id")])])
    }

    /// Renames phone_book → contact (plural contacts), widens age, relaxes
    /// name, adds a restricted group on users.
    static var v3: Schema {
        schema([
            table("user", [column("name", .text, nullable: true), column("age", .integer, nullable: true),
                           column("team_id", .text, nullable: true, immutable: true)]),
            table("contact", renamedFrom: "phone_book", [
                column("name", .text),
                column("owner_id", .text, immutable: true),
                column("note", .text, nullable: true, doc: "Free text."),
                column("kind", .text, default: .text("mobile")),
            ]),
        ], groups: [
            restrictedGroup("mobile", [("user", nil), ("contact", "owner_id")]),
            restrictedGroup("team", [("user", "team_id")], variable: "team_id"),
        ])
    }

    /// Harder changes, needing --allow-destructive and a --cast: a column
    /// rename, a dropped column, a narrowing, a tightened NOT NULL with a
    /// backfill, a text → uuid cast on a restricted immutable column, a new
    /// column with a default, a doc comment removed.
    static var v4: Schema {
        schema([
            table("user", [column("name", .text, default: .text("anonymous")), column("age", .smallInt, nullable: true),
                           column("team_id", .uuid, nullable: true, immutable: true),
                           column("score", .integer, default: .number("0"))]),
            table("contact", [
                column("full_name", .text, renamedFrom: "name"),
                column("owner_id", .text, immutable: true),
                column("note", .text, nullable: true),
            ]),
        ], groups: [
            restrictedGroup("mobile", [("user", nil), ("contact", "owner_id")]),
            restrictedGroup("team", [("user", "team_id")], variable: "team_id", type: .uuid),
        ])
    }

    static var v4Options: MigrationPlanOptions {
        MigrationPlanOptions(allowDestructive: true, casts: ["users.team_id": "\"team_id\"::uuid"])
    }

    static let clock = MigrationClock.fixed("20261125090000")

    /// Writes v1, v2, v3 migrations into `directory`, returning each run's result.
    static func write(into directory: String, layout: MigrationLayout = .diesel) -> [MigrateCommandResult] {
        [("init", v1), ("notes_and_kinds", v2), ("contacts", v3)].map { name, schema in
            MigrateNew(directory: directory, name: name, layout: layout, clock: clock).run(schema: schema)
        }
    }
}
