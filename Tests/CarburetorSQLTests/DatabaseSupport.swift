import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

/// What the tests read back from `pg_catalog` and `information_schema`.
struct Catalog {
    let connection: PostgresConnection
    /// The PostgreSQL schema the DDL went into.
    let namespace: String

    init(_ connection: PostgresConnection, options: SQLGenerator.Options) {
        self.connection = connection
        self.namespace = options.schemaName ?? "public"
    }

    struct ColumnInfo: Equatable {
        var name: String
        var type: String
        var notNull: Bool
        var defaultExpression: String?
        var comment: String?
    }

    func columns(of table: String) throws -> [ColumnInfo] {
        let result = try connection.query("""
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), col_description(c.oid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """, parameters: [namespace, table])
        return result.rows.map { row in
            ColumnInfo(name: row[0]!, type: row[1]!, notNull: row[2] == "t", defaultExpression: row[3], comment: row[4])
        }
    }

    /// `information_schema`'s view of nullability, as a second opinion.
    func nullableColumns(of table: String) throws -> Set<String> {
        let result = try connection.query("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 AND is_nullable = 'YES'
            """, parameters: [namespace, table])
        return Set(result.rows.map { $0[0]! })
    }

    /// Constraint name and columns of the primary key.
    func primaryKey(of table: String) throws -> (name: String, columns: [String])? {
        let result = try connection.query("""
            SELECT tc.constraint_name, string_agg(k.column_name::text, ',' ORDER BY k.ordinal_position)
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
            WHERE tc.table_schema = $1 AND tc.table_name = $2 AND tc.constraint_type = 'PRIMARY KEY'
            GROUP BY tc.constraint_name
            """, parameters: [namespace, table])
        guard let row = result.rows.first else { return nil }
        return (row[0]!, row[1]!.split(separator: ",").map(String.init))
    }

    /// Index name → its columns in order.
    func indexes(of table: String) throws -> [String: [String]] {
        let result = try connection.query("""
            SELECT i.relname,
                   (SELECT string_agg(a.attname::text, ',' ORDER BY k.ordinal)
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ordinal)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = $1 AND t.relname = $2
            """, parameters: [namespace, table])
        var indexes: [String: [String]] = [:]
        for row in result.rows { indexes[row[0]!] = row[1]!.split(separator: ",").map(String.init) }
        return indexes
    }

    struct TriggerInfo: Equatable {
        var name: String
        var function: String
        var functionSchema: String
        /// pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32.
        var type: Int
        var arguments: [String]
    }

    func triggers(of table: String) throws -> [TriggerInfo] {
        let result = try connection.query("""
            SELECT tg.tgname, p.proname, pn.nspname, tg.tgtype, tg.tgnargs, encode(tg.tgargs, 'escape')
            FROM pg_trigger tg
            JOIN pg_class t ON t.oid = tg.tgrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_proc p ON p.oid = tg.tgfoid
            JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE NOT tg.tgisinternal AND n.nspname = $1 AND t.relname = $2
            ORDER BY tg.tgname
            """, parameters: [namespace, table])
        return result.rows.map { row in
            TriggerInfo(name: row[0]!, function: row[1]!, functionSchema: row[2]!, type: Int(row[3]!)!,
                        arguments: (row[5] ?? "").split(separator: "\\000").map(String.init))
        }
    }

    func tableComment(of table: String) throws -> String? {
        try connection.query("""
            SELECT obj_description(c.oid, 'pg_class') FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2
            """, parameters: [namespace, table]).scalar
    }
}

/// A literal that fits a column of each type, for inserting test rows.
enum SampleValue {
    static func literal(for scalar: ScalarType, index: Int) -> String {
        switch scalar {
        case .text: "'value-\(index)'"
        case .smallInt, .integer, .bigInt, .float, .double, .numeric: "\(index)"
        case .bool: "true"
        case .timestamptz: "now()"
        case .timestamp: "LOCALTIMESTAMP"
        case .date: "CURRENT_DATE"
        case .time: "LOCALTIME"
        case .uuid: "'00000000-0000-0000-0000-\(twelveDigits(index))'"
        case .jsonb, .json: "'{\"n\": \(index)}'"
        case .bytea: "'\\x0102'::bytea"
        }
    }

    static func twelveDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// An INSERT that supplies the id and every NOT NULL column without a
    /// default (never the sync column: the trigger writes it).
    static func insert(into table: Table, options: SQLGenerator.Options, id: String, index: Int = 1) -> String {
        var names: [String] = []
        var values: [String] = []
        for column in table.serverColumns {
            if column.role == .id {
                names.append(column.name)
                values.append(SQLLiteral.string(id))
            } else if column.role == .regular, !column.isNullable, SQLTableDDL.defaultExpression(for: column) == nil {
                names.append(column.name)
                values.append(literal(for: column.type.scalar, index: index))
            }
        }
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        return "INSERT INTO \(target) (\(names.map(SQLIdentifier.quote).joined(separator: ", "))) "
            + "VALUES (\(values.joined(separator: ", ")))"
    }
}
