import CarburetorRuntime
import CarburetorTestSupport
import Foundation
import Logging
import PostgresNIO

/// A fresh test database holding the sample schema, reached over PostgresNIO (TCP).
enum SampleDatabase {
    static let logger = Logger(label: "carburetor.e2e", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The test database's own role, or `user` with `password`.
    static func configuration(_ database: TestDatabase, user: String? = nil, password: String? = nil)
        -> PostgresClient.Configuration
    {
        var configuration = PostgresClient.Configuration(
            host: database.host, port: database.port, username: user ?? database.user,
            password: user == nil ? database.password : password, database: database.database, tls: .disable)
        configuration.options.maximumConnections = 32
        return configuration
    }

    /// Creates a database, applies the sample's DDL and runs `body` with a
    /// client connected as the test server's role.
    static func with<Result: Sendable>(
        _ body: (TestDatabase, PostgresClient) async throws -> Result
    ) async throws -> Result {
        try await withTemporaryDatabase { database in
            try SampleSchema.apply(to: database)
            return try await withClient(configuration(database)) { client in
                try await body(database, client)
            }
        }
    }

    /// Runs `body` with a connected client whose background `run()` is cancelled afterwards.
    static func withClient<Result: Sendable>(
        _ configuration: PostgresClient.Configuration,
        _ body: (PostgresClient) async throws -> Result
    ) async throws -> Result {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
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
