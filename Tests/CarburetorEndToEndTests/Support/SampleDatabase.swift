import CarburetorRuntime
import Foundation
import Logging
import PostgresNIO

/// The sample schema applied to a throwaway server.
enum SampleDatabase {
    static let logger = Logger(label: "carburetor.e2e", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Starts a server, applies the sample's DDL and runs `body` with a client
    /// connected as the superuser.
    static func with<Result: Sendable>(
        _ body: (TemporaryPostgres.Server, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await TemporaryPostgres.withServer { server in
            try await TemporaryPostgres.withClient(server.configuration()) { client in
                for statement in SampleSchema.statements {
                    try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                return try await body(server, client)
            }
        }
    }

    /// Every row of a table, deleted ones included, as the sync model reads it.
    static func allRows<Row: SyncedRow>(_ type: Row.Type, client: PostgresClient) async throws -> [Row] {
        let table = Row.syncedTable
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rows = try await client.query(
            PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \"\(table.name)\" ORDER BY \"\(table.idColumn)\""),
            logger: logger)
        var result: [Row] = []
        for try await row in rows {
            var reader = PostgresRowReader(row)
            result.append(try Row(reading: &reader))
        }
        return result
    }

    static func execute(_ sql: String, client: PostgresClient) async throws {
        try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
}
