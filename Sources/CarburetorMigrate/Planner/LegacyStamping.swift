import CarburetorSchema
import CarburetorSQL

/// Databases migrated before per-column clocks (snapshot format 1) have one
/// generic trigger function, `carburetor_stamp_row()`, that every table's
/// `carburetor_stamp` trigger calls with its column names, and no clocks
/// column. The first `migrate new` after upgrading the compiler moves every
/// table to the current layout: the clocks column (existing rows get `{}`:
/// a missing entry is older than any clock), the table's own trigger function
/// and purge function, its triggers, and drops the generic function.
/// `down.sql` restores the old layout exactly.
enum LegacyStamping {
    static let functionName = "carburetor_stamp_row"
    static let triggerName = "carburetor_stamp"

    static func upgrade(_ schema: Schema, ddl: MigrationDDL) -> PlannedChange {
        var up: [String] = []
        var down = [legacyFunction(ddl: ddl)]
        for table in schema.tables {
            let target = ddl.qualified(table.plural)
            up.append("ALTER TABLE \(target) ADD COLUMN \(SQLRowClocks.columnDefinition)")
            up += ddl.functions(of: table).map(\.createSQL)
            up.append("DROP TRIGGER IF EXISTS \(ddl.quote(triggerName)) ON \(target)")
            up += ddl.triggers(of: table).map(\.createSQL)

            down += ddl.triggers(of: table).map { "DROP TRIGGER IF EXISTS \(ddl.quote($0.name)) ON \(target)" }
            down += ddl.functions(of: table).map(ddl.dropFunction)
            down.append(legacyTrigger(of: table, ddl: ddl))
            down.append("ALTER TABLE \(target) DROP COLUMN \(ddl.quote(SQLRowClocks.columnName))")
        }
        up.append("DROP FUNCTION IF EXISTS \(ddl.qualified(functionName))()")
        return PlannedChange(
            summary: "per-column clocks: add \(ddl.quote(SQLRowClocks.columnName)) and a trigger function per table to \(schema.tables.count) tables; drop \(ddl.quote(functionName))",
            up: up.map { MigrationStatement($0) }, down: down.map { MigrationStatement($0) },
            lockWeight: max(1, schema.tables.count * 2))
    }

    static func legacyTrigger(of table: Table, ddl: MigrationDDL) -> String {
        let arguments = ([table.syncColumn.name] + SQLStampTrigger.fixedColumns(of: table)).map(SQLLiteral.string)
            .joined(separator: ", ")
        return """
            CREATE TRIGGER \(ddl.quote(triggerName)) BEFORE INSERT OR UPDATE ON \(ddl.qualified(table.plural))
                FOR EACH ROW EXECUTE FUNCTION \(ddl.qualified(functionName))(\(arguments))
            """
    }

    /// The generic function as earlier releases created it.
    static func legacyFunction(ddl: MigrationDDL) -> String {
        """
        CREATE OR REPLACE FUNCTION \(ddl.qualified(functionName))() RETURNS trigger
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
                            USING ERRCODE = '\(SQLStampTrigger.immutableColumnSQLState)',
                                  SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = fixed_column,
                                  HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
                    END IF;
                END LOOP;
                stamp := greatest(stamp, (old_row ->> sync_column)::timestamptz + interval '1 microsecond');
            END IF;
            NEW := jsonb_populate_record(NEW, jsonb_build_object(sync_column, stamp));
            RETURN NEW;
        END
        $carburetor$
        """
    }
}
