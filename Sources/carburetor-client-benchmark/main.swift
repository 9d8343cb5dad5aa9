// Measures the device side against GRDB's own floor (build with -c release):
//
//     swift run -c release carburetor-client-benchmark [ROUNDS] [ROWS]
//
// 1. Applying a download of ROWS rows (pages of 1,000, as the server sends
//    them) to a fresh local store: JSON parsed, each row merged column by
//    column with its clocks and dirty state, offsets stored.
// 2. Building the upload of ROWS dirty rows (rows created on the device).
// Each beside the floor: GRDB's plain batch insert of the same rows (one
// transaction, one cached prepared statement) into a table of the same
// columns. Every figure is the median of ROUNDS runs on a SQLite file in a
// temporary directory; the variants are interleaved so load hits them alike.
import CarburetorClient
import Foundation
import GRDB

let arguments = CommandLine.arguments
let rounds = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 5) : 5
let rowCount = arguments.count > 2 ? max(1_000, Int(arguments[2]) ?? 10_000) : 10_000
let pageSize = 1_000

let table = SyncedTable(name: "contacts", singularName: "contact", columns: [
    SyncedColumn("name", .text),
    SyncedColumn("note", .text, nullable: true),
    SyncedColumn("counter", .integer),
    SyncedColumn("owner_id", .text, immutable: true),
])
let group = SyncGroupDescriptor(name: "mobile", tables: [table])

struct Contact {
    var id: String
    var name: String
    var note: String?
    var counter: Int
    var ownerID: String
    var lastSyncedAt: String
}

func stamp(_ index: Int) -> String {
    let minutes = index / 60_000 % 60, seconds = index / 1_000 % 60, micros = index % 1_000_000
    return String(format: "2026-01-15T09:%02d:%02d.%06dZ", minutes, seconds, micros)
}

let contacts: [Contact] = (0..<rowCount).map { index in
    let note: String? = index % 3 == 0 ? nil : "note \(index)"
    return Contact(id: String(format: "c%06d", index), name: "Contact \(index)", note: note, counter: index,
                   ownerID: "owner-1", lastSyncedAt: stamp(index))
}

/// The download answers the server would send: pages of `pageSize` rows.
let pages: [Data] = stride(from: 0, to: rowCount, by: pageSize).map { start in
    let slice = contacts[start..<min(start + pageSize, rowCount)]
    let rows = slice.map { contact -> [String: Any] in
        ["id": contact.id, "name": contact.name, "note": contact.note.map { $0 as Any } ?? NSNull(),
         "counter": contact.counter, "owner_id": contact.ownerID, "is_deleted": false,
         "last_synced_at": contact.lastSyncedAt]
    }
    let last = slice.last!
    let page: [String: Any] = ["cutoff_at": last.lastSyncedAt, "data": rows,
                               "has_more": start + pageSize < rowCount, "offset_id": last.id]
    return try! JSONSerialization.data(withJSONObject: ["contacts": page])
}

func temporaryFile(_ name: String) -> String {
    NSTemporaryDirectory() + "carburetor-client-benchmark-\(getpid())-\(name).sqlite"
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// The floor: the same rows into a plain table of the same columns, one
/// transaction, one cached statement.
func floorInsert(path: String) throws -> Double {
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
        try db.execute(sql: """
            CREATE TABLE contacts (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, note TEXT, counter INTEGER NOT NULL,
            owner_id TEXT NOT NULL, is_deleted INTEGER NOT NULL DEFAULT 0, last_synced_at TEXT)
            """)
    }
    return try time {
        try queue.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO contacts (id, name, note, counter, owner_id, is_deleted, last_synced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for contact in contacts {
                try statement.execute(arguments: [contact.id, contact.name, contact.note, contact.counter,
                                                  contact.ownerID, false, contact.lastSyncedAt])
            }
        }
    }
}

/// Every page applied in its own transaction, as `sync` does.
func applyDownload(path: String) throws -> Double {
    let store = try SyncStore(writer: DatabaseQueue(path: path), node: "bench", tables: [table])
    var applied = 0
    let seconds = try time {
        for page in pages {
            applied += try store.writer.write { db in
                try store.applyDownloadResponse(db, group: group, response: page).rows
            }
        }
    }
    precondition(applied == rowCount, "applied \(applied) of \(rowCount) rows")
    return seconds
}

/// `ROWS` rows created on the device (not timed), then the upload built.
func buildUpload(path: String) throws -> Double {
    let store = try SyncStore(writer: DatabaseQueue(path: path), node: "bench", tables: [table])
    try store.writer.write { db in
        for contact in contacts {
            try store.insert(db, into: table, values: [
                "id": contact.id.databaseValue, "name": contact.name.databaseValue,
                "note": contact.note.databaseValue, "counter": contact.counter.databaseValue,
                "owner_id": contact.ownerID.databaseValue,
            ])
        }
    }
    var rows = 0
    let seconds = try time {
        rows = try store.writer.read { db in try store.makeUpload(db, group: group).rowCount }
    }
    precondition(rows == rowCount, "the upload holds \(rows) of \(rowCount) rows")
    return seconds
}

var floors: [Double] = [], downloads: [Double] = [], uploads: [Double] = []
for round in 0..<rounds {
    for (name, run) in [("floor", floorInsert), ("download", applyDownload), ("upload", buildUpload)] {
        let path = temporaryFile("\(name)-\(round)")
        removeDatabase(path)
        defer { removeDatabase(path) }
        let seconds = try run(path)
        switch name {
        case "floor": floors.append(seconds)
        case "download": downloads.append(seconds)
        default: uploads.append(seconds)
        }
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

let floor = median(floors)
print("Device store, \(rowCount) rows (median of \(rounds), SQLite \(try DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") } ?? "?"))")
print(pad("", 44) + pad("time", 12) + "vs floor")
print(pad("floor: GRDB batch insert of the same rows", 44) + pad(String(format: "%.3f s", floor), 12) + "1.00×")
print(pad("apply a download (pages of \(pageSize))", 44) + pad(String(format: "%.3f s", median(downloads)), 12)
      + String(format: "%.2f×", median(downloads) / floor))
print(pad("build the upload of every row", 44) + pad(String(format: "%.3f s", median(uploads)), 12)
      + String(format: "%.2f×", median(uploads) / floor))
