import CarburetorSchema

/// Per-column clocks: the server column that records, for every clocked
/// column of a row, the hybrid logical clock (HLC) of the write that set it.
///
/// The column is `"carburetor$clocks" jsonb NOT NULL DEFAULT '{}'`; the `$`
/// cannot occur in a config column name (`[A-Za-z_][A-Za-z0-9_]*`), so it
/// never clashes. It maps a column name to the clock's text form:
///
/// ```
/// <microseconds since the Unix epoch, 16 digits>-<counter, 5 digits>-<node>
/// 1733130000123456-00000-phone-a
/// ```
///
/// Compared bytewise (`COLLATE "C"`), the text order is the clock order.
/// Device nodes are 1–64 characters of `[A-Za-z0-9_.-]`; the server writes as
/// `~server`, and `~` sorts after every device character. A missing entry
/// (rows that existed before the column was added) is older than any clock.
public enum SQLRowClocks {
    /// The clocks column of every synced table.
    public static let columnName = "carburetor$clocks"
    /// The node of writes that do not manage clocks themselves (server code, plain SQL).
    public static let serverNode = "~server"
    /// What the purge path writes into every entry: no upload can be newer.
    public static let purgeClock = "9999999999999999-99999-~purge"

    /// `"carburetor$clocks" jsonb NOT NULL DEFAULT '{}'::jsonb`.
    public static var columnDefinition: String {
        "\(SQLIdentifier.quote(columnName)) jsonb NOT NULL DEFAULT '{}'::jsonb"
    }

    /// `ALTER TABLE … ADD COLUMN IF NOT EXISTS` of the clocks column, for
    /// `--if-not-exists` scripts run against a database from an earlier release.
    public static func addColumnIfMissing(to table: Table, options: SQLGenerator.Options) -> String {
        "ALTER TABLE \(SQLIdentifier.qualified(table.plural, schema: options.schemaName)) "
            + "ADD COLUMN IF NOT EXISTS \(columnDefinition);"
    }

    /// Every server column except the id, the sync stamp (and the clocks
    /// column, which is not a config column): the soft-delete flag and the
    /// `#[immutable]` columns are clocked too.
    public static func clockedColumns(of table: Table) -> [Column] {
        table.serverColumns.filter { $0.role != .id && $0.role != .syncStamp }
    }

    /// `NEW.c IS DISTINCT FROM OLD.c`, comparing `json` (which has no
    /// equality operator) by its text.
    static func differs(_ column: Column) -> String {
        let name = SQLIdentifier.quote(column.name)
        if column.type.scalar == .json {
            return "NEW.\(name)::text IS DISTINCT FROM OLD.\(name)::text"
        }
        return "NEW.\(name) IS DISTINCT FROM OLD.\(name)"
    }

    /// The server clock of a stamp held in the PL/pgSQL variable `stamp`:
    /// its microseconds, counter 0, node `~server`.
    static let serverClockExpression =
        "lpad((extract(epoch FROM stamp) * 1000000)::bigint::text, 16, '0') || '-00000-\(serverNode)'"

    /// `next_clock(entry, server_clock)` for the PL/pgSQL variables `entry`
    /// and `server_clock`: the server clock when it is newer than the entry
    /// (or there is none), else the entry's successor (counter + 1, or the
    /// next microsecond after counter 99999) on node `~server`. The purge
    /// clock has no successor and stays.
    static let nextClockExpression = [
        "CASE",
        "    WHEN entry IS NULL OR server_clock COLLATE \"C\" > entry COLLATE \"C\" THEN server_clock",
        "    WHEN substr(entry, 18, 5) <> '99999' THEN",
        "        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-\(serverNode)'",
        "    WHEN left(entry, 16) <> '9999999999999999' THEN",
        "        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-\(serverNode)'",
        "    ELSE entry",
        "END",
    ].joined(separator: "\n" + String(repeating: " ", count: 16))
}
