import CarburetorClient
import CarburetorRuntime
import CarburetorTestSupport
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceLifecycle
import SyncDemoClientKit
import SyncDemoServerKit
import Testing

let quietLogger = Logger(label: "sync-demo-tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// The demo server as the tests run it: a fresh database on the throwaway
/// PostgreSQL (stopped when the test process exits, even on failure), the
/// schema applied the way `sync-demo-server --create-schema` applies it, and
/// the Hummingbird app in this process on a free loopback port.
struct DemoServer: Sendable {
    let baseURL: URL
    let database: TestDatabase
    /// A client of the same database, for reading what the server stored.
    let client: PostgresClient

    /// Runs `body` with a running server, and stops it (and drops the database) afterwards.
    static func with<Result: Sendable>(
        pageSize: Int? = nil, _ body: @Sendable (DemoServer) async throws -> Result
    ) async throws -> Result {
        try await withTemporaryDatabase { database in
            try SyncDemoSchema.create(databaseURL: database.url)
            let configuration = try SyncDemoServer.postgresConfiguration(databaseURL: database.url)
            let appClient = PostgresClient(configuration: configuration, backgroundLogger: quietLogger)
            let readClient = PostgresClient(configuration: configuration, backgroundLogger: quietLogger)
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            let app = SyncDemoServer.application(
                client: appClient, host: "127.0.0.1", port: 0, pageSize: pageSize, logger: quietLogger,
                onServerRunning: { port in portContinuation.yield(port) })
            let services = ServiceGroup(configuration: .init(services: [app, readClient], logger: quietLogger))
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                do {
                    var iterator = ports.makeAsyncIterator()
                    guard let port = await iterator.next() else { throw TestSupportError("the server did not start") }
                    let server = DemoServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, database: database,
                                            client: readClient)
                    let result = try await body(server)
                    await services.triggerGracefulShutdown()
                    try await group.waitForAll()
                    return result
                } catch {
                    await services.triggerGracefulShutdown()
                    try? await group.waitForAll()
                    throw error
                }
            }
        }
    }

    /// The transport of `user`'s devices (the stub authentication's bearer header).
    func transport(user: String) -> HTTPSyncTransport {
        HTTPSyncTransport(baseURL: baseURL, headers: ["Authorization": "Bearer \(user)"])
    }

    /// Every row of the server's `todos` table, deleted ones included, by id.
    func serverRows() async throws -> [SyncDemoServerKit.Todo] {
        let table = SyncDemoServerKit.Todo.syncedTable
        let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let rows = try await client.query(
            PostgresQuery(unsafeSQL: "SELECT \(columns) FROM \"\(table.name)\" ORDER BY \"\(table.idColumn)\""),
            logger: quietLogger)
        var result: [SyncDemoServerKit.Todo] = []
        for try await row in rows {
            var reader = PostgresRowReader(row)
            result.append(try SyncDemoServerKit.Todo(reading: &reader))
        }
        return result
    }
}

/// A row as text per column, the same for the server's and the device's
/// record, so the two compare column by column.
typealias ColumnValues = [String: String]

func text(_ date: Date?) -> String { date.map(RFC3339.string(from:)) ?? "null" }
func text<Value>(_ value: Value?) -> String { value.map { "\($0)" } ?? "null" }

func serverColumns(_ row: SyncDemoServerKit.Todo) -> ColumnValues {
    ["id": row.id, "owner_id": row.ownerId, "title": row.title, "notes": text(row.notes),
     "priority": text(row.priority), "done": text(row.done), "spent_minutes": text(row.spentMinutes),
     "progress": text(row.progress), "weight": text(row.weight), "due_on": text(row.dueOn),
     "remind_at": text(row.remindAt), "is_deleted": text(row.isDeleted), "last_synced_at": text(row.lastSyncedAt)]
}

func deviceColumns(_ row: SyncDemoClientKit.Todo) -> ColumnValues {
    ["id": row.id, "owner_id": row.ownerId, "title": row.title, "notes": text(row.notes),
     "priority": text(row.priority), "done": text(row.done), "spent_minutes": text(row.spentMinutes),
     "progress": text(row.progress), "weight": text(row.weight), "due_on": text(row.dueOn),
     "remind_at": text(row.remindAt), "is_deleted": text(row.isDeleted), "last_synced_at": text(row.lastSyncedAt)]
}

/// A temporary directory for the devices' SQLite files, deleted by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sync-demo-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A device's rows against the server's rows of its user: every row the
/// device holds equals the server's row column by column (the sync stamp
/// included), and it holds every live one. A device may lack a tombstone: an
/// initial download leaves out rows deleted before the device first synced.
func expectDeviceMatchesServer(
    _ device: [SyncDemoClientKit.Todo], _ server: [SyncDemoServerKit.Todo], _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let serverByID = Dictionary(uniqueKeysWithValues: server.map { ($0.id, serverColumns($0)) })
    for row in device {
        #expect(deviceColumns(row) == serverByID[row.id], "\(context): row \(row.id)", sourceLocation: sourceLocation)
    }
    #expect(Set(device.filter { !$0.isDeleted }.map(\.id)) == Set(server.filter { !$0.isDeleted }.map(\.id)),
            "\(context): live rows", sourceLocation: sourceLocation)
}
