import CarburetorMigrate
import CarburetorPostgres
import Foundation

/// Runs one pending migration's segments and says exactly what happened.
///
/// Transactional segments are rolled back on failure; a segment marked
/// `-- carburetor:no-transaction` commits on its own, so when a later
/// segment fails the message lists what committed, what was rolled back
/// and what did not run, never "rolled back" for all of it. A segment that
/// times out waiting for a lock is rolled back and tried again after a
/// pause, then reported with the session holding the lock. Server NOTICEs
/// and WARNINGs are passed on. An index a no-transaction segment names and
/// leaves INVALID (an interrupted `CREATE INDEX CONCURRENTLY`, skipped on
/// the next run by `IF NOT EXISTS`) is rebuilt, or the migration is refused.
struct MigrationRun {
    let migration: Migration
    let connection: PostgresConnection
    let history: MigrationHistory
    let watcher: LockWatcher
    let lockTimeout: Duration
    let lockRetries: Int
    let retryDelay: Duration
    let say: (String) -> Void

    /// Segments that committed, in order.
    private var committed: [MigrationScript.Segment] = []

    init(migration: Migration, connection: PostgresConnection, history: MigrationHistory, watcher: LockWatcher,
         lockTimeout: Duration, lockRetries: Int, retryDelay: Duration, say: @escaping (String) -> Void) {
        self.migration = migration
        self.connection = connection
        self.history = history
        self.watcher = watcher
        self.lockTimeout = lockTimeout
        self.lockRetries = lockRetries
        self.retryDelay = retryDelay
        self.say = say
    }

    /// Why a segment failed.
    struct Failure {
        var error: any Error
        /// The session holding the lock, when the segment gave up waiting for one.
        var lockWait: LockWatcher.Blocker?
        var timedOutOnLock = false
        var attempts = 1
        /// Indexes the failed segment left INVALID.
        var invalidIndexes: [String] = []
    }

    /// Runs the migration; `nil` when it was applied and recorded, else the message.
    mutating func apply(start: ContinuousClock.Instant, clock: ContinuousClock) -> String? {
        let segments = MigrationScript.segments(of: migration.upSQL)
        // The history row joins the last segment when that one is transactional.
        let recordsInLast = segments.last?.inTransaction == true
        for (index, segment) in segments.enumerated() {
            let records = recordsInLast && index == segments.count - 1
            if let failure = run(segment, records: records, start: start, clock: clock) {
                return report(failure, at: index, of: segments)
            }
            committed.append(segment)
        }
        if !recordsInLast {
            do {
                try history.record(migration, milliseconds: MigrateApply.milliseconds(clock.now - start), on: connection)
            } catch {
                return "\(migration.identifier): every statement ran but recording it in \(history.qualifiedName) failed, "
                    + "so it is not marked as applied (a re-run runs it again): \(error)"
            }
        }
        return nil
    }

    private func run(_ segment: MigrationScript.Segment, records: Bool,
                     start: ContinuousClock.Instant, clock: ContinuousClock) -> Failure? {
        var attempt = 0
        while true {
            attempt += 1
            watcher.reset()
            do {
                let watch: (Duration) -> Void = { waited in watcher.observe(after: waited) }
                if segment.inTransaction {
                    try connection.transaction { connection in
                        try connection.execute(segment.sql, every: LockWatcher.interval, whileWaiting: watch)
                        if records {
                            try history.record(migration, milliseconds: MigrateApply.milliseconds(clock.now - start),
                                               on: connection)
                        }
                    }
                } else {
                    try connection.execute(segment.sql, every: LockWatcher.interval, whileWaiting: watch)
                }
                surfaceNotices(of: segment)
                if !segment.inTransaction, let failure = repairInvalidIndexes(of: segment) { return failure }
                return nil
            } catch {
                surfaceNotices(of: segment)
                let timedOut = (error as? PostgresError)?.sqlState == LockWatcher.lockNotAvailable
                if timedOut, attempt <= lockRetries {
                    let pause = retryDelay * (1 << (attempt - 1))
                    say("\(migration.identifier) line \(segment.line): \(LockWatcher.describe(watcher.last, timeout: lockTimeout)); "
                        + "rolled back, trying again in \(LockWatcher.format(pause)) (attempt \(attempt + 1) of \(lockRetries + 1))")
                    Thread.sleep(forTimeInterval: Double(MigrateApply.milliseconds(pause)) / 1000)
                    continue
                }
                var failure = Failure(error: error, lockWait: timedOut ? watcher.last : nil,
                                      timedOutOnLock: timedOut, attempts: attempt)
                if !segment.inTransaction {
                    failure.invalidIndexes = (try? invalidIndexes(namedIn: segment.sql)) ?? []
                }
                return failure
            }
        }
    }

    private func surfaceNotices(of segment: MigrationScript.Segment) {
        for notice in connection.takeNotices() {
            say("\(migration.identifier) line \(segment.line): \(notice)")
        }
    }

    /// INVALID indexes (schema-qualified, quoted) whose name the SQL mentions.
    private func invalidIndexes(namedIn sql: String) throws -> [String] {
        let rows = try connection.query("""
            SELECT n.nspname, c.relname FROM pg_index x
            JOIN pg_class c ON c.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT x.indisvalid AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
            ORDER BY 1, 2
            """).rows
        let text = sql.lowercased()
        let ddl = MigrationDDL()
        return rows.compactMap { row in
            guard let schema = row[0], let name = row[1], text.contains(name.lowercased()) else { return nil }
            return ddl.quote(schema) + "." + ddl.quote(name)
        }
    }

    /// After a no-transaction segment succeeded: an index it names that is
    /// INVALID was left by an earlier, interrupted build (and skipped now by
    /// `IF NOT EXISTS`); rebuild it, or refuse to record the migration.
    private func repairInvalidIndexes(of segment: MigrationScript.Segment) -> Failure? {
        let invalid: [String]
        do { invalid = try invalidIndexes(namedIn: segment.sql) } catch { return Failure(error: error) }
        for index in invalid {
            guard connection.serverVersion >= 120000 else {
                return Failure(error: InvalidIndex(description:
                    "index \(index) is INVALID (left by an interrupted CREATE INDEX CONCURRENTLY) and this server cannot "
                    + "rebuild it concurrently; drop it (DROP INDEX CONCURRENTLY \(index)) and run apply again"),
                    invalidIndexes: [index])
            }
            say("\(migration.identifier) line \(segment.line): index \(index) is INVALID (left by an interrupted "
                + "CREATE INDEX CONCURRENTLY); rebuilding it with REINDEX INDEX CONCURRENTLY")
            do {
                try connection.execute("REINDEX INDEX CONCURRENTLY \(index)", every: LockWatcher.interval) {
                    watcher.observe(after: $0)
                }
                surfaceNotices(of: segment)
                if try invalidIndexes(namedIn: segment.sql).contains(index) {
                    throw InvalidIndex(description: "index \(index) is still INVALID after REINDEX")
                }
            } catch {
                return Failure(error: InvalidIndex(description:
                    "index \(index) is INVALID and could not be rebuilt (\(error)); drop it "
                    + "(DROP INDEX CONCURRENTLY \(index)) and run apply again"), invalidIndexes: [index])
            }
        }
        return nil
    }

    /// The whole truth about a failed migration: what committed, what was
    /// rolled back, what did not run, and what to do.
    private func report(_ failure: Failure, at index: Int, of segments: [MigrationScript.Segment]) -> String {
        let failed = segments[index]
        let place = "line \(failed.line) (\(failed.summary))"
        let notRun = segments[(index + 1)...]
        func list(_ segments: [MigrationScript.Segment]) -> String {
            segments.map { "line \($0.line) (\($0.summary))" }.joined(separator: ", ")
        }
        let failedAt = segments.count == 1 ? "" : " in its part from \(place)"
        var text: String
        if committed.isEmpty {
            text = failed.inTransaction || failure.invalidIndexes.isEmpty
                ? "\(migration.identifier) failed\(failedAt) and was rolled back; nothing of it was applied"
                : "\(migration.identifier) failed\(failedAt); it is not recorded as applied"
        } else {
            text = "\(migration.identifier) failed\(failedAt) and is NOT recorded as applied, but part of it stayed: "
                + "it runs statements outside a transaction. Committed: \(list(committed)). "
                + (failed.inTransaction ? "Rolled back: \(place)." : "Did not complete: \(place).")
            if !notRun.isEmpty { text += " Not run: \(list(Array(notRun)))." }
            text += " A re-run starts the migration from the beginning, so every statement in it must be re-runnable "
                + "(IF NOT EXISTS), or undo the committed part by hand first"
        }
        if failure.timedOutOnLock {
            text += ". " + LockWatcher.describe(failure.lockWait, timeout: lockTimeout)
                + " (\(failure.attempts) attempt\(failure.attempts == 1 ? "" : "s")). "
                + LockWatcher.advice(failure.lockWait)
        }
        if !failure.invalidIndexes.isEmpty, failure.error is PostgresError {
            text += ". It left \(failure.invalidIndexes.joined(separator: ", ")) INVALID (a CREATE INDEX CONCURRENTLY "
                + "that did not finish): with IF NOT EXISTS the next apply rebuilds it; otherwise drop it first "
                + "(DROP INDEX CONCURRENTLY …)"
        }
        return text + ": \(failure.error)"
    }
}

/// An index left INVALID that `apply` could not rebuild.
private struct InvalidIndex: Error, CustomStringConvertible {
    var description: String
}
