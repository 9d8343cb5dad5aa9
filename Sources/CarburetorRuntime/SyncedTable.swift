import Foundation
import PostgresNIO

/// What a download needs to know about a synced table; generated per model.
public struct SyncedTable: Sendable, Hashable {
    /// The PostgreSQL table name (the config's plural), unquoted.
    public var name: String
    /// Server columns in the order the model's row initializer reads them.
    public var columns: [String]
    public var idColumn: String
    public var syncColumn: String
    public var softDeleteColumn: String

    public init(name: String, columns: [String], idColumn: String, syncColumn: String, softDeleteColumn: String) {
        self.name = name
        self.columns = columns
        self.idColumn = idColumn
        self.syncColumn = syncColumn
        self.softDeleteColumn = softDeleteColumn
    }
}

/// A select model that downloads can read from PostgreSQL.
public protocol SyncedRow: Codable, Sendable, Hashable {
    static var syncedTable: SyncedTable { get }
    /// Reads one row selected with `syncedTable.columns`, in that order.
    init(reading row: inout PostgresRowReader) throws
}

/// `restrict_to_column = value`: only rows whose column equals the sync
/// context's value are downloaded.
public struct RowRestriction: Sendable {
    public var column: String
    /// The value in PostgreSQL's text form: an upload compares a row's
    /// uploaded restrict value with it and fills it into new rows.
    public let postgresText: String
    let bind: @Sendable (inout PostgresBindings) throws -> Void

    public init<Value: PostgresThrowingDynamicTypeEncodable & PostgresTextRepresentable & Sendable>(
        column: String, equals value: Value
    ) {
        self.column = column
        self.postgresText = value.postgresText
        self.bind = { try $0.append(value) }
    }

    /// Timestamps are bound to the exact microsecond.
    public init(column: String, equals value: Date) {
        self.column = column
        self.postgresText = value.postgresText
        let exact = ExactTimestamp(value)
        self.bind = { $0.append(exact) }
    }
}

/// `"name"` with embedded quotes doubled: any table or column name is safe in SQL.
func quotedIdentifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
