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
        // Read for every row a sync touches: the flat form written below is
        // read directly; anything else (escapes, spacing) through JSONDecoder.
        let clockTexts = try FlatJSON.stringPairs(clocksJSON)
            ?? WireJSON.decode([String: String].self, from: Data(clocksJSON.utf8)).map { ($0.key, $0.value) }
        var clocks: [String: HLCTimestamp] = [:]
        for (column, text) in clockTexts {
            guard let clock = HLCTimestamp(text) else { throw ConversionProblem("invalid clock \"\(text)\" for column \(column)") }
            clocks[column] = clock
        }
        self.clocks = clocks
        dirty = Set(try FlatJSON.strings(dirtyJSON) ?? WireJSON.decode([String].self, from: Data(dirtyJSON.utf8)))
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

/// The flat JSON `RowSyncState` writes — `["a","b"]` and `{"a":"b"}`, no
/// spaces, strings without escapes — read without a decoder. `nil` for
/// anything else, which the caller hands to `JSONDecoder`.
enum FlatJSON {
    static func strings(_ text: String) -> [String]? {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.take(UInt8(ascii: "[")) else { return nil }
        var result: [String] = []
        if scanner.take(UInt8(ascii: "]")) { return scanner.atEnd ? result : nil }
        repeat {
            guard let string = scanner.string() else { return nil }
            result.append(string)
        } while scanner.take(UInt8(ascii: ","))
        return scanner.take(UInt8(ascii: "]")) && scanner.atEnd ? result : nil
    }

    static func stringPairs(_ text: String) -> [(String, String)]? {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        var result: [(String, String)] = []
        if scanner.take(UInt8(ascii: "}")) { return scanner.atEnd ? result : nil }
        repeat {
            guard let key = scanner.string(), scanner.take(UInt8(ascii: ":")), let value = scanner.string() else {
                return nil
            }
            result.append((key, value))
        } while scanner.take(UInt8(ascii: ","))
        return scanner.take(UInt8(ascii: "}")) && scanner.atEnd ? result : nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// A string without escapes or control characters.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return String(decoding: bytes[start..<position - 1], as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                position += 1
            }
            return nil
        }
    }
}
