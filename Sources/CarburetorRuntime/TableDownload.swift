import Foundation
import Logging
import PostgresNIO

/// Downloads one table of a sync group: the rows changed after the client's
/// offset, up to a cutoff that no row committed later can fall below.
///
/// Each call runs two statements, one after the other on one connection, each
/// with its own snapshot (no transaction around them: none is needed, since
/// statement 2's snapshot is taken after statement 1 has finished, and each
/// round trip saved is a fifth of a page's time):
/// 1. the cutoff: the earlier of now and the start of the oldest other
///    transaction open in this database, minus one microsecond. Stamps are set
///    by a trigger from `clock_timestamp()`, never earlier than their
///    transaction's start, so every row that may still commit with a stamp at
///    or before the cutoff belongs to a transaction counted here;
/// 2. the rows with `(stamp, id) > (offset, offsetID)` and `stamp <= cutoff`,
///    ordered by `(stamp, id)`, read with a snapshot taken after statement 1.
///
/// Writers the cutoff cannot see are guarded against, never skipped:
/// - a prepared (two-phase) transaction of this database: its rows were
///   stamped after its start, which PostgreSQL no longer shows once it is
///   prepared (`pg_prepared_xacts` only records when it was prepared, later
///   than its rows' stamps). While one is pending the cutoff is held at the
///   client's offset (no newer rows; an initial download gets an empty page
///   cut off at the Unix epoch), so nothing it may still commit is passed;
/// - a session with `track_activities = off` (no `xact_start`) that holds a
///   transaction id or a snapshot: the download fails with
///   `CarburetorError.untrackedSession`; an idle one cannot hold a stamped
///   row and is ignored;
/// - a standby (`pg_is_in_recovery()`): the primary's open transactions are
///   invisible there, so the download fails with `CarburetorError.inRecovery`.
///
/// `pageSize: nil` means `defaultPageSize` (1,000 rows).
public enum TableDownload {
    /// The page size of a download that names none.
    public static let defaultPageSize = 1_000

    public static func run<Row: SyncedRow>(
        _ rowType: Row.Type = Row.self,
        on client: PostgresClient,
        offset: Date?,
        offsetID: String?,
        restriction: RowRestriction? = nil,
        pageSize: Int? = nil,
        logger: Logger? = nil
    ) async throws -> TablePage<Row> {
        try await client.withConnection { connection in
            try await run(Row.self, on: connection, offset: offset, offsetID: offsetID,
                          restriction: restriction, pageSize: pageSize, logger: logger)
        }
    }

    public static func run<Row: SyncedRow>(
        _ rowType: Row.Type = Row.self,
        on connection: PostgresConnection,
        offset: Date?,
        offsetID: String?,
        restriction: RowRestriction? = nil,
        pageSize: Int? = nil,
        logger: Logger? = nil
    ) async throws -> TablePage<Row> {
        if let pageSize, pageSize < 1 { throw CarburetorError.invalidPageSize(pageSize) }
        let limit = pageSize ?? defaultPageSize
        let table = Row.syncedTable
        if offset == nil, offsetID != nil { throw CarburetorError.offsetIDWithoutOffset(table: table.name) }
        let logger = logger ?? silentLogger

        let computed = try await computeCutoff(on: connection, logger: logger)
        var cutoff = computed.timestamp
        if computed.preparedTransactions {
            let held = offset.map(ExactTimestamp.init) ?? ExactTimestamp(Date(timeIntervalSince1970: 0))
            if held.microsecondsSince1970 < cutoff.microsecondsSince1970 { cutoff = held }
        }
        let query = try selectQuery(table: table, cutoff: cutoff, offset: offset.map(ExactTimestamp.init),
                                    offsetID: offsetID, restriction: restriction, pageSize: limit)
        var rows: [(row: Row, stamp: ExactTimestamp, id: String)] = []
        for try await postgresRow in try await connection.query(query, logger: logger) {
            var reader = PostgresRowReader(postgresRow)
            let row = try Row(reading: &reader)
            rows.append((row, try reader.next(ExactTimestamp.self), try reader.next(String.self)))
        }

        if rows.count > limit {
            let page = rows.prefix(limit)
            let last = page[page.index(before: page.endIndex)]
            return TablePage(cutoffAt: last.stamp.date, data: page.map(\.row), hasMore: true, offsetID: last.id)
        }
        return TablePage(cutoffAt: cutoff.date, data: rows.map(\.row), hasMore: false, offsetID: nil)
    }

    /// Statement 1. Sessions of other databases cannot write these tables and
    /// autovacuum never writes rows, so neither holds the cutoff back. Without
    /// superuser or `pg_read_all_stats`, other roles' sessions show no
    /// `xact_start`: then no safe cutoff exists and the download fails.
    /// A session with `track_activities = off` shows state `disabled` and no
    /// `xact_start`; it can hold a stamped, uncommitted row only if it has a
    /// transaction id or a snapshot (every write runs under a snapshot), and
    /// its first pid is reported. Prepared transactions of this database are
    /// counted, and `pg_is_in_recovery()` tells a standby.
    ///
    /// It reads `pg_stat_get_activity(NULL)`, the function the
    /// `pg_stat_activity` view wraps, without the view's joins to
    /// `pg_database` and `pg_authid`: half the statement's time, on every page.
    static let cutoffSQL = """
        SELECT least(clock_timestamp(), min(s.xact_start)) - interval '1 microsecond',
               coalesce(bool_or(s.xact_start IS NULL AND s.query = '<insufficient privilege>'), false),
               coalesce(min(s.pid) FILTER (WHERE s.state = 'disabled'
                                           AND (s.backend_xid IS NOT NULL OR s.backend_xmin IS NOT NULL)), 0),
               (SELECT count(*) FROM pg_prepared_xacts WHERE database = current_database()) > 0,
               pg_is_in_recovery()
        FROM pg_stat_get_activity(NULL) AS s
        WHERE s.pid <> pg_backend_pid()
          AND s.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND s.backend_type IS DISTINCT FROM 'autovacuum worker'
        """

    struct Cutoff {
        var timestamp: ExactTimestamp
        /// A prepared transaction of this database is pending.
        var preparedTransactions: Bool
    }

    static func computeCutoff(on connection: PostgresConnection, logger: Logger) async throws -> Cutoff {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: cutoffSQL), logger: logger)
        for try await (cutoff, hidden, untracked, prepared, recovery)
            in rows.decode((ExactTimestamp, Bool, Int32, Bool, Bool).self) {
            if recovery { throw CarburetorError.inRecovery }
            if hidden { throw CarburetorError.missingStatisticsPrivilege }
            if untracked != 0 { throw CarburetorError.untrackedSession(pid: Int(untracked)) }
            return Cutoff(timestamp: cutoff, preparedTransactions: prepared)
        }
        throw CarburetorError.invalidDatabaseValue(type: "cutoff", detail: "the cutoff query returned no row")
    }

    /// Statement 2: the rows, plus the exact stamp and id of each for the keyset.
    static func selectQuery(
        table: SyncedTable, cutoff: ExactTimestamp, offset: ExactTimestamp?, offsetID: String?,
        restriction: RowRestriction?, pageSize: Int?
    ) throws -> PostgresQuery {
        let stamp = quotedIdentifier(table.syncColumn)
        let id = quotedIdentifier(table.idColumn)
        let selectList = (table.columns.map(quotedIdentifier) + [stamp, id]).joined(separator: ", ")
        var binds = PostgresBindings()
        binds.append(cutoff)
        var sql = "SELECT \(selectList) FROM \(quotedIdentifier(table.name)) WHERE \(stamp) <= $1"
        if let offset {
            binds.append(offset)
            if let offsetID {
                binds.append(offsetID)
                sql += " AND (\(stamp), \(id)) > ($2, $3)"
            } else {
                sql += " AND \(stamp) > $2"
            }
        } else {
            // Initial sync: the client has nothing to delete yet.
            sql += " AND \(quotedIdentifier(table.softDeleteColumn)) = false"
        }
        if let restriction {
            try restriction.bind(&binds)
            sql += " AND \(quotedIdentifier(restriction.column)) = $\(binds.count)"
        }
        sql += " ORDER BY \(stamp), \(id)"
        // One row more than the page tells whether more are waiting.
        if let pageSize, pageSize < Int.max { sql += " LIMIT \(pageSize + 1)" }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    static let silentLogger = Logger(label: "carburetor.download", factory: { _ in SwiftLogNoOpLogHandler() })
}
