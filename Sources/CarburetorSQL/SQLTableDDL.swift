import CarburetorSchema

/// `CREATE TABLE` and `COMMENT ON` for one table.
public enum SQLTableDDL {
    /// One column definition: `"name" type [NOT NULL] [DEFAULT …]`.
    public static func columnDefinition(_ column: Column) -> String {
        var parts = [SQLIdentifier.quote(column.name), SQLTypeMapping.sqlType(for: column.type.scalar)]
        if !column.isNullable { parts.append("NOT NULL") }
        if let expression = defaultExpression(for: column) { parts.append("DEFAULT " + expression) }
        return parts.joined(separator: " ")
    }

    /// The `DEFAULT` expression, if any: the config's `#[default(sql = …)]`,
    /// or `false` for the soft-delete flag.
    public static func defaultExpression(for column: Column) -> String? {
        if let value = column.sqlDefault {
            return SQLTypeMapping.defaultExpression(value, for: column.type.scalar)
        }
        if column.role == .softDelete { return "false" }
        return nil
    }

    /// `CREATE TABLE [IF NOT EXISTS] …` with the server columns in order, the
    /// clocks column (`SQLRowClocks`) and a named primary key on the id.
    public static func createTable(_ table: Table, names: SQLObjectNames, options: SQLGenerator.Options) -> String {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        let ifNotExists = options.ifNotExists ? "IF NOT EXISTS " : ""
        var lines = table.serverColumns.map { "    " + columnDefinition($0) }
        lines.append("    " + SQLRowClocks.columnDefinition)
        lines.append("    CONSTRAINT \(SQLIdentifier.quote(names.primaryKeyName(for: table))) "
                     + "PRIMARY KEY (\(SQLIdentifier.quote(table.idColumn.name)))")
        return "CREATE TABLE \(ifNotExists)\(target) (\n" + lines.joined(separator: ",\n") + "\n);"
    }

    /// `COMMENT ON TABLE/COLUMN` for every `///` doc comment.
    public static func comments(for table: Table, options: SQLGenerator.Options) -> [String] {
        let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
        var statements: [String] = []
        if let documentation = table.documentation {
            statements.append("COMMENT ON TABLE \(target) IS \(SQLLiteral.string(documentation));")
        }
        for column in table.serverColumns {
            guard let documentation = column.documentation else { continue }
            statements.append("COMMENT ON COLUMN \(target).\(SQLIdentifier.quote(column.name)) "
                              + "IS \(SQLLiteral.string(documentation));")
        }
        return statements
    }
}
