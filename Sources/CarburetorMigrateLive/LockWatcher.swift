import CarburetorPostgres
import Foundation

/// Looks, from a second session, at what `apply`'s statement is waiting
/// for while it waits, so a statement cancelled by `lock_timeout` can be
/// reported with the table and the session that held the lock (PostgreSQL's
/// own message, "canceling statement due to lock timeout", names neither).
///
/// The second session is opened only when a statement is still running
/// after `interval`, and reused; it takes no locks on user tables.
final class LockWatcher {
    /// SQLSTATE of "canceling statement due to lock timeout".
    static let lockNotAvailable = "55P03"
    static let interval = Duration.milliseconds(100)

    /// The session holding the lock a statement waited for.
    struct Blocker: Hashable {
        /// The table (or index) waited for, or the kind of lock
        /// (`transactionid` for a row another transaction changed).
        var relation: String
        /// The lock mode the statement asked for, e.g. `AccessExclusiveLock`.
        var mode: String
        var pid: Int
        var application: String
        var user: String
        /// `active`, `idle in transaction`, …
        var state: String
        /// How long the blocker's transaction (or session) has been open.
        var seconds: Int
    }

    let databaseURL: String
    let watched: Int
    private var connection: PostgresConnection?
    private var unavailable = false
    private var observations = 0
    /// The latest blocker seen for the current attempt.
    private(set) var last: Blocker?

    init(databaseURL: String, watched: Int) {
        self.databaseURL = databaseURL
        self.watched = watched
    }

    func reset() {
        last = nil
        observations = 0
    }

    /// Called while the statement runs; after the first two seconds it
    /// looks every half second, so a long backfill costs little.
    func observe(after waited: Duration) {
        observations += 1
        guard waited < .seconds(2) || observations % 5 == 0 else { return }
        guard let connection = session() else { return }
        let rows = try? connection.query("""
            SELECT coalesce(w.relation::regclass::text, w.locktype), w.mode, b.pid,
                   coalesce(b.application_name, ''), coalesce(b.usename::text, ''), coalesce(b.state, ''),
                   coalesce(floor(extract(epoch FROM clock_timestamp() - coalesce(b.xact_start, b.backend_start)))::bigint, 0)
            FROM pg_locks w
            CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocking(pid)
            JOIN pg_stat_activity b ON b.pid = blocking.pid
            WHERE w.pid = $1::int AND NOT w.granted
            ORDER BY b.xact_start NULLS LAST
            LIMIT 1
            """, parameters: [String(watched)]).rows
        guard let row = rows?.first else { return }
        last = Blocker(relation: row[0] ?? "?", mode: row[1] ?? "?", pid: Int(row[2] ?? "") ?? 0,
                       application: row[3] ?? "", user: row[4] ?? "", state: row[5] ?? "",
                       seconds: Int(row[6] ?? "") ?? 0)
    }

    private func session() -> PostgresConnection? {
        if connection == nil, !unavailable {
            connection = try? PostgresConnection(databaseURL)
            unavailable = connection == nil
            _ = try? connection?.execute("SET application_name = 'carburetor-compile lock watcher'")
        }
        return connection
    }

    /// "could not lock "phone_books" (AccessExclusiveLock) within lock_timeout 5 s: …".
    static func describe(_ blocker: Blocker?, timeout: Duration) -> String {
        let limit = "within lock_timeout \(format(timeout))"
        guard let blocker else {
            return "a statement could not get a lock \(limit); the session holding it was not seen "
                + "(it let go, or the wait was too short to look)"
        }
        let what = blocker.relation == "transactionid"
            ? "a row another transaction changed" : "table \(blocker.relation)"
        return "could not lock \(what) (\(blocker.mode)) \(limit): it is held by session pid \(blocker.pid) "
            + "(application \"\(blocker.application)\", user \"\(blocker.user)\", state \"\(blocker.state)\", "
            + "transaction open for \(format(.seconds(blocker.seconds))))"
    }

    static func advice(_ blocker: Blocker?) -> String {
        let end = blocker.map { "end it (SELECT pg_terminate_backend(\($0.pid))) " } ?? "end it "
        return "Wait for that session to finish or \(end)and run apply again, "
            + "or let apply wait longer with --lock-timeout"
    }

    /// `250 ms`, `5 s`, `2 min 3 s`.
    static func format(_ duration: Duration) -> String {
        let milliseconds = MigrateApply.milliseconds(duration)
        if milliseconds < 1000 || milliseconds % 1000 != 0 && milliseconds < 10_000 { return "\(milliseconds) ms" }
        let seconds = milliseconds / 1000
        return seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min" + (seconds % 60 == 0 ? "" : " \(seconds % 60) s")
    }
}

/// Parsing and printing `--lock-timeout` values.
public enum LockWait {
    /// `500ms`, `5s`, `2min`, `0` (wait forever); `nil` when malformed.
    public static func parse(_ text: String) -> Duration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits), value <= 86_400_000 else { return nil }
        switch text.dropFirst(digits.count) {
        case "ms": return .milliseconds(value)
        case "s": return .seconds(value)
        case "min": return .seconds(value * 60)
        case "" where value == 0: return .zero
        default: return nil
        }
    }

    static func milliseconds(_ duration: Duration) -> Int { MigrateApply.milliseconds(duration) }
}
