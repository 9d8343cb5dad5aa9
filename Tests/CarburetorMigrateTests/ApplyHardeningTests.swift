import CarburetorChecker
import CarburetorSchema
@testable import CarburetorMigrate
@testable import CarburetorMigrateLive
import CarburetorPostgres
import Foundation
import Testing

/// `apply` against what a real deployment meets: files checked out on
/// Windows, another session holding a lock, statements outside a
/// transaction that fail half-way, two apps in one database.
@Suite(.serialized) struct ApplyHardeningTests {
    func newMigration(_ directory: String, _ name: String, _ schema: Schema, clock: String,
                      options: MigrationPlanOptions = .init()) -> MigrateCommandResult {
        MigrateNew(directory: directory, name: name, planOptions: options, clock: .fixed(clock)).run(schema: schema)
    }

    /// History.v1 applied, History.v2 (which alters phone_books) pending.
    func initAppliedThenNotesPending(_ directory: String, _ url: String) throws {
        #expect(newMigration(directory, "init", History.v1, clock: "20261125090000").exitStatus == .success)
        #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
        #expect(newMigration(directory, "notes", History.v2, clock: "20261125090001").exitStatus == .success)
    }

    func count(_ url: String, _ table: String = "carburetor_migrations") throws -> String? {
        try PostgresConnection(url).query("SELECT count(*) FROM \(table)").scalar
    }

    func rewrite(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(change(text).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A directory checked out with CRLF endings (and one file with a BOM)
    /// is applied statement by statement, not recorded as applied with
    /// nothing run.
    @Test func migrationsWithCRLFEndingsAndABOMRunTheirStatements() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = History.write(into: directory)
            let migrations = try MigrationDirectory.read(directory).migrations
            for (index, migration) in migrations.enumerated() {
                try rewrite(directory + "/" + migration.upPath) { text in
                    (index == 1 ? "\u{FEFF}" : "") + text.replacing("\n", with: index == 2 ? "\r" : "\r\n")
                }
                try rewrite(directory + "/" + migration.downPath) { $0.replacing("\n", with: "\r\n") }
            }
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let applied = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(applied.exitStatus == .success, "\(applied.errors)")
            #expect(try count(url) == "3")
            let diff = MigrateDiff(databaseURL: url).run(schema: History.v3)
            #expect(diff.output == "No drift: the database matches the config.\n", "\(diff.output)\(diff.errors)")
        }
    }

    /// Two apps with their own `--schema` in one database keep their own
    /// history; neither sees the other's migrations as "missing".
    @Test func eachManagedSchemaHasItsOwnHistory() throws {
        try LiveDatabase.withDatabase { url in
            let first = temporaryDirectory(), second = temporaryDirectory()
            defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }
            let optionsA = MigrationPlanOptions(ddl: MigrationDDL(schemaName: "app_a"))
            let optionsB = MigrationPlanOptions(ddl: MigrationDDL(schemaName: "app_b"))
            #expect(newMigration(first, "init", History.v1, clock: "20261125090000", options: optionsA).exitStatus == .success)
            #expect(newMigration(first, "notes", History.v2, clock: "20261125090001", options: optionsA).exitStatus == .success)
            #expect(newMigration(second, "init", History.v1, clock: "20261125100000", options: optionsB).exitStatus == .success)

            let a = MigrateApply(directory: first, databaseURL: url, schemaName: "app_a").run()
            #expect(a.exitStatus == .success, "\(a.errors)")
            let b = MigrateApply(directory: second, databaseURL: url, schemaName: "app_b").run()
            #expect(b.exitStatus == .success, "\(b.errors)")
            #expect(try count(url, "app_a.carburetor_migrations") == "2")
            #expect(try count(url, "app_b.carburetor_migrations") == "1")
            let connection = try PostgresConnection(url)
            #expect(try connection.query("SELECT to_regclass('public.carburetor_migrations') IS NULL").scalar == "t")
            // Whatever the search path says, each app reads its own history.
            try connection.execute("ALTER DATABASE \"\(try connection.query("SELECT current_database()").scalar!)\" SET search_path = app_b, app_a")
            let status = MigrateStatus(directory: first, databaseURL: url, schemaName: "app_a").run()
            #expect(status.exitStatus == .success, "\(status.errors)")
            #expect(status.output.hasSuffix("2 applied, 0 pending, 0 changed, 0 missing\n"), "\(status.output)")
            let again = MigrateApply(directory: second, databaseURL: url, schemaName: "app_b").run()
            #expect(again.output.contains("Database is up to date (1 migrations applied)"), "\(again.output)\(again.errors)")
        }
    }

    /// `--dry-run` reads inside a READ ONLY transaction: the server itself
    /// refuses any write there.
    @Test func dryRunRunsInAReadOnlyTransaction() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = History.write(into: directory)
            let connection = try PostgresConnection(url)
            let refused = #expect(throws: PostgresError.self) {
                try MigrateApply.readOnly(connection) { try connection.execute("CREATE TABLE written (id int)") }
            }
            #expect(refused?.sqlState == "25006")
            #expect(connection.transactionState == .idle)
            let dry = MigrateApply(directory: directory, databaseURL: url, dryRun: true).run()
            #expect(dry.exitStatus == .success, "\(dry.errors)")
            #expect(dry.output.hasPrefix("Dry run in a read-only transaction: nothing is changed.\n"))
            #expect(try connection.query("SELECT count(*) FROM pg_class WHERE relname IN ('written', 'carburetor_migrations')").scalar == "0")
        }
    }

    /// Another session holds a lock on the table a migration alters:
    /// apply gives up after lock_timeout and its retries, names the table
    /// and the session, applies nothing, and a re-run succeeds once the
    /// lock is gone.
    @Test func applyGivesUpOnAHeldLockNamingTheSessionAndARerunSucceeds() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try initAppliedThenNotesPending(directory, url)

            let blocker = try PostgresConnection(url)
            try blocker.execute("SET application_name = 'nightly-report'")
            try blocker.execute("BEGIN")
            try blocker.execute("SELECT count(*) FROM phone_books")  // holds ACCESS SHARE until the transaction ends
            let clock = ContinuousClock()
            let start = clock.now
            let refused = MigrateApply(directory: directory, databaseURL: url, lockTimeout: .milliseconds(300),
                                       lockRetries: 2, retryDelay: .milliseconds(50)).run()
            let elapsed = clock.now - start
            #expect(refused.exitStatus == .failure)
            let message = refused.errors.joined(separator: "\n")
            #expect(message.contains("20261125090001_notes failed and was rolled back; nothing of it was applied"), "\(message)")
            #expect(message.contains("phone_books"), "\(message)")
            #expect(message.contains("pid \(blocker.backendPID)"), "\(message)")
            #expect(message.contains("application \"nightly-report\""), "\(message)")
            #expect(message.contains("state \"idle in transaction\""), "\(message)")
            #expect(message.contains("transaction open for"), "\(message)")
            #expect(message.contains("pg_terminate_backend(\(blocker.backendPID))"), "\(message)")
            #expect(message.contains("--lock-timeout"), "\(message)")
            #expect(message.contains("(3 attempts)"), "\(message)")
            #expect(refused.output.components(separatedBy: "trying again").count == 3, "\(refused.output)")
            // Three waits of 300 ms and two pauses (50, 100 ms): bounded, not forever.
            #expect(elapsed >= .milliseconds(900) && elapsed < .seconds(10), "\(elapsed)")
            #expect(try count(url) == "1")
            #expect(try blocker.query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'phone_books' AND column_name = 'note'").scalar == "0")

            try blocker.execute("ROLLBACK")
            let rerun = MigrateApply(directory: directory, databaseURL: url, lockTimeout: .milliseconds(300)).run()
            #expect(rerun.exitStatus == .success, "\(rerun.errors)")
            #expect(try count(url) == "2")
        }
    }

    /// A lock released while apply pauses between attempts: the retry succeeds.
    @Test func aRetryAfterTheLockIsReleasedSucceeds() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try initAppliedThenNotesPending(directory, url)
            let locked = DispatchSemaphore(value: 0)
            let thread = Thread {
                guard let blocker = try? PostgresConnection(url) else { locked.signal(); return }
                _ = try? blocker.execute("BEGIN; LOCK TABLE phone_books IN ACCESS SHARE MODE")
                locked.signal()
                Thread.sleep(forTimeInterval: 0.6)
                _ = try? blocker.execute("COMMIT")
            }
            thread.start()
            locked.wait()
            let applied = MigrateApply(directory: directory, databaseURL: url, lockTimeout: .milliseconds(200),
                                       lockRetries: 5, retryDelay: .milliseconds(100)).run()
            #expect(applied.exitStatus == .success, "\(applied.errors)")
            #expect(applied.output.contains("could not lock table phone_books (AccessExclusiveLock)"), "\(applied.output)")
            #expect(applied.output.contains("applied 20261125090001_notes"))
            #expect(try count(url) == "2")
        }
    }

    /// A no-transaction segment fails after an earlier segment committed:
    /// the message says what committed, what did not complete and what did
    /// not run. The interrupted CREATE INDEX CONCURRENTLY left an INVALID
    /// index; the re-run, whose IF NOT EXISTS skips it with a NOTICE (shown),
    /// rebuilds it before recording the migration.
    @Test func partialFailureIsReportedExactlyAndAnInvalidIndexIsRebuilt() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            _ = newMigration(directory, "init", History.v1, clock: "20261125090000")
            #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
            let folder = directory + "/20261125090001_unique_names"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try """
                -- One name per phone book.
                COMMENT ON TABLE "phone_books" IS 'people';

                -- carburetor:no-transaction
                CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "phone_books_name_key" ON "phone_books" ("name");

                COMMENT ON INDEX "phone_books_name_key" IS 'by name';

                """.write(toFile: folder + "/up.sql", atomically: true, encoding: .utf8)
            try "DROP INDEX IF EXISTS \"phone_books_name_key\";\n".write(toFile: folder + "/down.sql", atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let connection = try PostgresConnection(url)
            try connection.execute("INSERT INTO phone_books (id, name, owner_id) VALUES ('a', 'Ada', 'u'), ('b', 'Ada', 'u')")

            let failed = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(failed.exitStatus == .failure)
            let message = failed.errors.joined(separator: "\n")
            #expect(!message.contains("rolled back; nothing"), "\(message)")
            #expect(message.contains("is NOT recorded as applied, but part of it stayed"), "\(message)")
            #expect(message.contains("Committed: line 2 (COMMENT ON TABLE \"phone_books\" IS 'people')"), "\(message)")
            #expect(message.contains("Did not complete: line 5 (CREATE UNIQUE INDEX CONCURRENTLY"), "\(message)")
            #expect(message.contains("Not run: line 7 (COMMENT ON INDEX"), "\(message)")
            #expect(message.contains("\"public\".\"phone_books_name_key\" INVALID"), "\(message)")
            #expect(try count(url) == "1")
            let validity = "SELECT x.indisvalid FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.relname = 'phone_books_name_key'"
            #expect(try connection.query(validity).scalar == "f")

            // Synced rows cannot be deleted: make the duplicate name unique instead.
            try connection.execute("UPDATE phone_books SET name = 'b-renamed' WHERE id = 'b'")
            let rerun = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(rerun.exitStatus == .success, "\(rerun.errors)")
            #expect(rerun.output.contains("20261125090001_unique_names line 5: NOTICE: relation \"phone_books_name_key\" already exists, skipping"), "\(rerun.output)")
            #expect(rerun.output.contains("rebuilding it with REINDEX INDEX CONCURRENTLY"), "\(rerun.output)")
            #expect(try connection.query(validity).scalar == "t")
            #expect(try connection.query("SELECT obj_description('phone_books_name_key'::regclass)").scalar == "by name")
            #expect(try count(url) == "2")
        }
    }

    /// A WARNING the server sends while a migration runs reaches the output.
    @Test func serverWarningsAreShown() throws {
        try LiveDatabase.withDatabase { url in
            let directory = temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let folder = directory + "/20261125090000_warn"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "DO $$ BEGIN RAISE WARNING 'table % is large', 'phone_books'; END $$;\n"
                .write(toFile: folder + "/up.sql", atomically: true, encoding: .utf8)
            try "SELECT 1;\n".write(toFile: folder + "/down.sql", atomically: true, encoding: .utf8)
            #expect(MigrateHash(directory: directory).run().exitStatus == .success)
            let applied = MigrateApply(directory: directory, databaseURL: url).run()
            #expect(applied.exitStatus == .success, "\(applied.errors)")
            #expect(applied.output.contains("20261125090000_warn line 1: WARNING: table phone_books is large"), "\(applied.output)")
        }
    }
}
