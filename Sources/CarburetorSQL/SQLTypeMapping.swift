import CarburetorSchema

/// The language reference's type table, `.carb` → PostgreSQL.
public enum SQLTypeMapping {
    /// The spelling used in the DDL (the short forms of the reference table).
    public static func sqlType(for scalar: ScalarType) -> String {
        switch scalar {
        case .timestamptz: "timestamptz"
        case .timestamp: "timestamp"
        case .time: "time"
        default: catalogType(for: scalar)
        }
    }

    /// The spelling PostgreSQL's `format_type` (and `information_schema`)
    /// reports for the column, for comparing with a live database.
    public static func catalogType(for scalar: ScalarType) -> String {
        switch scalar {
        case .text: "text"
        case .smallInt: "smallint"
        case .integer: "integer"
        case .bigInt: "bigint"
        case .float: "real"
        case .double: "double precision"
        case .numeric: "numeric"
        case .bool: "boolean"
        case .timestamptz: "timestamp with time zone"
        case .timestamp: "timestamp without time zone"
        case .date: "date"
        case .time: "time without time zone"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .json: "json"
        case .bytea: "bytea"
        }
    }

    /// The expression a `#[default(sql = …)]` puts in the DDL, or `nil` when
    /// there is no `DEFAULT` clause (bare `#[default(sql)]`: the database's
    /// own default, which the config does not know).
    public static func defaultExpression(_ value: SQLDefault, for type: ScalarType) -> String? {
        switch value {
        case .now:
            switch type {
            case .timestamp: "LOCALTIMESTAMP"
            case .date: "CURRENT_DATE"
            case .time: "LOCALTIME"
            default: "now()"
            }
        case .null: "NULL"
        case .emptyJSON: type == .json ? "'{}'::json" : "'{}'::jsonb"
        case .text(let text): SQLLiteral.string(text)
        case .number(let literal): SQLLiteral.number(literal)
        case .databaseSupplied: nil
        }
    }
}
