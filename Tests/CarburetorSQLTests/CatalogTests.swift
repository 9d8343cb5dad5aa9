import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorSQL
import CarburetorTestSupport
import Testing

/// Applies the DDL of every fixture and sample to a real PostgreSQL and
/// checks what the server recorded against the schema.
@Suite struct CatalogTests {
    @Test(arguments: Fixture.allWithSamples)
    func serverHasExactlyTheDeclaredObjects(_ fixture: Fixture) throws {
        let schema = try fixture.schema()
        let options = fixture.options
        let names = SQLObjectNames(schema: schema)
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator(options: options).script(for: schema))
            let catalog = Catalog(connection, options: options)
            for table in schema.tables {
                try checkColumns(of: table, catalog: catalog)
                try checkKeysIndexesAndTrigger(of: table, in: schema, names: names, catalog: catalog)
                #expect(try catalog.tableComment(of: table.plural) == table.documentation)
            }
        }
    }

    private func checkColumns(of table: Table, catalog: Catalog) throws {
        let columns = try catalog.columns(of: table.plural)
        let expected = table.serverColumns
        #expect(columns.map(\.name) == expected.map(\.name) + [SQLRowClocks.columnName], "\(table.plural): columns")
        let clocks = try #require(columns.last)
        #expect(clocks.type == "jsonb" && clocks.notNull && clocks.defaultExpression == "'{}'::jsonb")
        let nullable = try catalog.nullableColumns(of: table.plural)
        #expect(nullable == Set(expected.filter(\.isNullable).map(\.name)), "\(table.plural): nullability")
        for (actual, column) in zip(columns, expected) {
            #expect(actual.type == SQLTypeMapping.catalogType(for: column.type.scalar), "\(table.plural).\(column.name)")
            #expect(actual.notNull == !column.isNullable, "\(table.plural).\(column.name)")
            #expect(actual.comment == column.documentation, "\(table.plural).\(column.name)")
            // PostgreSQL stores `DEFAULT NULL` as no default at all.
            let expectedDefault = SQLTableDDL.defaultExpression(for: column).flatMap { $0 == "NULL" ? nil : $0 }
            #expect((actual.defaultExpression == nil) == (expectedDefault == nil),
                    "\(table.plural).\(column.name): default \(String(describing: actual.defaultExpression))")
            if let expectedDefault, let actualDefault = actual.defaultExpression {
                // Same value now: both evaluated in one statement, so now() agrees.
                let type = SQLTypeMapping.sqlType(for: column.type.scalar)
                let same = try catalog.connection.query(
                    "SELECT ((\(expectedDefault))::\(type))::text IS NOT DISTINCT FROM ((\(actualDefault))::\(type))::text"
                ).scalar
                #expect(same == "t", "\(table.plural).\(column.name): \(expectedDefault) vs \(actualDefault)")
            }
        }
    }

    private func checkKeysIndexesAndTrigger(of table: Table, in schema: Schema, names: SQLObjectNames,
                                            catalog: Catalog) throws {
        let primaryKey = try #require(try catalog.primaryKey(of: table.plural), "\(table.plural) has no primary key")
        #expect(primaryKey.name == names.primaryKeyName(for: table))
        #expect(primaryKey.columns == [table.idColumn.name])

        var expectedIndexes = [
            names.primaryKeyName(for: table): [table.idColumn.name],
            names.syncIndexName(for: table): [table.syncColumn.name, table.idColumn.name],
        ]
        for restricted in SQLSyncIndexes.restrictedColumns(in: schema) where restricted.table.name == table.name {
            expectedIndexes[names.restrictionIndexName(for: table, column: restricted.column)] =
                SQLSyncIndexes.restrictionIndexColumns(for: table, column: restricted.column)
        }
        #expect(try catalog.indexes(of: table.plural) == expectedIndexes, "\(table.plural): indexes")

        let triggers = try catalog.triggers(of: table.plural)
        let function = SQLObjectNames.stampFunctionName(for: table)
        #expect(triggers == [
            Catalog.TriggerInfo(name: SQLStampTrigger.refuseDeleteTrigger, function: function,
                                functionSchema: catalog.namespace, type: 2 | 8 | 32, arguments: []),
            Catalog.TriggerInfo(name: SQLStampTrigger.stampTrigger, function: function,
                                functionSchema: catalog.namespace, type: 1 | 2 | 4 | 16, arguments: []),
        ])
        let settings = try catalog.connection.query("""
            SELECT array_to_string(p.proconfig, ';') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = $1 AND p.proname = $2
            """, parameters: [catalog.namespace, function]).scalar
        #expect(settings == "search_path=pg_catalog, pg_temp", "\(function) pins its search_path")
    }

    /// Every table accepts a row, fills in its defaults exactly, stamps it,
    /// and restamps it later on update.
    @Test(arguments: Fixture.allWithSamples)
    func everyTableStampsAndKeepsDefaults(_ fixture: Fixture) throws {
        let schema = try fixture.schema()
        let options = fixture.options
        try withTemporaryDatabase { database in
            let connection = try database.connect()
            try connection.execute(SQLGenerator(options: options).script(for: schema))
            for table in schema.tables {
                let target = SQLIdentifier.qualified(table.plural, schema: options.schemaName)
                let sync = SQLIdentifier.quote(table.syncColumn.name)
                let id = SQLIdentifier.quote(table.idColumn.name)
                try connection.execute(SampleValue.insert(into: table, options: options, id: "row ' 1"))
                let inserted = try connection.query("SELECT \(sync)::text, \(sync) <= clock_timestamp() FROM \(target)")
                #expect(inserted.rows.count == 1)
                #expect(inserted.rows.first?[1] == "t", "\(table.plural): stamp not in the past")
                for column in table.serverColumns {
                    let stored = try connection.query("SELECT \(SQLIdentifier.quote(column.name))::text FROM \(target)").scalar
                    switch column.sqlDefault {
                    case .text(let text)?:
                        #expect(stored == text, "\(table.plural).\(column.name)")
                    case .number(let literal)?:
                        let equal = try connection.query(
                            "SELECT $1::numeric = $2::numeric", parameters: [stored, literal]).scalar
                        #expect(equal == "t", "\(table.plural).\(column.name): \(String(describing: stored))")
                    case .emptyJSON?:
                        #expect(stored == "{}", "\(table.plural).\(column.name)")
                    case .null?:
                        #expect(stored == nil, "\(table.plural).\(column.name)")
                    default:
                        break
                    }
                }
                let deleted = SQLIdentifier.quote(table.softDeleteColumn.name)
                let updated = try connection.query("""
                    UPDATE \(target) SET \(deleted) = true WHERE \(id) = 'row '' 1'
                    RETURNING \(sync) > $1::timestamptz
                    """, parameters: [inserted.rows.first?[0] ?? nil])
                #expect(updated.rows == [["t"]], "\(table.plural): a later write gets a later stamp")
            }
        }
    }
}
