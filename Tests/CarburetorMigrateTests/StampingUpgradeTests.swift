import CarburetorChecker
import CarburetorSchema
@testable import CarburetorMigrate
@testable import CarburetorMigrateLive
import CarburetorPostgres
import CarburetorSQL
import Foundation
import Testing

/// Databases migrated by releases before per-column clocks, and the drift
/// `migrate diff` reports on the triggers and indexes.
@Suite(.serialized) struct StampingUpgradeTests {
    /// `Fixtures/legacy_history`: the history fixture as written by the
    /// previous release (snapshot format 1, the generic `carburetor_stamp_row()`).
    static func copyLegacyHistory() throws -> String {
        let directory = temporaryDirectory()
        let source = MigrateFixtures.directory.appendingPathComponent("legacy_history").path
        for entry in try FileManager.default.subpathsOfDirectory(atPath: source).sorted() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source + "/" + entry, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try FileManager.default.createDirectory(atPath: directory + "/" + entry, withIntermediateDirectories: true)
            } else {
                try FileManager.default.copyItem(atPath: source + "/" + entry, toPath: directory + "/" + entry)
            }
        }
        return directory
    }

    @Test func aLegacyDatabaseMigratesToClocksAndDownRestoresIt() throws {
        try LiveDatabase.withDatabase { url in
            let directory = try Self.copyLegacyHistory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            let connection = try PostgresConnection(url)
            try connection.execute("INSERT INTO users (id, name) VALUES ('u1', 'Ann')")
            #expect(try connection.query("SELECT count(*) FROM pg_proc WHERE proname = 'carburetor_stamp_row'").scalar == "1")

            #expect(MigrateCheck(directory: directory).run(schema: History.v3).exitStatus == .changesFound,
                    "the upgrade is a change no migration captures yet")
            let upgrade = MigrateNew(directory: directory, name: "clocks", clock: .fixed("20261125090009")).run(schema: History.v3)
            #expect(upgrade.exitStatus == .success, "\(upgrade.errors)")
            #expect(upgrade.output.contains("per-column clocks"))
            #expect(MigrateCheck(directory: directory).run(schema: History.v3).exitStatus == .success)
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            let diff = MigrateDiff(databaseURL: url).run(schema: History.v3)
            #expect(diff.output == "No drift: the database matches the config.\n", "\(diff.errors)")
            #expect(try connection.query("SELECT count(*) FROM pg_proc WHERE proname = 'carburetor_stamp_row'").scalar == "0")
            // The row from before has no clocks: older than any; its next write gets one.
            #expect(try connection.query("SELECT \"carburetor$clocks\"::text FROM users").scalar == "{}")
            try connection.execute("UPDATE users SET name = 'Bo'")
            #expect(try connection.query("SELECT \"carburetor$clocks\" ? 'name' FROM users").scalar == "t")

            let migration = try #require(try MigrationDirectory.read(directory).migrations.last)
            try connection.execute(try #require(migration.downSQL))
            #expect(try connection.query("SELECT count(*) FROM pg_proc WHERE proname = 'carburetor_stamp_row'").scalar == "1")
            #expect(try connection.query("SELECT count(*) FROM pg_proc WHERE proname LIKE 'carburetor\\_stamp\\_%'").scalar == "1")
            #expect(try connection.query("""
                SELECT count(*) FROM pg_attribute WHERE attname = 'carburetor$clocks'
                """).scalar == "0")
            try connection.execute("UPDATE users SET name = 'Cy'")
            try connection.execute("DELETE FROM users")
        }
    }

    @Test func diffReportsADisabledTriggerAReplacedFunctionAndAnInvalidIndex() throws {
        try LiveDatabase.withDatabase { url in
            let connection = try PostgresConnection(url)
            try connection.execute(SQLGenerator().script(for: History.v3))
            #expect(try MigrateDiff.drift(of: History.v3, on: connection).isEmpty)
            try connection.execute("""
                ALTER TABLE users DISABLE TRIGGER carburetor_refuse_delete;
                CREATE OR REPLACE FUNCTION carburetor_stamp_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RETURN NEW; END $$;
                INSERT INTO users (id, name) VALUES ('a', 'x'), ('b', 'x');
                """)
            // A unique index build that fails leaves an invalid index behind.
            _ = try? connection.execute("CREATE UNIQUE INDEX CONCURRENTLY users_name_idx ON users (name)")
            let drift = try MigrateDiff.drift(of: History.v3, on: connection)
            #expect(drift.contains(Drift(kind: .triggerDisabled, table: "users", object: "trigger \"carburetor_refuse_delete\"",
                                         expected: "enabled", actual: "disabled")))
            #expect(drift.contains { $0.kind == .triggerFunctionDiffers && $0.table == "contacts" })
            #expect(drift.filter { $0.kind == .triggerFunctionDiffers }.count == 2, "both triggers of contacts use it")
            #expect(drift.contains { $0.kind == .extraIndex && $0.object == "index \"users_name_idx\"" })
            let text = MigrateDiff(databaseURL: url).run(schema: History.v3).output
            #expect(text.contains("trigger is disabled"))
            #expect(text.contains("trigger function was replaced or edited"))
        }
    }

    @Test func diffReportsAnInvalidSyncIndex() throws {
        try LiveDatabase.withDatabase { url in
            let connection = try PostgresConnection(url)
            try connection.execute(SQLGenerator().script(for: History.v3))
            // What a failed CREATE INDEX CONCURRENTLY leaves behind.
            try connection.execute("""
                UPDATE pg_index SET indisvalid = false
                WHERE indexrelid = 'users_last_synced_at_id_idx'::regclass
                """)
            let drift = try MigrateDiff.drift(of: History.v3, on: connection)
            #expect(drift == [Drift(kind: .invalidIndex, table: "users", object: "index \"users_last_synced_at_id_idx\"",
                                    expected: "valid", actual: "invalid")])
        }
    }
}
