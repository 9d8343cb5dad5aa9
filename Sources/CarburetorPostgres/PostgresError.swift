/// A failure reported by libpq or the server.
///
/// Carries the server's SQLSTATE and message fields so callers can react to
/// a specific condition (`42P01` undefined table, `23505` unique violation…)
/// without parsing text. Connection failures never contain the password:
/// every message built from a connection string is scrubbed first.
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Could not connect (bad host, authentication, malformed conninfo).
        case connection
        /// A statement failed on the server, or the connection broke during it.
        case query
        /// The wrapper was used in a way it does not support (e.g. COPY).
        case unsupported
    }

    public var kind: Kind
    /// Five-character SQLSTATE code, when the server sent one.
    public var sqlState: String?
    /// The primary, human-readable message.
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The object the error is about, when the server names it (constraint
    /// violations, errors raised with `USING TABLE = …, COLUMN = …`).
    public var schemaName: String?
    public var tableName: String?
    public var columnName: String?
    public var constraintName: String?

    public init(kind: Kind, sqlState: String? = nil, message: String,
                detail: String? = nil, hint: String? = nil,
                schemaName: String? = nil, tableName: String? = nil,
                columnName: String? = nil, constraintName: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.schemaName = schemaName
        self.tableName = tableName
        self.columnName = columnName
        self.constraintName = constraintName
    }

    public var description: String {
        var text = sqlState.map { "PostgreSQL error \($0): \(message)" }
            ?? "PostgreSQL \(kind.rawValue) error: \(message)"
        if let detail { text += "\nDETAIL: \(detail)" }
        if let hint { text += "\nHINT: \(hint)" }
        return text
    }
}
