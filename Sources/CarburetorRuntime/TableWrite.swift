import Foundation
import Logging
import PostgresNIO

/// The column values of one insert or update, in the order they are set.
/// Generated `insert(on:)` and `update(on:)` functions fill it; the sync stamp
/// is never among them (the database trigger writes it).
public struct ColumnValues: Sendable {
    public private(set) var columns: [String] = []
    private var binds: [@Sendable (inout PostgresBindings) throws -> Void] = []

    public init() {}

    public var isEmpty: Bool { columns.isEmpty }

    /// A value for the column.
    public mutating func set<Value: PostgresThrowingDynamicTypeEncodable & Sendable>(_ column: String, _ value: Value) {
        columns.append(column)
        binds.append { try $0.appendValue(value) }
    }

    /// A value of a nullable column: `nil` stores NULL.
    public mutating func setNullable<Value: PostgresThrowingDynamicTypeEncodable & Sendable>(_ column: String, _ value: Value?) {
        columns.append(column)
        binds.append { bindings in
            if let value { try bindings.appendValue(value) } else { bindings.appendNull() }
        }
    }

    /// A column with a SQL default: `nil` leaves it out, so the default applies.
    public mutating func setUnlessDefault<Value: PostgresThrowingDynamicTypeEncodable & Sendable>(_ column: String, _ value: Value?) {
        if let value { set(column, value) }
    }

    /// A nullable column with a SQL default: `nil` leaves it out, `.some(nil)` stores NULL.
    public mutating func setNullableUnlessDefault<Value: PostgresThrowingDynamicTypeEncodable & Sendable>(
        _ column: String, _ value: Value??
    ) {
        if case .some(let inner) = value { setNullable(column, inner) }
    }

    /// A changeset field: left out when unchanged.
    public mutating func update<Value: PostgresThrowingDynamicTypeEncodable & Sendable & Hashable>(
        _ column: String, _ update: FieldUpdate<Value>
    ) {
        if case .set(let value) = update { set(column, value) }
    }

    /// A changeset field of a nullable column: left out when unchanged, `.set(nil)` stores NULL.
    public mutating func updateNullable<Value: PostgresThrowingDynamicTypeEncodable & Sendable & Hashable>(
        _ column: String, _ update: FieldUpdate<Value?>
    ) {
        if case .set(let value) = update { setNullable(column, value) }
    }

    /// Appends the binds after `bindings`' current ones.
    func bind(into bindings: inout PostgresBindings) throws {
        for bind in binds { try bind(&bindings) }
    }
}

extension PostgresBindings {
    /// Timestamps are bound to the exact microsecond; everything else as PostgresNIO encodes it.
    mutating func appendValue<Value: PostgresThrowingDynamicTypeEncodable>(_ value: Value) throws {
        if let date = value as? Date {
            append(ExactTimestamp(date))
        } else {
            try append(value)
        }
    }
}

/// Inserts and updates rows of a synced table, returning them as stored.
public enum TableWrite {
    /// `INSERT … RETURNING`: the stored row, with its stamp and database defaults.
    public static func insert<Row: SyncedRow>(
        _ rowType: Row.Type = Row.self, _ values: ColumnValues, on client: PostgresClient, logger: Logger? = nil
    ) async throws -> Row {
        let table = Row.syncedTable
        var bindings = PostgresBindings()
        try values.bind(into: &bindings)
        let sql: String
        if values.isEmpty {
            sql = "INSERT INTO \(quotedIdentifier(table.name)) DEFAULT VALUES RETURNING \(returningList(table))"
        } else {
            let columns = values.columns.map(quotedIdentifier).joined(separator: ", ")
            let placeholders = (1...values.columns.count).map { "$\($0)" }.joined(separator: ", ")
            sql = "INSERT INTO \(quotedIdentifier(table.name)) (\(columns)) VALUES (\(placeholders)) "
                + "RETURNING \(returningList(table))"
        }
        guard let row = try await firstRow(Row.self, PostgresQuery(unsafeSQL: sql, binds: bindings), client, logger) else {
            throw CarburetorError.invalidDatabaseValue(type: "\(Row.self)", detail: "INSERT returned no row")
        }
        return row
    }

    /// `UPDATE … WHERE id = … RETURNING`: the updated row, or `nil` when no
    /// row has the id. An empty changeset writes nothing and returns the row.
    public static func update<Row: SyncedRow>(
        _ rowType: Row.Type = Row.self, id: String, _ values: ColumnValues, on client: PostgresClient,
        logger: Logger? = nil
    ) async throws -> Row? {
        let table = Row.syncedTable
        var bindings = PostgresBindings()
        bindings.append(id)
        try values.bind(into: &bindings)
        let sql: String
        if values.isEmpty {
            sql = "SELECT \(returningList(table)) FROM \(quotedIdentifier(table.name)) "
                + "WHERE \(quotedIdentifier(table.idColumn)) = $1"
        } else {
            let assignments = values.columns.enumerated()
                .map { "\(quotedIdentifier($1)) = $\($0 + 2)" }.joined(separator: ", ")
            sql = "UPDATE \(quotedIdentifier(table.name)) SET \(assignments) "
                + "WHERE \(quotedIdentifier(table.idColumn)) = $1 RETURNING \(returningList(table))"
        }
        return try await firstRow(Row.self, PostgresQuery(unsafeSQL: sql, binds: bindings), client, logger)
    }

    private static func returningList(_ table: SyncedTable) -> String {
        table.columns.map(quotedIdentifier).joined(separator: ", ")
    }

    private static func firstRow<Row: SyncedRow>(
        _ rowType: Row.Type, _ query: PostgresQuery, _ client: PostgresClient, _ logger: Logger?
    ) async throws -> Row? {
        var result: Row?
        for try await postgresRow in try await client.query(query, logger: logger ?? TableDownload.silentLogger) {
            var reader = PostgresRowReader(postgresRow)
            result = try Row(reading: &reader)
        }
        return result
    }
}
