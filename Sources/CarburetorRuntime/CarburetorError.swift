/// Errors the runtime reports to generated code and its callers.
public enum CarburetorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A wire string (date, time, timestamp, decimal) is not in the expected format.
    case invalidWireValue(type: String, text: String)
    /// A PostgreSQL value could not be read as the expected Swift type.
    case invalidDatabaseValue(type: String, detail: String)
    /// The database role running downloads cannot see other sessions'
    /// transactions in `pg_stat_activity`, so no safe cutoff can be computed.
    case missingStatisticsPrivilege
    /// A page size below 1 was requested.
    case invalidPageSize(Int)
    /// An `offset_id` was sent without the `offset` it continues from.
    case offsetIDWithoutOffset(table: String)
    /// The server is a standby: the primary's open transactions are not
    /// visible there, so no safe cutoff can be computed.
    case inRecovery
    /// A session with `track_activities = off` is inside a transaction that
    /// may hold a stamped row; its start is not visible.
    case untrackedSession(pid: Int)

    public var description: String {
        switch self {
        case .invalidWireValue(let type, let text):
            "invalid \(type) value \"\(text)\""
        case .invalidDatabaseValue(let type, let detail):
            "cannot read \(type) from PostgreSQL: \(detail)"
        case .missingStatisticsPrivilege:
            "the database role cannot see other sessions' transactions in pg_stat_activity; "
                + "grant it the pg_read_all_stats role (GRANT pg_read_all_stats TO <role>) so downloads can compute a safe cutoff"
        case .invalidPageSize(let size):
            "page size must be at least 1, got \(size)"
        case .offsetIDWithoutOffset(let table):
            "\(table)_offset_id was given without \(table)_offset"
        case .inRecovery:
            "the database is a standby (pg_is_in_recovery()); downloads must run on the primary, "
                + "whose open transactions decide the cutoff"
        case .untrackedSession(let pid):
            "session \(pid) runs with track_activities = off inside a transaction, so its start is not visible "
                + "and no safe cutoff exists; keep track_activities on (the default) for every session that writes synced tables"
        }
    }
}
