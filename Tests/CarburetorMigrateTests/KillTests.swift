import CarburetorChecker
import CarburetorSchema
@testable import CarburetorMigrate
import CarburetorMigrateLive
import CarburetorPostgres
import Foundation
import Testing

/// A deployer process killed with SIGKILL in the middle of a long
/// migration leaves nothing half-applied, and a re-run succeeds.
@Suite(.serialized) struct KillTests {
    @Test func deployerKilledWithSIGKILLDuringMigration() async throws {
        let (url, directory, cleanup) = try LiveDatabase.openDatabase()
        defer { cleanup() }
        _ = MigrateNew(directory: directory, name: "init", clock: .fixed("20261125090000")).run(schema: History.v1)
        #expect(MigrateApply(directory: directory, databaseURL: url).run().exitStatus == .success)
        _ = MigrateNew(directory: directory, name: "notes", clock: .fixed("20261125090001")).run(schema: History.v2)
        let upPath = directory + "/20261125090001_notes/up.sql"
        let text = try String(contentsOfFile: upPath, encoding: .utf8)
        try text.replacing("ALTER TABLE \"phone_books\" ADD COLUMN \"kind\"",
                           with: "SELECT pg_sleep(3);\n\nALTER TABLE \"phone_books\" ADD COLUMN \"kind\"")
            .write(toFile: upPath, atomically: true, encoding: .utf8)
        #expect(MigrateHash(directory: directory).run().exitStatus == .success)

        // The child process inherits these.
        setenv("CARBURETOR_KILL_TEST_URL", url, 1)
        setenv("CARBURETOR_KILL_TEST_DIR", directory, 1)
        await #expect(processExitsWith: .signal(SIGKILL)) {
            let environment = ProcessInfo.processInfo.environment
            let url = environment["CARBURETOR_KILL_TEST_URL"]!
            let directory = environment["CARBURETOR_KILL_TEST_DIR"]!
            // A watcher kills this very process once the migration sleeps.
            let watcher = Thread {
                guard let observer = try? PostgresConnection(url) else { return }
                while true {
                    let sleeping = try? observer.query(
                        "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep(3)%' AND pid <> pg_backend_pid()")
                    if (sleeping?.rowCount ?? 0) > 0 { kill(getpid(), SIGKILL) }
                    usleep(20_000)
                }
            }
            watcher.start()
            _ = MigrateApply(directory: directory, databaseURL: url).run()
            // Reaching here means the kill came too late: exit normally so the test fails.
            exit(0)
        }

        // The killed migration left nothing behind once its backend noticed.
        let observer = try PostgresConnection(url)
        #expect(try observer.query("SELECT count(*) FROM carburetor_migrations").scalar == "1")
        let rerun = MigrateApply(directory: directory, databaseURL: url).run()
        #expect(rerun.exitStatus == .success, "\(rerun.errors)")
        #expect(rerun.output.contains("applied 20261125090001_notes in "))
        #expect(MigrateDiff(databaseURL: url).run(schema: History.v2).exitStatus == .success)
    }
}
