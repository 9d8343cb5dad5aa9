import CarburetorSchema
import CarburetorSQL

/// One index the server schema keeps for a table (the sync indexes).
public struct IndexDefinition: Hashable, Sendable {
    public var name: String
    /// Indexed column names, in key order.
    public var columns: [String]
    /// The complete `CREATE INDEX …` statement, without the trailing `;`.
    public var createSQL: String
}

/// One of the triggers of a table (stamping, refusing deletes).
public struct TriggerDefinition: Hashable, Sendable {
    public var name: String
    /// The complete `CREATE TRIGGER …` statement, without the trailing `;`.
    /// Two tables' triggers are the same when this text is the same (it
    /// names the table's trigger function, which follows its plural).
    public var createSQL: String
}

/// One of the generated functions of a table (its trigger function, its
/// purge function).
public struct FunctionDefinition: Hashable, Sendable {
    public var name: String
    /// The argument list for `DROP FUNCTION`, e.g. `()` or `(text)`.
    public var signature: String
    /// `CREATE OR REPLACE FUNCTION …`, without the trailing `;`. The body
    /// names the table's columns, so it changes with them.
    public var createSQL: String
}

/// Names derived for a whole schema (they can depend on each other, so the
/// PostgreSQL backend works them out for all tables at once), computed once
/// per schema by the planner.
public struct SchemaObjects: Sendable {
    let names: SQLObjectNames
    /// Indexes by the table's declared name.
    let indexes: [String: [IndexDefinition]]

    public func indexes(of table: Table) -> [IndexDefinition] { indexes[table.name] ?? [] }
    public func primaryKeyName(of table: Table) -> String { names.primaryKeyName(for: table) }
}

/// The server DDL the planner assembles migrations from: the PostgreSQL
/// backend's own building blocks (`CarburetorSQL`), so a migrated database
/// and one created from `--emit sql` have the same tables, names, indexes
/// and triggers.
public struct MigrationDDL: Sendable {
    /// `--schema NAME`: every object in one PostgreSQL schema.
    public var schemaName: String?

    public init(schemaName: String? = nil) {
        self.schemaName = schemaName
    }

    var options: SQLGenerator.Options { SQLGenerator.Options(ifNotExists: false, schemaName: schemaName) }

    /// `"name"` with embedded quotes doubled.
    public func quote(_ identifier: String) -> String { SQLIdentifier.quote(identifier) }

    /// A table or index name, qualified with the schema when there is one.
    public func qualified(_ name: String) -> String { SQLIdentifier.qualified(name, schema: schemaName) }

    public func sqlType(_ type: ScalarType) -> String { SQLTypeMapping.sqlType(for: type) }

    /// The expression after `DEFAULT`; `nil` when the column has no default
    /// the config knows (none, or bare `#[default(sql)]`).
    public func defaultExpression(for column: Column) -> String? { SQLTableDDL.defaultExpression(for: column) }

    /// `"col" type [NOT NULL] [DEFAULT …]` for `ALTER TABLE … ADD COLUMN`.
    public func columnDefinition(_ column: Column) -> String { SQLTableDDL.columnDefinition(column) }

    public func literal(_ text: String) -> String { SQLLiteral.string(text) }

    public func objects(in schema: Schema) -> SchemaObjects {
        let names = SQLObjectNames(schema: schema)
        var indexes: [String: [IndexDefinition]] = [:]
        func index(_ table: Table, _ name: String, _ columns: [String]) -> IndexDefinition {
            let list = columns.map(quote).joined(separator: ", ")
            return IndexDefinition(name: name, columns: columns,
                                   createSQL: "CREATE INDEX \(quote(name)) ON \(qualified(table.plural)) (\(list))")
        }
        for table in schema.tables {
            indexes[table.name] = [index(table, names.syncIndexName(for: table),
                                         SQLSyncIndexes.syncIndexColumns(for: table))]
        }
        for restricted in SQLSyncIndexes.restrictedColumns(in: schema) {
            let table = restricted.table
            indexes[table.name, default: []].append(
                index(table, names.restrictionIndexName(for: table, column: restricted.column),
                      SQLSyncIndexes.restrictionIndexColumns(for: table, column: restricted.column)))
        }
        return SchemaObjects(names: names, indexes: indexes)
    }

    /// `CREATE TABLE …` followed by its `COMMENT ON` statements.
    public func createTable(_ table: Table, objects: SchemaObjects) -> [String] {
        ([SQLTableDDL.createTable(table, names: objects.names, options: options)]
            + SQLTableDDL.comments(for: table, options: options)).map(Self.withoutSemicolon)
    }

    /// The table's triggers, in the order they are created.
    public func triggers(of table: Table) -> [TriggerDefinition] {
        SQLStampTrigger.triggerDefinitions(for: table, options: options).map {
            TriggerDefinition(name: $0.name, createSQL: Self.withoutSemicolon($0.sql))
        }
    }

    /// The table's generated functions (`CREATE OR REPLACE`, so a changed
    /// body replaces the old one in place and a database first set up from
    /// `--emit sql` can adopt migrations).
    public func functions(of table: Table) -> [FunctionDefinition] {
        var replacing = options
        replacing.ifNotExists = true
        return [
            FunctionDefinition(name: SQLObjectNames.stampFunctionName(for: table), signature: "()",
                               createSQL: Self.withoutSemicolon(SQLStampTrigger.functionDefinition(for: table, options: replacing))),
            FunctionDefinition(name: SQLObjectNames.purgeFunctionName(for: table), signature: "(text)",
                               createSQL: Self.withoutSemicolon(SQLPurgeFunction.functionDefinition(for: table, options: replacing))),
        ]
    }

    public func dropFunction(_ function: FunctionDefinition) -> String {
        "DROP FUNCTION IF EXISTS \(qualified(function.name))\(function.signature)"
    }

    /// What the first migration creates before any table: the PostgreSQL
    /// schema with `--schema` (every function is per table now).
    public var sharedObjects: [String] {
        guard let schemaName else { return [] }
        return ["CREATE SCHEMA IF NOT EXISTS \(quote(schemaName))"]
    }

    public var dropSharedObjects: [String] { [] }

    static func withoutSemicolon(_ sql: String) -> String {
        var text = sql
        while let last = text.last, last == ";" || last.isWhitespace { text.removeLast() }
        return text
    }
}
