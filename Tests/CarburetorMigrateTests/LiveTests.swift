import CarburetorChecker
import CarburetorSchema
@testable import CarburetorMigrate
@testable import CarburetorMigrateLive
import CarburetorPostgres
import CarburetorSQL
import Foundation
import Testing

/// Migrations applied to a real PostgreSQL.
@Suite(.serialized) struct LiveTests {
    /// Introspection with columns, indexes and triggers in name order, so
    /// two databases that differ only in column position compare equal.
    func shape(_ url: String) throws -> IntrospectedSchema {
        let connection = try PostgresConnection(url)
        var schema = try IntrospectedSchema.read(from: connection, excluding: ["carburetor_migrations"])
        for index in schema.tables.indices {
            schema.tables[index].columns.sort { $0.name < $1.name }
        }
        return schema
    }

    func newMigration(_ directory: String, _ name: String, _ schema: Schema, clock: String) -> MigrateCommandResult {
        MigrateNew(directory: directory, name: name, clock: .fixed(clock)).run(schema: schema)
    }

    @Test func historyAppliedStepByStepWithoutDriftAndEachDownRestores() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var shapes: [IntrospectedSchema] = [try shape(url)]
            for (index, (name, version)) in [("init", History.v1), ("notes", History.v2), ("contacts", History.v3)].enumerated() {
                #expect(newMigration(directory, name, version, clock: "2026112509000\(index)").exitStatus == .success)
                let applied = MigrateApply(directory: directory, databaseURL: url).run()
                #expect(applied.exitStatus == .success, "\(applied.errors)")
                #expect(applied.output.contains("applied 2026112509000\(index)_\(name) in "))
                let diff = MigrateDiff(databaseURL: url).run(schema: version)
                #expect(diff.exitStatus == .success, "\(diff.output)\(diff.errors)")
                #expect(diff.output == "No drift: the database matches the config.\n")
                shapes.append(try shape(url))
            }
            #expect(shapes[3].tables.map(\.name) == ["contacts", "users"])
            // Rows exist before the hard step, so backfills and casts run on data.
            let seed = try PostgresConnection(url)
            try seed.execute("INSERT INTO users (id, name, age, team_id) VALUES ('u1', NULL, 7, '6b1f8a4e-4d5c-4a34-9a1e-1b2c3d4e5f60')")
            try seed.execute("INSERT INTO contacts (id, name, owner_id) VALUES ('c1', 'Ada', 'u1')")
            let hard = MigrateNew(directory: directory, name: "hard", planOptions: History.v4Options,
                                  clock: .fixed("20261125090003")).run(schema: History.v4)
            #expect(hard.exitStatus == .success, "\(hard.errors) \(hard.diagnostics)")
            let appliedHard = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(appliedHard.exitStatus == .success, "\(appliedHard.errors)")
            #expect(MigrateDiff(databaseURL: url).run(schema: History.v4).output == "No drift: the database matches the config.\n")
            #expect(try seed.query("SELECT name FROM users WHERE id = 'u1'").scalar == "anonymous")
            #expect(try seed.query("SELECT full_name FROM contacts WHERE id = 'c1'").scalar == "Ada")
            shapes.append(try shape(url))
            // The data is still there, so each down restores the schema with data in place.
            // Each down.sql returns to the previous schema.
            let migrations = try MigrationDirectory.read(directory).migrations
            let connection = try PostgresConnection(url)
            for (index, migration) in migrations.enumerated().reversed() {
                try connection.execute(try #require(migration.downSQL))
                #expect(try shape(url) == shapes[index], "down of \(migration.identifier)")
            }
            #expect(shapes[0].tables.isEmpty)
        }
    }

    @Test func concurrentAppliesApplyEachMigrationExactlyOnce() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = History.write(into: directory)
            let outputs = Outputs()
            let group = DispatchGroup()
            for _ in 0..<8 {
                group.enter()
                let thread = Thread {
                    let result = MigrateApply(directory: directory, databaseURL: url).run()
                    outputs.append(result)
                    group.leave()
                }
                thread.start()
            }
            group.wait()
            let results = outputs.all
            #expect(results.count == 8)
            #expect(results.allSatisfy { $0.exitStatus == .success }, "\(results.flatMap(\.errors))")
            let appliedLines = results.flatMap { $0.output.split(separator: "\n") }.filter { $0.hasPrefix("applied ") }
            #expect(appliedLines.count == 3)
            #expect(Set(appliedLines.map { $0.split(separator: " ")[1] }).count == 3)
            let connection = try PostgresConnection(url)
            #expect(try connection.query("SELECT count(*) FROM carburetor_migrations").scalar == "3")
        }
    }

    @Test func killedMigrationLeavesNothingHalfAppliedAndRerunSucceeds() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            // A long migration: a change, then a wait, then another change.
            _ = newMigration(directory, "notes", History.v2, clock: "20261125090001")
            let upPath = directory + "/20261125090001_notes/up.sql"
            let text = try String(contentsOfFile: upPath, encoding: .utf8)
            try text.replacing("ALTER TABLE \"phone_books\" ADD COLUMN \"kind\"",
                               with: "SELECT pg_sleep(2);\n\nALTER TABLE \"phone_books\" ADD COLUMN \"kind\"")
                .write(toFile: upPath, atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)

            let finished = Outputs()
            let thread = Thread { finished.append(MigrateApply(directory: directory, databaseURL: url).run()) }
            thread.start()
            // Kill the deployer's connection while it sleeps inside the migration.
            let observer = try PostgresConnection(url)
            var killed = false
            for _ in 0..<100 where !killed {
                let result = try observer.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(2)%' AND pid <> pg_backend_pid()")
                killed = result.rowCount > 0
                if !killed { usleep(50_000) }
            }
            #expect(killed)
            while finished.all.isEmpty { usleep(50_000) }
            #expect(finished.all[0].exitStatus == .failure)
            // Nothing of the killed migration is there.
            #expect(try observer.query("SELECT count(*) FROM carburetor_migrations").scalar == "1")
            let columns = try shape(url).table(named: "phone_books")?.columns.map(\.name) ?? []
            #expect(!columns.contains("note"))
            #expect(!columns.contains("kind"))
            // A re-run applies it completely.
            let rerun = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(rerun.exitStatus == .success, "\(rerun.errors)")
            #expect(MigrateDiff(databaseURL: url).run(schema: History.v2).exitStatus == .success)
        }
    }

    @Test func tamperedFileIsCaughtBeforeAnythingRuns() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            _ = newMigration(directory, "notes", History.v2, clock: "20261125090001")
            let upPath = directory + "/20261125090000_init/up.sql"
            try (try String(contentsOfFile: upPath, encoding: .utf8) + "\nSELECT 1;\n")
                .write(toFile: upPath, atomically: true, encoding: .utf8)

            // The sum file catches it: check and apply both refuse.
            #expect(MigrateCheck(directory: directory).run(schema: History.v2).exitStatus == .failure)
            let refused = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(refused.exitStatus == .failure)
            #expect(refused.errors.contains { $0.contains("20261125090000_init/up.sql was edited") })

            // Even with the sum file recomputed, the applied checksum catches it.
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let stillRefused = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(stillRefused.exitStatus == .failure)
            #expect(stillRefused.errors.contains { $0.contains("an applied migration was edited") })
            let status = MigrateStatus(directory: directory, databaseURL: url).run()
            #expect(status.output.contains("changed  20261125090000_init"))
            #expect(status.output.contains("pending  20261125090001_notes"))
            // The pending migration did not run.
            #expect(try shape(url).table(named: "phone_books")?.column(named: "note") == nil)
        }
    }

    @Test func driftMadeByHandIsReported() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = History.write(into: directory)
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            let connection = try PostgresConnection(url)
            try connection.execute("ALTER TABLE users ADD COLUMN extra integer")
            try connection.execute("DROP INDEX contacts_last_synced_at_id_idx")
            try connection.execute("ALTER TABLE contacts ALTER COLUMN kind SET DEFAULT 'landline'")
            let text = MigrateDiff(databaseURL: url).run(schema: History.v3)
            #expect(text.exitStatus == .changesFound)
            #expect(text.output.contains("table \"users\", column \"extra\": column not in the config"))
            #expect(text.output.contains("table \"contacts\", index \"contacts_last_synced_at_id_idx\": sync index missing in the database"))
            let drift = try MigrateDiff.drift(of: History.v3, on: connection)
            #expect(Set(drift.map(\.kind)) == [.extraColumn, .missingIndex, .defaultDiffers])
            let json = MigrateDiff(databaseURL: url, format: .json).run(schema: History.v3)
            #expect(json.exitStatus == .changesFound)
            let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
            #expect(decoded?["matches"] as? Bool == false)
            #expect((decoded?["drift"] as? [Any])?.count == 3)
        }
    }

    /// A database set up from `--emit sql` is exactly what the migrations build.
    @Test func emittedSchemaMatchesMigratedSchema() throws {
        try LiveDatabase.withDatabase { url in
            let connection = try PostgresConnection(url)
            try connection.execute(SQLGenerator().script(for: History.v3))
            #expect(try MigrateDiff.drift(of: History.v3, on: connection).isEmpty)
            #expect(try MigrateDiff.drift(of: History.v2, on: connection).isEmpty == false)
        }
    }

    /// A statement marked `-- carburetor:no-transaction` runs outside the
    /// migration's transaction (PostgreSQL refuses CONCURRENTLY inside one).
    @Test func markedStatementRunsOutsideTheTransaction() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            _ = newMigration(directory, "notes", History.v2, clock: "20261125090001")
            let upPath = directory + "/20261125090001_notes/up.sql"
            try (try String(contentsOfFile: upPath, encoding: .utf8)
                + "\n-- carburetor:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS \"phone_books_kind_idx\"\n    ON \"phone_books\" (\"kind\");\n\nCOMMENT ON INDEX \"phone_books_kind_idx\" IS 'by kind';\n")
                .write(toFile: upPath, atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let applied = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(applied.exitStatus == .success, "\(applied.errors)")
            let connection = try PostgresConnection(url)
            #expect(try connection.query("""
                SELECT x.indisvalid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE i.relname = 'phone_books_kind_idx'
                """).scalar == "t")
            #expect(try connection.query("SELECT count(*) FROM carburetor_migrations").scalar == "2")
        }
    }

    /// A pending migration larger than the server's lock table is refused
    /// before anything runs, naming the setting; earlier pending ones do not
    /// run either, so apply never stops half-way.
    @Test func lockBudgetIsCheckedBeforeAnythingRuns() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            let connection = try PostgresConnection(url)
            let budget = try LockBudgetCheck.read(from: connection)
            let tables = budget.capacity / 4 + 1
            let huge = (0..<tables).map { "CREATE TABLE huge_\($0) (id text);" }.joined(separator: "\n")
            try FileManager.default.createDirectory(atPath: directory + "/20261125090001_huge", withIntermediateDirectories: true)
            try huge.write(toFile: directory + "/20261125090001_huge/up.sql", atomically: true, encoding: .utf8)
            try "SELECT 1;\n".write(toFile: directory + "/20261125090001_huge/down.sql", atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let refused = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(refused.exitStatus == .failure)
            #expect(refused.errors.contains { $0.contains("raise max_locks_per_transaction to at least") })
            #expect(try connection.query("SELECT count(*) FROM carburetor_migrations").scalar == "0")
            #expect(try shape(url).tables.isEmpty)
        }
    }

    @Test func migrationWithItsOwnTransactionControlIsRefused() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            let upPath = directory + "/20261125090000_init/up.sql"
            try ("BEGIN;\n" + (try String(contentsOfFile: upPath, encoding: .utf8)) + "commit ;\n")
                .write(toFile: upPath, atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let refused = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(refused.exitStatus == .failure)
            #expect(refused.errors.contains { $0.contains("contains its own BEGIN/COMMIT") })
            #expect(try shape(url).tables.isEmpty)
        }
    }

    @Test func dryRunTouchesNothing() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = History.write(into: directory)
            let dry = MigrateApply(directory: directory, databaseURL: url, dryRun: true).run()
            #expect(dry.exitStatus == .success)
            #expect(dry.output.contains("Would apply 3 migrations"))
            #expect(dry.output.contains("CREATE TABLE \"users\""))
            let connection = try PostgresConnection(url)
            #expect(try connection.query("SELECT to_regclass('carburetor_migrations') IS NULL").scalar == "t")
            #expect(try shape(url).tables.isEmpty)
        }
    }

    @Test func passwordsAreNeverPrinted() throws {
        let result = MigrateApply(directory: "/nonexistent", databaseURL: "postgres://u:s3cretpw@127.0.0.1:1/db").run()
        #expect(result.exitStatus == .failure)
        #expect(!result.errors.joined().contains("s3cretpw"))
        let diff = MigrateDiff(databaseURL: "host=127.0.0.1 port=1 password=s3cretpw").run(schema: History.v1)
        #expect(diff.exitStatus == .failure)
        #expect(!diff.errors.joined().contains("s3cretpw"))
    }

    @Test func lockBudgetRefusalNamesTheSetting() {
        let sql = (0..<5000).map { "CREATE TABLE t\($0) (id text PRIMARY KEY);\nCREATE INDEX i\($0) ON t\($0) (id);" }
            .joined(separator: "\n")
        let migration = Migration(version: "1", name: "big", upPath: "1_big/up.sql", downPath: "1_big/down.sql",
                                  upSQL: sql, downSQL: "")
        let defaults = LockBudgetCheck(maxLocksPerTransaction: 64, maxConnections: 100, maxPreparedTransactions: 0)
        let refusals = defaults.refusals(for: [migration])
        #expect(refusals.count == 1)
        #expect(refusals[0].contains("raise max_locks_per_transaction to at least 250"))
        let raised = LockBudgetCheck(maxLocksPerTransaction: 256, maxConnections: 100, maxPreparedTransactions: 0)
        #expect(raised.refusals(for: [migration]).isEmpty)
    }
}

/// Results gathered from several threads.
final class Outputs: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [MigrateCommandResult] = []
    func append(_ result: MigrateCommandResult) { lock.withLock { results.append(result) } }
    var all: [MigrateCommandResult] { lock.withLock { results } }
}
