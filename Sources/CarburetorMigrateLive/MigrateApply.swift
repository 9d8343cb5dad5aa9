import CarburetorMigrate
import CarburetorPostgres
import Foundation

/// `migrate apply --dir DIR --database-url URL [--dry-run]`.
///
/// Before anything runs: the directory passes its integrity check, the
/// session takes an advisory lock (concurrent deployers wait, then find
/// nothing left to do), every applied migration's checksum matches its
/// file, and every pending migration fits the server's lock table. Then each
/// pending migration runs in its own transaction together with its history
/// row, so it is applied entirely or not at all.
public struct MigrateApply {
    public var directory: String
    public var databaseURL: String
    public var dryRun: Bool
    /// Called with each progress line as it happens (the CLI prints it).
    public var progress: (String) -> Void

    public init(directory: String, databaseURL: String, dryRun: Bool = false,
                progress: @escaping (String) -> Void = { _ in }) {
        self.directory = directory
        self.databaseURL = databaseURL
        self.dryRun = dryRun
        self.progress = progress
    }

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
                return try plan(current, on: connection, output: output)
            }
            try MigrationHistory.lock(connection) {
                say("Waiting for another deployer to finish (advisory lock \(MigrationHistory.advisoryLockKey))…")
            }
            defer { MigrationHistory.unlock(connection) }
            try MigrationHistory.create(on: connection)
            let comparison = HistoryComparison(directory: current,
                                               history: try MigrationHistory.applied(on: connection))
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
            for migration in comparison.pending {
                let clock = ContinuousClock()
                let start = clock.now
                do {
                    try apply(migration, on: connection, start: start, clock: clock)
                } catch {
                    return MigrateCommandResult(exitStatus: .failure, output: output, errors: [
                        "\(migration.identifier) failed and was rolled back: \(error)",
                    ])
                }
                say("applied \(migration.identifier) in \(Self.milliseconds(clock.now - start)) ms")
            }
            say("Applied \(comparison.pending.count) migrations.")
            return MigrateCommandResult(exitStatus: .success, output: output)
        } catch {
            return MigrateCommandResult(exitStatus: .failure, output: output, errors: ["\(error)"])
        }
    }

    /// Runs the file's segments; the history row joins the last
    /// transactional segment (or a transaction of its own).
    private func apply(_ migration: Migration, on connection: PostgresConnection,
                       start: ContinuousClock.Instant, clock: ContinuousClock) throws {
        let segments = MigrationScript.segments(of: migration.upSQL)
        let lastTransactional = segments.lastIndex { $0.inTransaction }
        for (index, segment) in segments.enumerated() {
            if segment.inTransaction {
                try connection.transaction { connection in
                    try connection.execute(segment.sql)
                    if index == lastTransactional, index == segments.count - 1 {
                        try MigrationHistory.record(migration, milliseconds: Self.milliseconds(clock.now - start),
                                                    on: connection)
                    }
                }
            } else {
                try connection.execute(segment.sql)
            }
        }
        if lastTransactional != segments.count - 1 || segments.isEmpty {
            try MigrationHistory.record(migration, milliseconds: Self.milliseconds(clock.now - start), on: connection)
        }
    }

    /// `--dry-run`: reads the history (if any) and prints what would run.
    private func plan(_ current: MigrationDirectory, on connection: PostgresConnection,
                      output: String) throws -> MigrateCommandResult {
        var output = output
        let comparison = HistoryComparison(directory: current, history: try MigrationHistory.applied(on: connection))
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

/// `migrate status --dir DIR --database-url URL`: applied, pending and
/// changed migrations. Exit 1 when an applied migration changed or is
/// missing, else 0.
public struct MigrateStatus {
    public var directory: String
    public var databaseURL: String

    public init(directory: String, databaseURL: String) {
        self.directory = directory
        self.databaseURL = databaseURL
    }

    public func run() -> MigrateCommandResult {
        do {
            let current = try MigrationDirectory.read(directory)
            let connection = try PostgresConnection(databaseURL)
            let comparison = HistoryComparison(directory: current, history: try MigrationHistory.applied(on: connection))
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
