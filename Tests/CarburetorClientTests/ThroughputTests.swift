import CarburetorClient
import Foundation
import GRDB
import XCTest

/// Prints how long applying a 10,000-row download and building a 10,000-row
/// upload take, beside GRDB's plain insert of the same rows (the floor).
/// Runs with `CARBURETOR_CLIENT_BENCHMARK=1` only; the figures are printed, not asserted.
final class ThroughputTests: XCTestCase {
    func testDownloadAndUploadThroughput() throws {
        guard ProcessInfo.processInfo.environment["CARBURETOR_CLIENT_BENCHMARK"] == "1" else {
            throw XCTSkip("set CARBURETOR_CLIENT_BENCHMARK=1 to measure")
        }
        let count = 10_000
        let table = PhoneBookFixture.phoneBooks
        let group = PhoneBookFixture.group
        let directory = try TemporaryDirectory()
        let rows = (0..<count).map { index in
            #"{"id": "p\#(index)", "name": "Name \#(index)", "note": null, "is_deleted": false, "updated_at": "2024-12-02T09:00:00.000000Z"}"#
        }
        let page = Data(#"{"phone_books": {"cutoff_at": "2024-12-02T09:00:00.000000Z", "has_more": false, "offset_id": null, "data": ["#.utf8)
            + Data(rows.joined(separator: ",").utf8) + Data("]}}".utf8)

        let floorQueue = try DatabaseQueue(path: directory.path("floor.sqlite"))
        try floorQueue.write { db in
            try db.execute(sql: "CREATE TABLE phone_books (id TEXT PRIMARY KEY, name TEXT, note TEXT, is_deleted INTEGER, updated_at TEXT)")
        }
        let floorStart = Date()
        try floorQueue.write { db in
            let statement = try db.makeStatement(sql: "INSERT INTO phone_books VALUES (?, ?, ?, ?, ?)")
            for index in 0..<count {
                try statement.execute(arguments: ["p\(index)", "Name \(index)", nil, false, "2024-12-02T09:00:00.000000Z"])
            }
        }
        let floor = Date().timeIntervalSince(floorStart)

        let parseStart = Date()
        _ = try JSONDecoder().decode(WireValue.self, from: page)
        let parse = Date().timeIntervalSince(parseStart)
        let store = try SyncStore(writer: DatabaseQueue(path: directory.path("device.sqlite")), node: "phone-a", tables: [table])
        let downloadStart = Date()
        _ = try store.writer.write { db in try store.applyDownloadResponse(db, group: group, response: page) }
        let download = Date().timeIntervalSince(downloadStart)

        try store.writer.write { db in
            for index in 0..<count {
                try store.update(db, in: table, id: "p\(index)", set: ["note": "edited".databaseValue])
            }
        }
        let uploadStart = Date()
        let upload = try store.writer.read { db in try store.makeUpload(db, group: group) }
        let build = Date().timeIntervalSince(uploadStart)
        XCTAssertEqual(upload.rowCount, count)
        print(String(format: "client throughput, %d rows: GRDB plain insert %.3f s; apply download %.3f s (%.1fx, of which parsing the JSON %.3f s); build upload %.3f s (%.1fx)",
                     count, floor, download, download / floor, parse, build, build / floor))
    }
}
