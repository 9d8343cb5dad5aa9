import CarburetorCore

/// Server-side stamping: one trigger function for the whole schema and a
/// `BEFORE INSERT OR UPDATE` row trigger on every table.
///
/// The function is generic: each table's trigger passes its column names as
/// trigger arguments (`TG_ARGV[0]` the sync column, the rest the columns an
/// UPDATE may not change, the id first), so one function serves every table
/// and is created once.
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
public enum SQLStampTrigger {
    /// SQLSTATE raised when an UPDATE changes the id or an immutable column.
    /// Class `CB` is not used by PostgreSQL; clients can match on it.
    public static let immutableColumnSQLState = "CB001"

    /// `CREATE [OR REPLACE] FUNCTION …`.
    public static func functionDefinition(options: SQLGenerator.Options) -> String {
        let name = SQLIdentifier.qualified(SQLObjectNames.stampFunction, schema: options.schemaName)
        let create = options.ifNotExists ? "CREATE OR REPLACE FUNCTION" : "CREATE FUNCTION"
        return """
            \(create) \(name)() RETURNS trigger
            LANGUAGE plpgsql AS $carburetor$
            DECLARE
                sync_column text := TG_ARGV[0];
                stamp timestamptz := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
                old_row jsonb;
                new_row jsonb;
                fixed_column text;
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    old_row := to_jsonb(OLD);
                    new_row := to_jsonb(NEW);
                    FOR argument_index IN 1 .. TG_NARGS - 1 LOOP
                        fixed_column := TG_ARGV[argument_index];
                        IF new_row -> fixed_column IS DISTINCT FROM old_row -> fixed_column THEN
                            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', fixed_column, TG_TABLE_NAME
                                USING ERRCODE = '\(immutableColumnSQLState)',
                                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = fixed_column,
                                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
                        END IF;
                    END LOOP;
                    stamp := greatest(stamp, (old_row ->> sync_column)::timestamptz + interval '1 microsecond');
                END IF;
                NEW := jsonb_populate_record(NEW, jsonb_build_object(sync_column, stamp));
                RETURN NEW;
            END
            $carburetor$;
            """
    }

    /// The columns an UPDATE may not change: the id, then the `#[immutable]`
    /// server columns in declaration order.
    public static func fixedColumns(of table: Table) -> [String] {
        let id = table.idColumn.name
        return [id] + table.serverColumns.filter { $0.isImmutable && $0.name != id }.map(\.name)
    }

    /// The trigger of one table (with `DROP TRIGGER IF EXISTS` first when
    /// the script must be re-runnable).
    public static func triggerStatements(for table: Table, options: SQLGenerator.Options) -> [String] {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        let trigger = SQLIdentifier.quote(SQLObjectNames.stampTrigger)
        let function = SQLIdentifier.qualified(SQLObjectNames.stampFunction, schema: options.schemaName)
        let arguments = ([table.syncColumn.name] + fixedColumns(of: table)).map(SQLLiteral.string)
            .joined(separator: ", ")
        var statements: [String] = []
        if options.ifNotExists {
            statements.append("DROP TRIGGER IF EXISTS \(trigger) ON \(target);")
        }
        statements.append("""
            CREATE TRIGGER \(trigger) BEFORE INSERT OR UPDATE ON \(target)
                FOR EACH ROW EXECUTE FUNCTION \(function)(\(arguments));
            """)
        return statements
    }
}
