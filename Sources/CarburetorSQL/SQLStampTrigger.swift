import CarburetorSchema

/// Server-side stamping: a generated PL/pgSQL function per table, called by
/// a `BEFORE INSERT OR UPDATE` row trigger (`carburetor_stamp`) and by a
/// `BEFORE DELETE OR TRUNCATE` statement trigger (`carburetor_refuse_delete`).
///
/// The function names the table's columns directly: the stamp is assigned to
/// `NEW."<sync column>"`, the id and `#[immutable]` columns are compared with
/// `IS DISTINCT FROM`, and each clocked column's entry in `"carburetor$clocks"`
/// is maintained (see `SQLRowClocks`). No whole-row conversion, so its cost
/// does not grow with the row. `SET search_path = pg_catalog, pg_temp` makes
/// every function, operator and cast it uses resolve to the built-in ones
/// whatever the caller's `search_path`.
///
/// Stamps, and why they fit the no-lost-rows download design: an INSERT
/// stamps `clock_timestamp()`, but at least one microsecond after the start
/// of the writing transaction; an UPDATE stamps the greater of that and the
/// old stamp plus one microsecond, so a row's stamp never goes backwards
/// even if the clock does. Every stamp is therefore strictly later than the
/// start of its transaction. A download's cutoff is never later than the
/// start of the oldest transaction still open, so a row committed after a
/// download was cut off carries a stamp strictly later than that cutoff and
/// is picked up by the next download (`stamp > offset`), even when the
/// cutoff equals a transaction's start to the microsecond.
///
/// Clocks: an INSERT gives every clocked column without an entry the server
/// clock (the stamp's microseconds, counter 0, node `~server`). An UPDATE
/// that leaves `"carburetor$clocks"` as it was (server code, plain SQL) gives
/// every clocked column it changes `next_clock(old entry, server clock)`; an
/// UPDATE that writes the clocks itself (the upload path) keeps them.
public enum SQLStampTrigger {
    /// SQLSTATE raised when an UPDATE changes the id or an immutable column.
    /// Class `CB` is not used by PostgreSQL; clients can match on it.
    public static let immutableColumnSQLState = "CB001"
    /// SQLSTATE raised by a hard `DELETE`.
    public static let deleteSQLState = "CB002"
    /// SQLSTATE raised by `TRUNCATE`.
    public static let truncateSQLState = "CB003"

    /// The row trigger on each table. Trigger names are per table in
    /// PostgreSQL, so one fixed name never clashes.
    public static let stampTrigger = "carburetor_stamp"
    /// The statement trigger that refuses `DELETE` and `TRUNCATE`.
    public static let refuseDeleteTrigger = "carburetor_refuse_delete"

    /// The columns an UPDATE may not change: the id, then the `#[immutable]`
    /// server columns in declaration order.
    public static func fixedColumns(of table: Table) -> [String] {
        let id = table.idColumn.name
        return [id] + table.serverColumns.filter { $0.isImmutable && $0.name != id }.map(\.name)
    }

    /// `CREATE [OR REPLACE] FUNCTION` of the table's trigger function.
    public static func functionDefinition(for table: Table, options: SQLGenerator.Options) -> String {
        let name = SQLIdentifier.qualified(SQLObjectNames.stampFunctionName(for: table), schema: options.schemaName)
        let create = options.ifNotExists ? "CREATE OR REPLACE FUNCTION" : "CREATE FUNCTION"
        let stamp = SQLIdentifier.quote(table.syncColumn.name)
        let clocks = SQLIdentifier.quote(SQLRowClocks.columnName)
        let clocked = SQLRowClocks.clockedColumns(of: table)
        let columnsByName = Dictionary(table.serverColumns.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

        let insertEntries = clocked.map { "\(SQLLiteral.string($0.name)), server_clock" }
        let insertClocks = clocked.isEmpty
            ? "'{}'::jsonb"
            : "jsonb_build_object(\(insertEntries.joined(separator: ", ")))"

        var fixedChecks: [String] = []
        for fixed in fixedColumns(of: table) {
            guard let column = columnsByName[fixed] else { continue }
            fixedChecks.append("""
                        IF \(SQLRowClocks.differs(column)) THEN
                            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', \(SQLLiteral.string(fixed)), TG_TABLE_NAME
                                USING ERRCODE = '\(immutableColumnSQLState)',
                                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = \(SQLLiteral.string(fixed)),
                                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
                        END IF;
                """)
        }
        var clockUpdates: [String] = []
        // An UPDATE that reaches the clocks has passed the checks above, so an
        // #[immutable] column is unchanged there: only the others are compared.
        for column in clocked where !column.isImmutable {
            let key = SQLLiteral.string(column.name)
            clockUpdates.append("""
                            IF \(SQLRowClocks.differs(column)) THEN
                                entry := clocks ->> \(key);
                                clocks := clocks || jsonb_build_object(\(key), \(SQLRowClocks.nextClockExpression));
                            END IF;
                """)
        }
        let hint = "Set the soft-delete column \(table.softDeleteColumn.name) instead, so devices learn about it;"
            + " to erase a row for good, call \(SQLObjectNames.purgeFunctionName(for: table))(id)."
        return """
            \(create) \(name)() RETURNS trigger
            LANGUAGE plpgsql
            SET search_path = pg_catalog, pg_temp
            AS $carburetor$
            DECLARE
                stamp timestamptz;
                server_clock text;
                clocks jsonb;
                entry text;
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
                    NEW.\(stamp) := stamp;
                    server_clock := \(SQLRowClocks.serverClockExpression);
                    NEW.\(clocks) := \(insertClocks) || coalesce(NEW.\(clocks), '{}'::jsonb);
                    RETURN NEW;
                ELSIF TG_OP = 'UPDATE' THEN
            \(fixedChecks.joined(separator: "\n"))
                    stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond',
                                      OLD.\(stamp) + interval '1 microsecond');
                    NEW.\(stamp) := stamp;
                    IF NEW.\(clocks) IS NOT DISTINCT FROM OLD.\(clocks) THEN
                        server_clock := \(SQLRowClocks.serverClockExpression);
                        clocks := coalesce(OLD.\(clocks), '{}'::jsonb);
            \(clockUpdates.joined(separator: "\n"))
                        NEW.\(clocks) := clocks;
                    END IF;
                    RETURN NEW;
                ELSIF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'rows of table "%" cannot be deleted', TG_TABLE_NAME
                        USING ERRCODE = '\(deleteSQLState)', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                              HINT = \(SQLLiteral.string(hint));
                ELSE
                    RAISE EXCEPTION 'table "%" cannot be truncated', TG_TABLE_NAME
                        USING ERRCODE = '\(truncateSQLState)', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                              HINT = \(SQLLiteral.string(hint));
                END IF;
            END
            $carburetor$;
            """
    }

    /// The triggers of one table (each with `DROP TRIGGER IF EXISTS` first
    /// when the script must be re-runnable).
    public static func triggerStatements(for table: Table, options: SQLGenerator.Options) -> [String] {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        var statements: [String] = []
        for (name, sql) in triggerDefinitions(for: table, options: options) {
            if options.ifNotExists {
                statements.append("DROP TRIGGER IF EXISTS \(SQLIdentifier.quote(name)) ON \(target);")
            }
            statements.append(sql + ";")
        }
        return statements
    }

    /// Each trigger's name and `CREATE TRIGGER` statement (without `;`).
    public static func triggerDefinitions(for table: Table, options: SQLGenerator.Options) -> [(name: String, sql: String)] {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        let function = SQLIdentifier.qualified(SQLObjectNames.stampFunctionName(for: table), schema: options.schemaName)
        return [
            (stampTrigger, """
                CREATE TRIGGER \(SQLIdentifier.quote(stampTrigger)) BEFORE INSERT OR UPDATE ON \(target)
                    FOR EACH ROW EXECUTE FUNCTION \(function)()
                """),
            (refuseDeleteTrigger, """
                CREATE TRIGGER \(SQLIdentifier.quote(refuseDeleteTrigger)) BEFORE DELETE OR TRUNCATE ON \(target)
                    FOR EACH STATEMENT EXECUTE FUNCTION \(function)()
                """),
        ]
    }
}
