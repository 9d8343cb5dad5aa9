import CarburetorChecker
import CarburetorSchema
import Foundation
@testable import CarburetorMigrate
import Testing

@Suite struct PlannerTests {
    let users = table("user", [column("name", .text)])

    @Test func firstMigrationCreatesSharedObjectsAndEveryTable() {
        let plan = MigrationPlanner.plan(from: nil, to: schema([users]))
        #expect(plan.changes.map(\.summary) == ["create table \"users\""])
        #expect(plan.upSQL.count == 6)
        #expect(plan.upSQL[0].hasPrefix("CREATE TABLE \"users\" (\n    \"id\" text NOT NULL,"))
        #expect(plan.upSQL[0].hasSuffix("\"carburetor$clocks\" jsonb NOT NULL DEFAULT '{}'::jsonb,\n    CONSTRAINT \"users_pkey\" PRIMARY KEY (\"id\")\n)"))
        #expect(plan.upSQL[1] == "CREATE INDEX \"users_last_synced_at_id_idx\" ON \"users\" (\"last_synced_at\", \"id\")")
        #expect(plan.upSQL[2].hasPrefix("CREATE OR REPLACE FUNCTION \"carburetor_stamp_users\"() RETURNS trigger"))
        #expect(plan.upSQL[3].hasPrefix("CREATE OR REPLACE FUNCTION \"carburetor_purge_users\"(row_id text)"))
        #expect(plan.upSQL[4].hasPrefix("CREATE TRIGGER \"carburetor_stamp\" BEFORE INSERT OR UPDATE ON \"users\""))
        #expect(plan.upSQL[5].hasPrefix("CREATE TRIGGER \"carburetor_refuse_delete\" BEFORE DELETE OR TRUNCATE ON \"users\""))
        #expect(plan.downSQL == ["DROP TABLE \"users\"", "DROP FUNCTION IF EXISTS \"carburetor_stamp_users\"()",
                                 "DROP FUNCTION IF EXISTS \"carburetor_purge_users\"(text)"])
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func lintCodesAreUnique() {
        let codes = MigrationLint.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.contains("DS102") && codes.contains("DS103") && codes.contains("MF103"))
    }

    /// Documentation/Migrations.md explains every code the planner reports.
    @Test func everyLintCodeIsDocumented() throws {
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/Migrations.md")
        let text = try String(contentsOf: reference, encoding: .utf8)
        for lint in MigrationLint.all {
            #expect(text.contains("**\(lint.code.rawValue)**"), "\(lint.code.rawValue) is not in Migrations.md")
        }
    }

    @Test func identicalSchemasPlanNothing() {
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([users]))
        #expect(plan.isEmpty)
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func addNullableColumn() {
        let new = table("user", [column("name", .text), column("note", .text, nullable: true)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.upSQL == ["ALTER TABLE \"users\" ADD COLUMN \"note\" text"] + functions(of: new))
        #expect(plan.downSQL == ["ALTER TABLE \"users\" DROP COLUMN \"note\""] + functions(of: users))
        #expect(plan.upSQL[1].contains("'note', server_clock"), "the new column is clocked")
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func addNotNullColumnWithDefault() {
        let new = table("user", [column("name", .text), column("kind", .text, default: .text("it's"))])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.upSQL == ["ALTER TABLE \"users\" ADD COLUMN \"kind\" text NOT NULL DEFAULT 'it''s'"] + functions(of: new))
        #expect(plan.diagnostics.isEmpty)
    }

    @Test func addNotNullColumnWithoutDefaultIsRefusedWithHint() {
        let range = SourceRange(start: 40, end: 44)
        let new = table("user", [column("name", .text), column("age", .integer, range: range)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.codes == ["MF103"])
        #expect(plan.hasErrors)
        #expect(plan.diagnostics[0].range == range)
        #expect(plan.diagnostics[0].help?.contains("Nullable<Integer>") == true)
        // Even --allow-destructive does not allow it.
        let allowed = MigrationPlanner.plan(from: schema([users]), to: schema([new]),
                                            options: .init(allowDestructive: true))
        #expect(allowed.hasErrors)
    }

    @Test func addNotNullColumnWithDatabaseDefaultIsRefused() {
        let new = table("user", [column("name", .text), column("code", .text, default: .databaseSupplied)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.codes == ["MF104"])
        #expect(plan.hasErrors)
    }

    @Test func dropColumnNeedsAllowDestructive() {
        let range = SourceRange(start: 3, end: 7)
        let new = table("user", range: range, [])
        let refused = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(refused.codes == ["DS103"])
        #expect(refused.hasErrors)
        #expect(refused.diagnostics[0].range == range)
        let allowed = MigrationPlanner.plan(from: schema([users]), to: schema([new]),
                                            options: .init(allowDestructive: true))
        #expect(!allowed.hasErrors)
        #expect(allowed.diagnostics.map(\.severity) == [.warning])
        #expect(allowed.upSQL == ["ALTER TABLE \"users\" DROP COLUMN \"name\""] + functions(of: new))
        // Down brings the NOT NULL column back, with a placeholder for existing rows.
        #expect(allowed.downSQL == [
            "ALTER TABLE \"users\" ADD COLUMN \"name\" text NOT NULL DEFAULT ''",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP DEFAULT",
        ] + functions(of: users))
    }

    @Test func dropTableNeedsAllowDestructive() {
        let posts = table("post", [column("title", .text)])
        let refused = MigrationPlanner.plan(from: schema([users, posts]), to: schema([users]))
        #expect(refused.codes == ["DS102"])
        #expect(refused.hasErrors)
        let allowed = MigrationPlanner.plan(from: schema([users, posts]), to: schema([users]),
                                            options: .init(allowDestructive: true))
        #expect(allowed.upSQL == ["DROP TABLE \"posts\"", "DROP FUNCTION IF EXISTS \"carburetor_stamp_posts\"()",
                                  "DROP FUNCTION IF EXISTS \"carburetor_purge_posts\"(text)"])
        #expect(allowed.downSQL.first?.hasPrefix("CREATE TABLE \"posts\"") == true)
        #expect(allowed.downSQL.count == 6, "table, index, two functions, two triggers")
    }

    @Test func relaxAndTightenNotNull() {
        let nullable = table("user", [column("name", .text, nullable: true)])
        let relax = MigrationPlanner.plan(from: schema([users]), to: schema([nullable]))
        // Purge erases a nullable column to NULL, a NOT NULL one to its empty value.
        #expect(relax.upSQL == ["ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP NOT NULL", functions(of: nullable)[1]])
        #expect(relax.downSQL == [
            "UPDATE \"users\" SET \"name\" = '' WHERE \"name\" IS NULL",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL",
            functions(of: users)[1],
        ])
        #expect(relax.diagnostics.isEmpty)

        let tighten = MigrationPlanner.plan(from: schema([nullable]), to: schema([users]))
        #expect(tighten.codes == ["MF102"])
        #expect(!tighten.hasErrors)
        #expect(tighten.upSQL == ["ALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL", functions(of: users)[1]])

        let withDefault = table("user", [column("name", .text, default: .text("anonymous"))])
        let backfill = MigrationPlanner.plan(from: schema([nullable]), to: schema([withDefault]))
        #expect(backfill.upSQL == [
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DEFAULT 'anonymous'",
            "UPDATE \"users\" SET \"name\" = 'anonymous' WHERE \"name\" IS NULL",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET NOT NULL",
            functions(of: withDefault)[1],
        ])
    }

    @Test func wideningTypeChangeIsSafe() {
        let old = table("score", [column("points", .smallInt)])
        let new = table("score", [column("points", .bigInt)])
        let plan = MigrationPlanner.plan(from: schema([old]), to: schema([new]))
        #expect(plan.diagnostics.isEmpty)
        #expect(plan.upSQL == ["ALTER TABLE \"scores\" ALTER COLUMN \"points\" TYPE bigint"])
        #expect(plan.downSQL == ["ALTER TABLE \"scores\" ALTER COLUMN \"points\" TYPE smallint USING \"points\"::smallint"])
    }

    @Test func narrowingTypeChangeIsDestructive() {
        let old = table("score", [column("points", .double)])
        let new = table("score", [column("points", .float)])
        let refused = MigrationPlanner.plan(from: schema([old]), to: schema([new]))
        #expect(refused.codes == ["DS104"])
        #expect(refused.hasErrors)
        let allowed = MigrationPlanner.plan(from: schema([old]), to: schema([new]), options: .init(allowDestructive: true))
        #expect(!allowed.hasErrors)
        #expect(allowed.upSQL == ["ALTER TABLE \"scores\" ALTER COLUMN \"points\" TYPE real USING \"points\"::real"])
    }

    /// `jsonb` keeps the last of duplicate keys and drops whitespace and key
    /// order, so `Json` → `Jsonb` is not a widening; the way back is.
    @Test func jsonToJsonbIsLintedAsLossy() {
        let old = table("event", [column("payload", .json)])
        let new = table("event", [column("payload", .jsonb)])
        let refused = MigrationPlanner.plan(from: schema([old]), to: schema([new]))
        #expect(refused.codes == ["DS105"])
        #expect(refused.hasErrors)
        #expect(refused.diagnostics.first?.message.contains("duplicate keys") == true)
        let allowed = MigrationPlanner.plan(from: schema([old]), to: schema([new]), options: .init(allowDestructive: true))
        #expect(!allowed.hasErrors)
        #expect(allowed.codes == ["DS105"])
        // json has no equality operator, so the stamping function compares it as text: it changes too.
        #expect(allowed.upSQL == ["ALTER TABLE \"events\" ALTER COLUMN \"payload\" TYPE jsonb"] + functions(of: new).prefix(1))
        #expect(allowed.downSQL == ["ALTER TABLE \"events\" ALTER COLUMN \"payload\" TYPE json"] + functions(of: old).prefix(1))

        let back = MigrationPlanner.plan(from: schema([new]), to: schema([old]))
        #expect(back.diagnostics.isEmpty)
        #expect(back.upSQL == ["ALTER TABLE \"events\" ALTER COLUMN \"payload\" TYPE json"] + functions(of: old).prefix(1))
    }

    @Test func unrelatedTypeChangeNeedsExplicitCast() {
        let old = table("user", [column("flag", .integer, default: .number("0"))])
        let new = table("user", [column("flag", .bool)])
        let refused = MigrationPlanner.plan(from: schema([old]), to: schema([new]))
        #expect(refused.codes == ["MF105"])
        #expect(refused.diagnostics[0].help?.contains("--cast 'users.flag=") == true)
        let cast = MigrationPlanner.plan(from: schema([old]), to: schema([new]),
                                         options: .init(casts: ["users.flag": "\"flag\" <> 0"]))
        #expect(!cast.hasErrors)
        #expect(cast.upSQL == [
            "ALTER TABLE \"users\" ALTER COLUMN \"flag\" DROP DEFAULT",
            "ALTER TABLE \"users\" ALTER COLUMN \"flag\" TYPE boolean USING \"flag\" <> 0",
            functions(of: new)[1],
        ])
        #expect(cast.downSQL == [
            "ALTER TABLE \"users\" ALTER COLUMN \"flag\" TYPE integer USING \"flag\"::integer",
            "ALTER TABLE \"users\" ALTER COLUMN \"flag\" SET DEFAULT 0",
            functions(of: old)[1],
        ])
    }

    @Test func castFlagsParse() {
        #expect(MigrationPlanOptions.parseCast("users.flag=\"flag\" <> 0")! == ("users.flag", "\"flag\" <> 0"))
        #expect(MigrationPlanOptions.parseCast("users.flag=a=b")?.expression == "a=b")
        #expect(MigrationPlanOptions.parseCast("flag=x") == nil)
        #expect(MigrationPlanOptions.parseCast("users.flag") == nil)
        #expect(MigrationPlanOptions.parseCast("users.flag=") == nil)
    }

    @Test func unusedCastIsReported() {
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([users]),
                                         options: .init(casts: ["users.name": "name"]))
        #expect(plan.codes == ["MG102"])
    }

    @Test func defaultChanges() {
        let old = table("user", [column("kind", .text, default: .text("a"))])
        let changed = table("user", [column("kind", .text, default: .text("b"))])
        let dropped = table("user", [column("kind", .text)])
        #expect(MigrationPlanner.plan(from: schema([old]), to: schema([changed])).upSQL ==
                ["ALTER TABLE \"users\" ALTER COLUMN \"kind\" SET DEFAULT 'b'"])
        let drop = MigrationPlanner.plan(from: schema([old]), to: schema([dropped]))
        // The purge function erases to the default, or to '' without one.
        #expect(drop.upSQL == ["ALTER TABLE \"users\" ALTER COLUMN \"kind\" DROP DEFAULT", functions(of: dropped)[1]])
        #expect(drop.downSQL == ["ALTER TABLE \"users\" ALTER COLUMN \"kind\" SET DEFAULT 'a'", functions(of: old)[1]])
    }

    @Test func changedPluralRenamesTableAndDerivedNames() {
        let new = table("user", plural: "people", [column("name", .text)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.codes == ["BC101"])
        #expect(!plan.hasErrors)
        #expect(plan.upSQL == [
            "ALTER TABLE \"users\" RENAME TO \"people\"",
            "DROP TRIGGER \"carburetor_stamp\" ON \"people\"",
            "DROP TRIGGER \"carburetor_refuse_delete\" ON \"people\"",
            "DROP FUNCTION IF EXISTS \"carburetor_stamp_users\"()",
            "DROP FUNCTION IF EXISTS \"carburetor_purge_users\"(text)",
            "ALTER INDEX \"users_pkey\" RENAME TO \"people_pkey\"",
            "ALTER INDEX \"users_last_synced_at_id_idx\" RENAME TO \"people_last_synced_at_id_idx\"",
        ] + functions(of: new) + MigrationDDL().triggers(of: new).map(\.createSQL))
        #expect(plan.downSQL.first == "ALTER TABLE \"people\" RENAME TO \"users\"")
        #expect(plan.downSQL.contains("DROP FUNCTION IF EXISTS \"carburetor_stamp_people\"()"))
    }

    @Test func schemaOptionQualifiesEveryName() {
        let new = table("user", [column("name", .text), column("note", .text, nullable: true)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]),
                                         options: .init(ddl: MigrationDDL(schemaName: "app")))
        #expect(plan.upSQL == ["ALTER TABLE \"app\".\"users\" ADD COLUMN \"note\" text"]
                + MigrationDDL(schemaName: "app").functions(of: new).map(\.createSQL))
        #expect(plan.upSQL[1].hasPrefix("CREATE OR REPLACE FUNCTION \"app\".\"carburetor_stamp_users\"()"))
        let first = MigrationPlanner.plan(from: nil, to: schema([users]), options: .init(ddl: MigrationDDL(schemaName: "app")))
        #expect(first.upSQL[0] == "CREATE SCHEMA IF NOT EXISTS \"app\"")
        #expect(first.upSQL[1].hasPrefix("CREATE TABLE \"app\".\"users\""))
    }

    @Test func renamedFromTableBecomesRename() {
        let new = table("member", renamedFrom: "user", [column("name", .text)])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(!plan.hasErrors)
        #expect(plan.upSQL.first == "ALTER TABLE \"users\" RENAME TO \"members\"")
        #expect(!plan.upSQL.contains { $0.hasPrefix("DROP TABLE") || $0.hasPrefix("CREATE TABLE") })
        // Once the snapshot has the new name, renamed_from is inert.
        #expect(MigrationPlanner.plan(from: schema([new]), to: schema([new])).isEmpty)
    }

    @Test func renamedSingularWithSamePluralIsTheSameTable() {
        let old = table("person", plural: "people", [column("name", .text)])
        let new = table("human", plural: "people", [column("name", .text)])
        #expect(MigrationPlanner.plan(from: schema([old]), to: schema([new])).isEmpty)
    }

    @Test func renamedFromColumnBecomesRenameAndIndexFollows() {
        let old = table("post", [column("owner", .text, immutable: true)])
        let new = table("post", [column("owner_id", .text, immutable: true, renamedFrom: "owner")])
        let plan = MigrationPlanner.plan(from: schema([old], groups: [restrictedGroup("g", [("post", "owner")])]),
                                         to: schema([new], groups: [restrictedGroup("g", [("post", "owner_id")])]))
        #expect(plan.codes == ["BC102"])
        #expect(plan.upSQL == [
            "ALTER INDEX \"posts_owner_last_synced_at_id_idx\" RENAME TO \"posts_owner_id_last_synced_at_id_idx\"",
            "ALTER TABLE \"posts\" RENAME COLUMN \"owner\" TO \"owner_id\"",
        ] + functions(of: new))
    }

    @Test func restrictToChangesAddAndDropIndexes() {
        let posts = table("post", [column("owner_id", .text, immutable: true)])
        let open = schema([posts], groups: [restrictedGroup("g", [("post", nil)])])
        let restricted = schema([posts], groups: [restrictedGroup("g", [("post", "owner_id")])])
        let add = MigrationPlanner.plan(from: open, to: restricted)
        #expect(add.upSQL == ["CREATE INDEX \"posts_owner_id_last_synced_at_id_idx\" ON \"posts\" (\"owner_id\", \"last_synced_at\", \"id\")"])
        #expect(add.downSQL == ["DROP INDEX \"posts_owner_id_last_synced_at_id_idx\""])
    }

    @Test func immutableChangeReplacesTheFunctions() {
        let mutable = table("post", [column("owner_id", .text)])
        let immutable = table("post", [column("owner_id", .text, immutable: true)])
        let plan = MigrationPlanner.plan(from: schema([mutable]), to: schema([immutable]))
        #expect(plan.upSQL == functions(of: immutable))
        #expect(plan.upSQL[0].contains("IF NEW.\"owner_id\" IS DISTINCT FROM OLD.\"owner_id\" THEN\n            RAISE"))
        #expect(plan.downSQL == functions(of: mutable))
    }

    @Test func aDroppedTableTakesItsFunctions() {
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([]), options: .init(allowDestructive: true))
        #expect(plan.upSQL == ["DROP TABLE \"users\"", "DROP FUNCTION IF EXISTS \"carburetor_stamp_users\"()",
                               "DROP FUNCTION IF EXISTS \"carburetor_purge_users\"(text)"])
    }

    @Test func aLegacySnapshotUpgradesEveryTableFirst() {
        var options = MigrationPlanOptions()
        options.upgradesLegacyStamping = true
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([users]), options: options)
        #expect(plan.changes.count == 1)
        #expect(plan.upSQL == ["ALTER TABLE \"users\" ADD COLUMN \"carburetor$clocks\" jsonb NOT NULL DEFAULT '{}'::jsonb"]
                + functions(of: users) + ["DROP TRIGGER IF EXISTS \"carburetor_stamp\" ON \"users\""]
                + MigrationDDL().triggers(of: users).map(\.createSQL)
                + ["DROP FUNCTION IF EXISTS \"carburetor_stamp_row\"()"])
        #expect(plan.downSQL.first?.hasPrefix("CREATE OR REPLACE FUNCTION \"carburetor_stamp_row\"()") == true)
        #expect(plan.downSQL.last == "ALTER TABLE \"users\" DROP COLUMN \"carburetor$clocks\"")
        #expect(MigrationPlanner.plan(from: nil, to: schema([users]), options: options).upSQL.count == 6,
                "an empty directory has nothing to upgrade")
    }

    @Test func idColumnChangeIsRefused() {
        var new = table("user", [column("name", .text)])
        new.columns[0].name = "uid"
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.codes.contains("MG101"))
        #expect(plan.hasErrors)
    }

    @Test func documentationBecomesComments() {
        let new = table("user", doc: "People.", [column("name", .text, doc: "Full name")])
        let plan = MigrationPlanner.plan(from: schema([users]), to: schema([new]))
        #expect(plan.upSQL == [
            "COMMENT ON COLUMN \"users\".\"name\" IS 'Full name'",
            "COMMENT ON TABLE \"users\" IS 'People.'",
        ])
        #expect(plan.downSQL == [
            "COMMENT ON COLUMN \"users\".\"name\" IS NULL",
            "COMMENT ON TABLE \"users\" IS NULL",
        ])
    }

    @Test func largeChangesSplitByLockBudget() {
        let tables = (0..<20).map { table("t\($0)", [column("name", .text)]) }
        let plan = MigrationPlanner.plan(from: nil, to: schema(tables))
        #expect(plan.lockWeight == 20 * 5)
        let parts = plan.split(lockBudget: 26)
        #expect(parts.map(\.count) == [5, 5, 5, 5])
        #expect(parts.allSatisfy { part in part.reduce(0) { $0 + $1.lockWeight } <= 26 })
        #expect(LockBudget.estimate(sql: "-- CREATE TABLE x;\nCREATE TABLE a (x int);\nCREATE INDEX i ON a (x);") == 5)
    }

    /// The table's generated functions as a plan writes them when they change.
    func functions(of table: Table) -> [String] {
        MigrationDDL().functions(of: table).map(\.createSQL)
    }
}
