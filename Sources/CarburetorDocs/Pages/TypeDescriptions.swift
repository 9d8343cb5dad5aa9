import CarburetorCore

/// How each `.carb` type appears in PostgreSQL, in the generated Swift models
/// and in the JSON on the wire. Must agree with the SQL and Swift backends
/// and with the table in the language reference.
enum TypeDescriptions {
    static func postgreSQLName(_ scalar: ScalarType) -> String {
        switch scalar {
        case .text: "text"
        case .smallInt: "smallint"
        case .integer: "integer"
        case .bigInt: "bigint"
        case .float: "real"
        case .double: "double precision"
        case .numeric: "numeric"
        case .bool: "boolean"
        case .timestamptz: "timestamptz"
        case .timestamp: "timestamp"
        case .date: "date"
        case .time: "time"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .json: "json"
        case .bytea: "bytea"
        }
    }

    /// The Swift type name, from the runtime library where Foundation has none.
    static func swiftName(_ scalar: ScalarType) -> String {
        switch scalar {
        case .text: "String"
        case .smallInt: "Int16"
        case .integer: "Int32"
        case .bigInt: "Int64"
        case .float: "Float"
        case .double: "Double"
        case .numeric: "Decimal"
        case .bool: "Bool"
        case .timestamptz: "Date"
        case .timestamp: "LocalDateTime"
        case .date: "CalendarDate"
        case .time: "TimeOfDay"
        case .uuid: "UUID"
        case .jsonb, .json: "JSONValue"
        case .bytea: "Data"
        }
    }

    static func swiftName(_ type: ColumnType) -> String {
        swiftName(type.scalar) + (type.isNullable ? "?" : "")
    }

    /// What a client finds in the JSON for a value of this type.
    static func jsonDescription(_ scalar: ScalarType) -> String {
        switch scalar {
        case .text: "string"
        case .smallInt, .integer, .bigInt: "number (integer)"
        case .float, .double: "number"
        case .numeric: "string (exact decimal)"
        case .bool: "boolean"
        case .timestamptz: "string (RFC 3339, UTC, microseconds)"
        case .timestamp: "string (YYYY-MM-DDTHH:MM:SS[.ffffff], no zone)"
        case .date: "string (YYYY-MM-DD)"
        case .time: "string (HH:MM:SS[.ffffff])"
        case .uuid: "string (UUID)"
        case .jsonb, .json: "any JSON value"
        case .bytea: "string (base64)"
        }
    }
}
