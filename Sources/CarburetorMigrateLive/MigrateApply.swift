import CarburetorMigrate
import CarburetorPostgres
import Foundation

/// `migrate apply --dir DIR --database-url URL [--schema NAME]
/// [--lock-timeout DURATION] [--lock-retries N] [--dry-run]`.
///
/// Before anything runs: the directory passes its integrity check, the
/// session takes an advisory lock (concurrent deployers wait, then find
/// nothing left to do), every applied migration's checksum matches its
/// file, and every pending migration fits the server's lock table. Then each
/// pending migration runs in its own transaction together with its history
/// row, so it is applied entirely or not at all. Every statement waits at
/// most `lockTimeout` for a lock; a migration that cannot get one is
/// rolled back and tried again a few times, then reported with the session
/// that holds the lock.
public struct MigrateApply {
    public var directory: String
    public var databaseURL: String
    public var dryRun: Bool
    /// The schema holding the history table (`--schema`); `public` when `nil`.
    public var schemaName: String?
    /// How long one statement may wait for a lock (`lock_timeout`); zero waits forever.
    public var lockTimeout: Duration
    /// How many times a migration that timed out waiting for a lock is tried again.
    public var lockRetries: Int
    /// The pause before the first retry; each further retry waits twice as long.
    public var retryDelay: Duration
    /// Called with each progress line as it happens (the CLI prints it).
    public var progress: (String) -> Void

    public static let defaultLockTimeout = Duration.seconds(5)
    public static let defaultLockRetries = 3

    public init(directory: String, databaseURL: String, dryRun: Bool = false, schemaName: String? = nil,
                lockTimeout: Duration = MigrateApply.defaultLockTimeout,
                lockRetries: Int = MigrateApply.defaultLockRetries,
                retryDelay: Duration = .seconds(1),
                progress: @escaping (String) -> Void = { _ in }) {
        self.directory = directory
        self.databaseURL = databaseURL
        self.dryRun = dryRun
        self.schemaName = schemaName
        self.lockTimeout = lockTimeout
        self.lockRetries = lockRetries
        self.retryDelay = retryDelay
        self.progress = progress
    }

    var history: MigrationHistory { MigrationHistory(schema: schemaName ?? MigrationHistory.defaultSchema) }

    public func run() -> MigrateCommandResult {
        var output = ""
        func say(_ line: String) {
            output += line + "\n"
            progress(line)
        }
        let current: MigrationDirectory
        do {
            current = try MigrationDirectory.read(directory)
        } catch {
            return MigrateCommandResult(exitStatus: .failure, errors: ["\(error)"])
        }
        let problems = SumFile.verify(current)
        guard problems.isEmpty else {
            return MigrateCommandResult(exitStatus: .failure, errors: problems.map(\.message)
                + ["\(directory) failed its integrity check; nothing was applied"])
        }

        let connection: PostgresConnection
        do {
            connection = try PostgresConnection(databaseURL)
        } catch {
            return MigrateCommandResult(exitStatus: .failure, errors: ["cannot connect: \(error)"])
        }
        do {
            // A backend whose client died mid-migration notices within a
            // second and rolls back, releasing its locks (PostgreSQL 14+).
            if connection.serverVersion >= 140000 {
                try connection.execute("SET client_connection_check_interval = '1s'")
            }
            if dryRun {
                return try Self.readOnly(connection) { try plan(current, on: connection, output: output) }
            }
            try MigrationHistory.lock(connection) {
                say("Waiting for another deployer to finish (advisory lock \(MigrationHistory.advisoryLockKey))…")
            }
            defer { MigrationHistory.unlock(connection) }
            // Only after the advisory lock: lock_timeout applies to it too,
            // and waiting for another deployer is meant to take long.
            try connection.execute("SET lock_timeout = '\(LockWait.milliseconds(lockTimeout))ms'")
            try history.create(on: connection)
            _ = connection.takeNotices()  // "relation … already exists, skipping" about the history table
            let comparison = HistoryComparison(directory: current, history: try history.applied(on: connection))
            let refusals = comparison.refusals
            guard refusals.isEmpty else {
                return MigrateCommandResult(exitStatus: .failure, output: output,
                                            errors: refusals + ["nothing was applied"])
            }
            let budget = try LockBudgetCheck.read(from: connection).refusals(for: comparison.pending)
            guard budget.isEmpty else {
                return MigrateCommandResult(exitStatus: .failure, output: output, errors: budget + ["nothing was applied"])
            }
            if comparison.pending.isEmpty {
                say("Database is up to date (\(comparison.applied.count) migrations applied).")
                return MigrateCommandResult(exitStatus: .success, output: output)
            }
            let watcher = LockWatcher(databaseURL: databaseURL, watched: connection.backendPID)
            for migration in comparison.pending {
                let clock = ContinuousClock()
                let start = clock.now
                var execution = MigrationRun(migration: migration, connection: connection, history: history,
                                       watcher: watcher, lockTimeout: lockTimeout, lockRetries: lockRetries,
                                       retryDelay: retryDelay, say: say)
                if let failure = execution.apply(start: start, clock: clock) {
                    return MigrateCommandResult(exitStatus: .failure, output: output, errors: [failure])
                }
                say("applied \(migration.identifier) in \(Self.milliseconds(clock.now - start)) ms")
            }
            say("Applied \(comparison.pending.count) migrations.")
            return MigrateCommandResult(exitStatus: .success, output: output)
        } catch {
            return MigrateCommandResult(exitStatus: .failure, output: output, errors: ["\(error)"])
        }
    }

    /// Runs `body` inside a READ ONLY transaction that is always rolled
    /// back, so `--dry-run` provably changes nothing: the server refuses
    /// any write (SQLSTATE 25006).
    static func readOnly<Result>(_ connection: PostgresConnection, _ body: () throws -> Result) throws -> Result {
        try connection.execute("START TRANSACTION READ ONLY")
        defer { _ = try? connection.execute("ROLLBACK") }
        guard try connection.query("SELECT current_setting('transaction_read_only')").scalar == "on" else {
            throw PostgresError(kind: .unsupported, message: "the server did not open a read-only transaction; nothing was done")
        }
        return try body()
    }

    /// `--dry-run`: reads the history (if any) and prints what would run.
    private func plan(_ current: MigrationDirectory, on connection: PostgresConnection,
                      output: String) throws -> MigrateCommandResult {
        var output = output
        output += "Dry run in a read-only transaction: nothing is changed.\n"
        let comparison = HistoryComparison(directory: current, history: try history.applied(on: connection))
        let refusals = comparison.refusals
            + (try LockBudgetCheck.read(from: connection).refusals(for: comparison.pending))
        guard refusals.isEmpty else {
            return MigrateCommandResult(exitStatus: .failure, output: output, errors: refusals)
        }
        if comparison.pending.isEmpty {
            output += "Database is up to date (\(comparison.applied.count) migrations applied); nothing would run.\n"
            return MigrateCommandResult(exitStatus: .success, output: output)
        }
        output += "Would apply \(comparison.pending.count) migrations (dry run, nothing touched):\n"
        for migration in comparison.pending {
            output += "\n== \(migration.identifier) (\(migration.upPath)) ==\n" + migration.upSQL
        }
        return MigrateCommandResult(exitStatus: .success, output: output)
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}

/// `migrate status --dir DIR --database-url URL [--schema NAME]`: applied,
/// pending and changed migrations. Exit 1 when an applied migration changed
/// or is missing, else 0.
public struct MigrateStatus {
    public var directory: String
    public var databaseURL: String
    /// The schema holding the history table; `public` when `nil`.
    public var schemaName: String?

    public init(directory: String, databaseURL: String, schemaName: String? = nil) {
        self.directory = directory
        self.databaseURL = databaseURL
        self.schemaName = schemaName
    }

    public func run() -> MigrateCommandResult {
        do {
            let current = try MigrationDirectory.read(directory)
            let connection = try PostgresConnection(databaseURL)
            let history = MigrationHistory(schema: schemaName ?? MigrationHistory.defaultSchema)
            let comparison = HistoryComparison(directory: current, history: try history.applied(on: connection))
            var output = ""
            for migration in comparison.applied { output += "applied  \(migration.identifier)\n" }
            for (migration, _) in comparison.changed { output += "changed  \(migration.identifier)\n" }
            for row in comparison.missing { output += "missing  \(row.version)_\(row.name)\n" }
            for migration in comparison.pending { output += "pending  \(migration.identifier)\n" }
            output += "\(comparison.applied.count) applied, \(comparison.pending.count) pending, "
                + "\(comparison.changed.count) changed, \(comparison.missing.count) missing\n"
            let integrity = SumFile.verify(current).map(\.message)
            let broken = !comparison.changed.isEmpty || !comparison.missing.isEmpty || !integrity.isEmpty
            return MigrateCommandResult(exitStatus: broken ? .failure : .success, output: output,
                                        errors: integrity)
        } catch {
            return MigrateCommandResult(exitStatus: .failure, errors: ["\(error)"])
        }
    }
}
