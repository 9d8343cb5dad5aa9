import CarburetorSchema

/// The deliberate erasure path (for erasure requests): a function per table,
/// `carburetor_purge_<plural>(row_id text) RETURNS boolean`, that erases a
/// row's data and leaves a tombstone devices download.
///
/// It is an UPDATE, not a DELETE (hard deletes are refused): every clocked
/// column except the `#[immutable]` ones is erased (a nullable column becomes
/// NULL, a column with a default gets its default, any other column its
/// type's empty value: `''`, `0`, `false`, the epoch, the nil UUID, `{}`), the
/// soft-delete flag is set, and every clock becomes `9999999999999999-99999-~purge`,
/// later than any clock an upload can carry, so no device can bring the data
/// back. The id and `#[immutable]` columns stay: they identify the tombstone
/// and route it to the right devices (restrict columns are immutable).
/// The stamping trigger stamps the write, so devices download the tombstone.
///
/// Returns whether a row with that id existed.
public enum SQLPurgeFunction {
    public static func functionDefinition(for table: Table, options: SQLGenerator.Options) -> String {
        let name = SQLIdentifier.qualified(SQLObjectNames.purgeFunctionName(for: table), schema: options.schemaName)
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        let create = options.ifNotExists ? "CREATE OR REPLACE FUNCTION" : "CREATE FUNCTION"
        let clocked = SQLRowClocks.clockedColumns(of: table)
        var assignments: [String] = []
        for column in clocked where !column.isImmutable {
            assignments.append("\(SQLIdentifier.quote(column.name)) = \(erasedValue(of: column))")
        }
        let purge = SQLLiteral.string(SQLRowClocks.purgeClock)
        let entries = clocked.map { "\(SQLLiteral.string($0.name)), \(purge)" }.joined(separator: ", ")
        assignments.append("\(SQLIdentifier.quote(SQLRowClocks.columnName)) = jsonb_build_object(\(entries))")
        // With --schema every name is qualified and the path can be pinned to
        // the catalog; otherwise the table is found through the search_path
        // in effect when the function was created.
        let searchPath = options.schemaName == nil ? "SET search_path FROM CURRENT" : "SET search_path = pg_catalog, pg_temp"
        return """
            \(create) \(name)(row_id text) RETURNS boolean
            LANGUAGE plpgsql
            \(searchPath)
            AS $carburetor$
            BEGIN
                UPDATE \(target)
                SET \(assignments.joined(separator: ",\n        "))
                WHERE \(SQLIdentifier.quote(table.idColumn.name)) = row_id;
                RETURN FOUND;
            END
            $carburetor$;
            """
    }

    /// What an erased column holds.
    static func erasedValue(of column: Column) -> String {
        if column.role == .softDelete { return "true" }
        if column.isNullable { return "NULL" }
        if column.sqlDefault != nil || SQLTableDDL.defaultExpression(for: column) != nil { return "DEFAULT" }
        return emptyValue(for: column.type.scalar)
    }

    /// The empty value of a type, for NOT NULL columns without a default.
    public static func emptyValue(for type: ScalarType) -> String {
        switch type {
        case .text: "''"
        case .smallInt, .integer, .bigInt, .float, .double, .numeric: "0"
        case .bool: "false"
        case .timestamptz, .timestamp, .date: "'epoch'"
        case .time: "'00:00'"
        case .uuid: "'00000000-0000-0000-0000-000000000000'"
        case .jsonb, .json: "'{}'"
        case .bytea: "''"
        }
    }
}
