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
        let clockTexts = try WireJSON.decode([String: String].self, from: Data(clocksJSON.utf8))
        var clocks: [String: HLCTimestamp] = [:]
        for (column, text) in clockTexts {
            guard let clock = HLCTimestamp(text) else { throw ConversionProblem("invalid clock \"\(text)\" for column \(column)") }
            clocks[column] = clock
        }
        self.clocks = clocks
        dirty = Set(try WireJSON.decode([String].self, from: Data(dirtyJSON.utf8)))
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
