import CarburetorSchema

/// The indexes that make every group download an index range scan.
///
/// A download reads `WHERE stamp > $offset AND stamp <= $cutoff
/// [AND restrict_column = $value] ORDER BY stamp, id`. `(stamp, id)` serves
/// the unrestricted form, range and order both; `(restrict_column, stamp,
/// id)` serves the restricted one: equality first, then the same range.
public enum SQLSyncIndexes {
    /// A table some group restricts, and the column it restricts by.
    public struct RestrictedColumn: Hashable, Sendable {
        public var table: Table
        public var column: String
    }

    public static func syncIndexColumns(for table: Table) -> [String] {
        [table.syncColumn.name, table.idColumn.name]
    }

    /// `(column, stamp, id)`; when the restriction is the id itself the
    /// repeated id is dropped: `(id, stamp)`.
    public static func restrictionIndexColumns(for table: Table, column: String) -> [String] {
        var columns: [String] = []
        for name in [column, table.syncColumn.name, table.idColumn.name] where !columns.contains(name) {
            columns.append(name)
        }
        return columns
    }

    /// Every (table, restrict column) pair of every group, once, in table
    /// declaration order and then in order of first use.
    public static func restrictedColumns(in schema: Schema) -> [RestrictedColumn] {
        let columnsByTable = restrictColumnsByTable(in: schema)
        return schema.tables.flatMap { table in
            (columnsByTable[table.name] ?? []).map { RestrictedColumn(table: table, column: $0) }
        }
    }

    /// The restrict columns of each table (by declared name), each once, in
    /// order of first use. Linear in the number of group entries: a config
    /// with thousands of restricted entries must not take quadratic time.
    public static func restrictColumnsByTable(in schema: Schema) -> [String: [String]] {
        var columnsByTable: [String: [String]] = [:]
        var seen = Set<[String]>()
        for group in schema.groups {
            for entry in group.entries {
                guard let restriction = entry.restriction,
                      seen.insert([entry.tableName, restriction.columnName]).inserted else { continue }
                columnsByTable[entry.tableName, default: []].append(restriction.columnName)
            }
        }
        return columnsByTable
    }

    /// `CREATE INDEX` statements for one table: the sync index, then one per
    /// restrict column.
    public static func statements(for table: Table, in schema: Schema, names: SQLObjectNames,
                                  options: SQLGenerator.Options) -> [String] {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        let ifNotExists = options.ifNotExists ? "IF NOT EXISTS " : ""
        func create(_ name: String, _ columns: [String]) -> String {
            let list = columns.map(SQLIdentifier.quote).joined(separator: ", ")
            return "CREATE INDEX \(ifNotExists)\(SQLIdentifier.quote(name)) ON \(target) (\(list));"
        }
        var statements = [create(names.syncIndexName(for: table), syncIndexColumns(for: table))]
        for column in names.restrictColumns(of: table) {
            statements.append(create(names.restrictionIndexName(for: table, column: column),
                                     restrictionIndexColumns(for: table, column: column)))
        }
        return statements
    }
}
