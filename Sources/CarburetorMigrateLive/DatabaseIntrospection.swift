import CarburetorPostgres

/// What `pg_catalog` says about the tables of one PostgreSQL schema, in a
/// form two databases can be compared in (names sorted, no OIDs).
public struct IntrospectedSchema: Hashable, Sendable, Codable {
    public struct Column: Hashable, Sendable, Codable {
        public var name: String
        /// `format_type`, e.g. `text`, `timestamp with time zone`.
        public var type: String
        public var notNull: Bool
        /// `pg_get_expr` of the default, as PostgreSQL normalises it.
        public var defaultExpression: String?
    }

    public struct Index: Hashable, Sendable, Codable {
        public var name: String
        public var columns: [String]
        public var isUnique: Bool
        public var isPrimaryKey: Bool
        /// `pg_index.indisvalid`: false after a failed `CREATE INDEX CONCURRENTLY`
        /// (the index exists but no query uses it).
        public var isValid: Bool = true
    }

    public struct Trigger: Hashable, Sendable, Codable {
        public var name: String
        public var function: String
        /// The arguments passed to the function.
        public var arguments: [String]
        /// `pg_trigger.tgenabled` is not `D`: `ALTER TABLE … DISABLE TRIGGER` turns it off.
        public var isEnabled: Bool = true
        /// The function's body and settings (`prosrc`, `proconfig`), to tell a
        /// replaced or edited function from the generated one.
        public var functionDefinition: String = ""
    }

    public struct Table: Hashable, Sendable, Codable {
        public var name: String
        public var columns: [Column]
        public var indexes: [Index]
        public var triggers: [Trigger]

        public func column(named name: String) -> Column? { columns.first { $0.name == name } }
    }

    /// Tables sorted by name.
    public var tables: [Table]

    public func table(named name: String) -> Table? { tables.first { $0.name == name } }

    /// Reads every ordinary table of `schema` (default: the first schema on
    /// the search path) except those in `excluding`.
    public static func read(from connection: PostgresConnection, schema: String? = nil,
                            excluding: Set<String> = []) throws -> IntrospectedSchema {
        let currentSchema = try connection.query("SELECT current_schema()").scalar ?? "public"
        let namespace = schema ?? currentSchema
        let columns = try connection.query("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
            ORDER BY c.relname, a.attnum
            """, parameters: [namespace])
        let indexes = try connection.query("""
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary, x.indisvalid,
                   array_to_string(ARRAY(
                       SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, position)
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                       ORDER BY k.position), E'\\n')
            FROM pg_index x
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = $1
            ORDER BY t.relname, i.relname
            """, parameters: [namespace])
        let triggers = try connection.query("""
            SELECT c.relname, g.tgname, p.proname, encode(g.tgargs, 'escape'), g.tgenabled <> 'D',
                   p.prosrc || E'\n-- settings: ' || coalesce(array_to_string(p.proconfig, '; '), '')
            FROM pg_trigger g
            JOIN pg_class c ON c.oid = g.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = g.tgfoid
            WHERE n.nspname = $1 AND NOT g.tgisinternal
            ORDER BY c.relname, g.tgname
            """, parameters: [namespace])

        var tables: [String: Table] = [:]
        var order: [String] = []
        for row in columns.rows {
            let tableName = row[0] ?? ""
            guard !excluding.contains(tableName) else { continue }
            if tables[tableName] == nil {
                tables[tableName] = Table(name: tableName, columns: [], indexes: [], triggers: [])
                order.append(tableName)
            }
            tables[tableName]!.columns.append(Column(name: row[1] ?? "", type: row[2] ?? "",
                                                     notNull: row[3] == "t", defaultExpression: row[4]))
        }
        for row in indexes.rows {
            guard let tableName = row[0], tables[tableName] != nil else { continue }
            let names = (row[5] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            tables[tableName]!.indexes.append(Index(name: row[1] ?? "", columns: names,
                                                    isUnique: row[2] == "t", isPrimaryKey: row[3] == "t",
                                                    isValid: row[4] == "t"))
        }
        for row in triggers.rows {
            guard let tableName = row[0], tables[tableName] != nil else { continue }
            // tgargs holds each argument followed by a NUL byte, escaped as \000.
            let arguments = (row[3] ?? "").components(separatedBy: "\\000").dropLast().map(String.init)
            tables[tableName]!.triggers.append(Trigger(name: row[1] ?? "", function: row[2] ?? "",
                                                       arguments: arguments, isEnabled: row[4] == "t",
                                                       functionDefinition: row[5] ?? ""))
        }
        return IntrospectedSchema(tables: order.sorted().compactMap { tables[$0] })
    }
}

extension String {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
