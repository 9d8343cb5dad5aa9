import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import SyncDemoServerKit

/// `sync-demo-server`: serves the `todos` sync group over HTTP on a PostgreSQL database.
@main
struct SyncDemoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-demo-server",
        abstract: "Serves POST /todos/download and POST /todos/upload on a PostgreSQL database.",
        discussion: """
            Authentication is a stub for the demo: every request names its user in \
            `Authorization: Bearer <user-id>` and is trusted.
            """)

    @Option(name: .customLong("database-url"),
            help: "The PostgreSQL connection URL (default: the DATABASE_URL environment variable).")
    var databaseURL: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Flag(name: .customLong("create-schema"),
          help: "Create the tables, triggers and indexes of todos.carb first (safe to repeat).")
    var createSchema = false

    @Flag(name: .customLong("print-schema"), help: "Print the schema's SQL and exit.")
    var printSchema = false

    @Option(name: .customLong("page-size"), help: "Rows per table in one download answer.")
    var pageSize: Int?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535, got \(port)") }
        if let pageSize, pageSize < 1 { throw ValidationError("--page-size must be at least 1, got \(pageSize)") }
    }

    func run() async throws {
        if printSchema {
            print(try SyncDemoSchema.sql())
            return
        }
        guard let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("no database: pass --database-url or set DATABASE_URL (postgresql://user@host:port/db)")
        }
        var logger = Logger(label: "sync-demo-server")
        logger.logLevel = .info
        let configuration = try SyncDemoServer.postgresConfiguration(databaseURL: url)
        if createSchema {
            do {
                try SyncDemoSchema.create(databaseURL: url)
            } catch {
                throw SyncDemoError("creating the schema failed: \(error)")
            }
            logger.info("schema of todos.carb is in place")
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let app = SyncDemoServer.application(client: client, host: host, port: port, pageSize: pageSize, logger: logger)
        try await app.runService()
    }
}
