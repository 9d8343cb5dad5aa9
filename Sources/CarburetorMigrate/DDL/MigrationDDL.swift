import CarburetorCore

/// One index the server schema keeps for a table (the sync indexes).
public struct IndexDefinition: Hashable, Sendable {
    public var name: String
    /// Indexed column names, in key order.
    public var columns: [String]
    /// The complete `CREATE INDEX …` statement, without the trailing `;`.
    public var createSQL: String

    public init(name: String, columns: [String], createSQL: String) {
        self.name = name
        self.columns = columns
        self.createSQL = createSQL
    }
}

/// The stamping trigger of one table.
public struct TriggerDefinition: Hashable, Sendable {
    public var name: String
    /// The complete `CREATE TRIGGER …` statement, without the trailing `;`.
    /// Two tables' triggers are the same when this text is the same, so a
    /// change of immutable columns (passed to the trigger) recreates it.
    public var createSQL: String

    public init(name: String, createSQL: String) {
        self.name = name
        self.createSQL = createSQL
    }
}

/// The pieces of server DDL the planner assembles migrations from. The
/// PostgreSQL backend's building blocks provide them, so a migrated database
/// and one created from `--emit sql` are the same.
public protocol MigrationDDL: Sendable {
    /// `"name"` with embedded quotes doubled.
    func quote(_ identifier: String) -> String
    /// `text`, `bigint`, `double precision`…
    func sqlType(_ type: ScalarType) -> String
    /// The expression after `DEFAULT`; `nil` when the column has no default
    /// the config knows (none, or bare `#[default(sql)]`).
    func defaultExpression(for column: Column) -> String?
    /// `CREATE TABLE …` followed by its `COMMENT ON` statements, each
    /// without the trailing `;`.
    func createTable(_ table: Table) -> [String]
    /// The sync indexes of a table; restricted ones depend on the groups.
    func indexes(of table: Table, in schema: Schema) -> [IndexDefinition]
    func trigger(of table: Table) -> TriggerDefinition
    /// Objects shared by all tables (the stamping function), created by the
    /// first migration.
    var sharedObjects: [String] { get }
    /// Drops `sharedObjects` (the first migration's down).
    var dropSharedObjects: [String] { get }
}

extension MigrationDDL {
    /// `"col" type [NOT NULL] [DEFAULT …]` for `ALTER TABLE … ADD COLUMN`.
    func columnDefinition(_ column: Column) -> String {
        var parts = [quote(column.name), sqlType(column.type.scalar)]
        if !column.isNullable { parts.append("NOT NULL") }
        if let expression = defaultExpression(for: column) { parts.append("DEFAULT \(expression)") }
        return parts.joined(separator: " ")
    }

    /// A string literal with quotes doubled (standard_conforming_strings).
    func literal(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }
}
