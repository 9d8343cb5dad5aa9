import CarburetorSchema
import CarburetorSQL
import CarburetorSwiftGen

/// How each `.carb` type appears in PostgreSQL, in the generated Swift models
/// and in the JSON on the wire. The PostgreSQL and Swift names come from
/// those backends themselves, so the docs never disagree with them.
enum TypeDescriptions {
    static func postgreSQLName(_ scalar: ScalarType) -> String {
        SQLTypeMapping.sqlType(for: scalar)
    }

    /// The Swift type name, from the runtime library where Foundation has none.
    static func swiftName(_ scalar: ScalarType) -> String {
        SwiftScalarTypes.name(of: scalar)
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
