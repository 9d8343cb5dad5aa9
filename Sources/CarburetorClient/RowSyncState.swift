import CarburetorWire
import Foundation
import GRDB

/// A row's device-only state: the clock of each column's latest write and the
/// columns edited here and not yet accepted by the server.
struct RowSyncState: Sendable, Hashable {
    var clocks: [String: HLCTimestamp]
    var dirty: Set<String>

    static let clean = RowSyncState(clocks: [:], dirty: [])

    init(clocks: [String: HLCTimestamp], dirty: Set<String>) {
        self.clocks = clocks
        self.dirty = dirty
    }

    init(clocksJSON: String, dirtyJSON: String) throws {
        if clocksJSON == "{}" && dirtyJSON == "[]" {
            self = .clean
            return
        }
        // Read for every row a sync touches: by the wire module's reader,
        // not a JSONDecoder per row.
        guard case .object(let members) = try JSONTree.parse(clocksJSON) else {
            throw ConversionProblem("the clocks \(clocksJSON.prefix(100)) are not a JSON object")
        }
        var clocks: [String: HLCTimestamp] = [:]
        for member in members {
            guard let text = member.value.stringValue, let clock = HLCTimestamp(text) else {
                throw ConversionProblem("invalid clock for column \(member.key)")
            }
            clocks[member.key] = clock
        }
        self.clocks = clocks
        guard case .array(let elements) = try JSONTree.parse(dirtyJSON) else {
            throw ConversionProblem("the dirty columns \(dirtyJSON.prefix(100)) are not a JSON array")
        }
        var dirty: Set<String> = []
        for element in elements {
            guard let column = element.stringValue else { throw ConversionProblem("a dirty column is not a string") }
            dirty.insert(column)
        }
        self.dirty = dirty
    }

    // Written by hand, keys sorted: these are written for every row a sync
    // touches, and a JSONEncoder per row costs more than the row's SQL.
    var clocksJSON: String {
        "{" + clocks.keys.sorted().map { WireJSON.quoted($0) + ":" + WireJSON.quoted(clocks[$0]!.description) }
            .joined(separator: ",") + "}"
    }

    var dirtyJSON: String {
        "[" + dirty.sorted().map(WireJSON.quoted).joined(separator: ",") + "]"
    }

    /// The states of the rows of `ids` that exist, by id, in statements of
    /// up to 500 ids.
    static func fetchAll(_ db: Database, table: SyncedTable, ids: [String]) throws -> [String: RowSyncState] {
        var states: [String: RowSyncState] = [:]
        let unique = Array(Set(ids))
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let sql = "SELECT \(LocalSchema.quoted(table.idColumn)), \(LocalSchema.quoted(LocalSchemaNames.clocksColumn)), "
                + "\(LocalSchema.quoted(LocalSchemaNames.dirtyColumn)) FROM \(LocalSchema.quoted(table.name)) "
                + "WHERE \(LocalSchema.quoted(table.idColumn)) IN (\(placeholders))"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                states[row[0]] = try RowSyncState(clocksJSON: row[1], dirtyJSON: row[2])
            }
        }
        return states
    }

    /// Reads the state of row `id`, or `nil` when the row does not exist.
    static func fetch(_ db: Database, table: SyncedTable, id: String) throws -> RowSyncState? {
        let sql = "SELECT \(LocalSchema.quoted(LocalSchemaNames.clocksColumn)), \(LocalSchema.quoted(LocalSchemaNames.dirtyColumn)) FROM \(LocalSchema.quoted(table.name)) WHERE \(LocalSchema.quoted(table.idColumn)) = ?"
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id]) else { return nil }
        return try RowSyncState(clocksJSON: row[0], dirtyJSON: row[1])
    }
}

/// The device's hybrid logical clock, persisted in `carburetor$clock` so that
/// readings stay monotonic across launches. Read and written inside the
/// transaction of the edit or sync step that uses it.
enum PersistedClock {
    static func load(_ db: Database, node: String) throws -> HybridLogicalClock {
        let text = try String.fetchOne(db, sql: "SELECT latest FROM \(LocalSchema.quoted(LocalSchemaNames.clockTable)) WHERE id = 1")
        return HybridLogicalClock(node: node, latest: text.flatMap { HLCTimestamp($0) })
    }

    static func save(_ db: Database, _ clock: HybridLogicalClock) throws {
        try db.execute(
            sql: "INSERT INTO \(LocalSchema.quoted(LocalSchemaNames.clockTable)) (id, latest) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET latest = excluded.latest",
            arguments: [clock.latest?.description])
    }
}
