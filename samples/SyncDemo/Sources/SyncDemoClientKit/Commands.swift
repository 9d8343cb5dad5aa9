import CarburetorClient
import Foundation
import GRDB

/// One device of the demo: a SQLite file holding the `todos` sync group for
/// one user, opened through `SyncStore` (the records and the group descriptor
/// are generated from todos.carb at build time).
///
/// The file also remembers its user and its clock node, so every later
/// command on it syncs as the same user from the same node.
public final class TodoDevice: Sendable {
    public let store: SyncStore
    public let user: String

    /// Opens (or creates) the device database at `path` for `user`. `node`
    /// names this device's clock (default: chosen on first open and kept).
    /// `tables` and `wallClock` are for tests (an older config's tables, a drifting clock).
    public init(path: String, user: String, node: String? = nil, tables: [SyncedTable] = [Todo.syncedTable],
                wallClock: @escaping @Sendable () -> Date = { Date() }) throws {
        guard !user.isEmpty else { throw TodoDeviceError("--user must not be empty") }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path)
        } catch {
            throw TodoDeviceError("cannot open the database \(path): \(error)")
        }
        let kept = try queue.write { db -> (user: String, node: String) in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS sync_demo_device (user TEXT NOT NULL, node TEXT NOT NULL)")
            if let row = try Row.fetchOne(db, sql: "SELECT user, node FROM sync_demo_device") {
                return (row["user"], row["node"])
            }
            let chosen = node ?? "device-" + UUID().uuidString.prefix(8).lowercased()
            guard HLCTimestamp.isValidDeviceNode(chosen) else {
                throw TodoDeviceError("invalid --node \"\(chosen)\": use 1–64 characters of A–Z a–z 0–9 _ . -")
            }
            try db.execute(sql: "INSERT INTO sync_demo_device (user, node) VALUES (?, ?)", arguments: [user, chosen])
            return (user, chosen)
        }
        guard kept.user == user else {
            throw TodoDeviceError("\(path) is the database of user \"\(kept.user)\", not \"\(user)\"; use another --db file")
        }
        if let node, node != kept.node {
            throw TodoDeviceError("\(path) syncs as node \"\(kept.node)\"; leave out --node or pass that one")
        }
        self.user = user
        store = try SyncStore(writer: queue, node: kept.node, tables: tables, wallClock: wallClock)
    }

    /// The transport to the demo server at `server` (`http://127.0.0.1:8080`), authenticated by the stub scheme.
    public func transport(server: URL) -> HTTPSyncTransport {
        HTTPSyncTransport(baseURL: server, headers: ["Authorization": "Bearer \(user)"])
    }

    // MARK: Commands

    /// Adds an item and returns it.
    @discardableResult
    public func add(_ todo: Todo) throws -> Todo {
        _ = try store.writer.write { db in
            try self.store.insert(db, todo, into: Todo.syncedTable)
        }
        return todo
    }

    /// A new item of this device's user with a random id.
    public func newTodo(title: String) -> Todo {
        Todo(id: UUID().uuidString.lowercased(), ownerId: user, title: title, priority: 3, done: false)
    }

    /// Edits the item whose id starts with `idPrefix`: `change` edits a copy, and
    /// the columns it changed are saved (each clocked and marked unsent).
    @discardableResult
    public func edit(_ idPrefix: String, _ change: (inout Todo) throws -> Void) throws -> Todo {
        try store.writer.write { db in
            var todo = try self.find(db, idPrefix)
            try change(&todo)
            try self.store.update(db, todo, in: Todo.syncedTable)
            return todo
        }
    }

    /// Soft-deletes the item whose id starts with `idPrefix`.
    @discardableResult
    public func delete(_ idPrefix: String) throws -> Todo {
        try store.writer.write { db in
            let todo = try self.find(db, idPrefix)
            try self.store.delete(db, in: Todo.syncedTable, id: todo.id)
            return todo
        }
    }

    /// The items, live ones only unless `includeDeleted`, by id.
    public func list(includeDeleted: Bool = false) throws -> [Todo] {
        try store.writer.read { db in
            var request = Todo.order(Column("id"))
            if !includeDeleted { request = request.filter(sql: SyncStore.liveCondition(Todo.syncedTable)) }
            return try request.fetchAll(db)
        }
    }

    /// The ids of rows with edits the server has not accepted yet.
    public func unsentIDs() throws -> Set<String> {
        try store.writer.read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM todos WHERE \"\(LocalSchemaNames.dirtyColumn)\" <> '[]'"))
        }
    }

    /// Uploads the unsent edits, then downloads until caught up.
    public func sync(transport: any SyncTransport) async throws -> SyncReport {
        try await TodosClientSyncGroup.sync(store, transport: transport)
    }

    private func find(_ db: Database, _ idPrefix: String) throws -> Todo {
        guard !idPrefix.isEmpty else { throw TodoDeviceError("give an item id (or the start of one)") }
        let escaped = idPrefix.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let matches = try Todo.filter(sql: "id LIKE ? ESCAPE '\\'", arguments: [escaped + "%"]).limit(2).fetchAll(db)
        switch matches.count {
        case 0: throw TodoDeviceError("no item with an id starting with \"\(idPrefix)\"; `list --all` shows them")
        case 1: return matches[0]
        default: throw TodoDeviceError("more than one item has an id starting with \"\(idPrefix)\"; give more of it")
        }
    }
}

/// A command that cannot proceed, said plainly.
public struct TodoDeviceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
