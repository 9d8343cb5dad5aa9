import CarburetorClient
import CarburetorWire
import Foundation
import GRDB
import XCTest

/// Upload and download steps on real SQLite files, against the documented wire examples.
final class SyncStepTests: XCTestCase {
    let table = PhoneBookFixture.phoneBooks
    let group = PhoneBookFixture.group

    private func makeStore(_ directory: TemporaryDirectory, wall: ManualClock, node: String = "phone-a") throws -> SyncStore {
        try SyncStore(writer: DatabaseQueue(path: directory.path("\(node).sqlite")), node: node, tables: [table], wallClock: wall.read)
    }

    private func download(_ store: SyncStore, _ rows: String, cutoff: String = "2024-12-02T08:00:00.000000Z",
                          hasMore: Bool = false, offsetID: String? = nil) throws -> DownloadOutcome {
        let page = """
            {"phone_books": {"cutoff_at": "\(cutoff)", "has_more": \(hasMore), "offset_id": \(offsetID.map { "\"\($0)\"" } ?? "null"), "data": [\(rows)]}}
            """
        return try store.writer.write { db in try store.applyDownloadResponse(db, group: self.group, response: Data(page.utf8)) }
    }

    /// p1 as the server has it before the documented edits.
    private let serverP1 = #"{"id": "p1", "name": "Caroline", "note": "old", "is_deleted": false, "updated_at": "2024-12-02T08:00:00.000000Z"}"#

    /// Makes the documented upload: p1's name and note edited, p9 created.
    private func makeDocumentedEdits(_ store: SyncStore, wall: ManualClock) throws {
        _ = try download(store, serverP1)
        wall.set(microseconds: 1_733_130_000_123_456)
        try store.writer.write { db in
            try store.update(db, in: self.table, id: "p1", set: ["name": "Carol".databaseValue])
            try store.update(db, in: self.table, id: "p1", set: ["note": .null])
        }
        wall.set(microseconds: 1_733_130_001_000_000)
        _ = try store.writer.write { db in
            try store.insert(db, into: self.table, values: ["id": "p9".databaseValue, "name": "Dave".databaseValue])
        }
    }

    func testTheUploadRequestIsTheDocumentedOne() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_120_000_000_000)
        let store = try makeStore(directory, wall: wall)
        try makeDocumentedEdits(store, wall: wall)
        let upload = try store.writer.read { db in try store.makeUpload(db, group: self.group) }
        XCTAssertEqual(try parseJSON(upload.body), try parseJSON(try documentedJSON("Sync.md", after: "## Upload")))
        XCTAssertEqual(upload.rowCount, 2)
    }

    func testTheDocumentedAnswerCleansAcceptedColumnsAppliesLostValuesAndKeepsRejectedRows() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_120_000_000_000)
        let store = try makeStore(directory, wall: wall)
        try makeDocumentedEdits(store, wall: wall)
        let upload = try store.writer.read { db in try store.makeUpload(db, group: self.group) }
        let answer = try documentedJSON("Sync.md", after: "### Response")
        let outcome = try store.writer.write { db in
            try store.applyUploadResponse(db, upload: upload, response: Data(answer.utf8))
        }
        XCTAssertEqual(outcome.accepted, 1)
        XCTAssertEqual(outcome.lostColumns, 1)
        XCTAssertEqual(outcome.rejected.map(\.id), ["p9"])
        XCTAssertEqual(outcome.rejected.first?.code, .notFound)
        XCTAssertTrue(outcome.rejected.first!.description.contains("phone_books row \"p9\""))
        try store.writer.read { db in
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p1"), [])
            let p1 = try Row.fetchOne(db, sql: "SELECT * FROM phone_books WHERE id = 'p1'")!
            XCTAssertEqual(p1["name"] as String, "Carol")
            XCTAssertEqual(p1["note"] as String?, "call back")
            XCTAssertEqual(p1["updated_at"] as String, "2024-12-02T09:00:00.412345Z")
            XCTAssertEqual(try store.columnClocks(db, of: self.table, id: "p1")["note"]?.description,
                           "1733130002000000-00000-phone-b")
            // The rejected row is kept, still dirty, and goes up again next time.
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p9"), ["name", "is_deleted"])
            XCTAssertEqual(try store.makeUpload(db, group: self.group).tables["phone_books"]?.map(\.id), ["p9"])
        }
        // The device clock observed the server's: the next edit is later than it.
        wall.set(microseconds: 1_733_130_000_000_000)
        let next = try store.writer.write { db in try store.update(db, in: self.table, id: "p1", set: ["name": "C.".databaseValue]) }
        XCTAssertEqual(next?.description, "1733130003000000-00001-phone-a")
    }

    func testAnEditMadeWhileTheUploadIsInFlightStaysDirty() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let store = try makeStore(directory, wall: wall)
        _ = try download(store, serverP1)
        let sent = try store.writer.write { db in
            try store.update(db, in: self.table, id: "p1", set: ["name": "A".databaseValue, "note": "n".databaseValue])!
        }
        let upload = try store.writer.read { db in try store.makeUpload(db, group: self.group) }
        let inFlight = try store.writer.write { db in try store.update(db, in: self.table, id: "p1", set: ["name": "B".databaseValue])! }
        let answer = """
            {"phone_books": [{"id": "p1", "status": "accepted", "last_synced_at": "2024-12-02T09:00:01.000000Z",
              "clocks": {"name": "\(sent)", "note": "\(sent)"}}], "server_clock": "1733130000500000-00000-~server"}
            """
        _ = try store.writer.write { db in try store.applyUploadResponse(db, upload: upload, response: Data(answer.utf8)) }
        try store.writer.read { db in
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p1"), ["name"])
            XCTAssertEqual(try store.columnClocks(db, of: self.table, id: "p1"), ["name": inFlight, "note": sent, "is_deleted": HLCTimestamp.server(at: RFC3339.date(from: "2024-12-02T08:00:00Z")!)])
            let next = try store.makeUpload(db, group: self.group)
            XCTAssertEqual(try parseJSON(next.body), try parseJSON("""
                {"phone_books": [{"id": "p1", "set": {"name": "B"}, "clocks": {"name": "\(inFlight)"}}]}
                """))
        }
    }

    func testALostValueDoesNotReplaceALaterEditMadeWhileTheUploadWasInFlight() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let store = try makeStore(directory, wall: wall)
        _ = try download(store, serverP1)
        let sent = try store.writer.write { db in try store.update(db, in: self.table, id: "p1", set: ["note": "mine".databaseValue])! }
        let upload = try store.writer.read { db in try store.makeUpload(db, group: self.group) }
        wall.set(microseconds: 1_733_130_009_000_000)
        let later = try store.writer.write { db in try store.update(db, in: self.table, id: "p1", set: ["note": "later".databaseValue])! }
        let answer = """
            {"phone_books": [{"id": "p1", "status": "accepted", "last_synced_at": "2024-12-02T09:00:01.000000Z",
              "clocks": {"note": "1733130005000000-00000-phone-b"},
              "lost": {"id": "p1", "set": {"note": "theirs"}, "clocks": {"note": "1733130005000000-00000-phone-b"}}}],
             "server_clock": "1733130006000000-00000-~server"}
            """
        _ = try store.writer.write { db in try store.applyUploadResponse(db, upload: upload, response: Data(answer.utf8)) }
        XCTAssertLessThan(sent, later)
        try store.writer.read { db in
            let p1 = try Row.fetchOne(db, sql: "SELECT note FROM phone_books WHERE id = 'p1'")!
            XCTAssertEqual(p1["note"] as String, "later")
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p1"), ["note"])
            XCTAssertEqual(try store.columnClocks(db, of: self.table, id: "p1")["note"], later)
        }
    }

    func testADownloadNeverOverwritesAnUnsentEditAndStoresOffsetsWithTheRows() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let store = try makeStore(directory, wall: wall)
        _ = try download(store, serverP1 + "," + #"{"id": "p2", "name": "Bob", "note": null, "is_deleted": false, "updated_at": "2024-12-02T08:00:00.000000Z"}"#)
        try store.writer.write { db in
            _ = try store.update(db, in: self.table, id: "p1", set: ["note": "mine".databaseValue])
        }
        let outcome = try download(store, """
            {"id": "p1", "name": "Caro", "note": "theirs", "is_deleted": false, "updated_at": "2024-12-02T09:10:00.000001Z"},
            {"id": "p2", "name": "Bob", "note": null, "is_deleted": true, "updated_at": "2024-12-02T09:10:00.000002Z"}
            """, cutoff: "2024-12-02T09:10:00.000002Z", hasMore: true, offsetID: "p2")
        XCTAssertEqual(outcome, DownloadOutcome(rows: 2, keptLocalEdits: 1, hasMore: true))
        try store.writer.read { db in
            let p1 = try Row.fetchOne(db, sql: "SELECT * FROM phone_books WHERE id = 'p1'")!
            XCTAssertEqual(p1["name"] as String, "Caro")
            XCTAssertEqual(p1["note"] as String, "mine")
            XCTAssertEqual(p1["updated_at"] as String, "2024-12-02T09:10:00.000001Z")
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p1"), ["note"])
            // The tombstone is applied: p2 is no longer live.
            XCTAssertEqual(try store.fetchLiveRows(db, of: self.table).map { $0["id"] as String }, ["p1"])
            XCTAssertEqual(try parseJSON(store.makeDownloadRequest(db, group: self.group)), try parseJSON("""
                {"phone_book_offset": "2024-12-02T09:10:00.000002Z", "phone_book_offset_id": "p2"}
                """))
        }
    }

    func testTheFirstDownloadRequestHasNullOffsets() throws {
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone-a", tables: [table])
        let request = try store.writer.read { db in try store.makeDownloadRequest(db, group: self.group) }
        XCTAssertEqual(try parseJSON(request), try parseJSON(#"{"phone_book_offset": null, "phone_book_offset_id": null}"#))
    }

    func testAnApplyKilledMidwayLeavesRowsOffsetsAndClockUnchanged() throws {
        struct Killed: Error {}
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let store = try makeStore(directory, wall: wall)
        _ = try download(store, serverP1, cutoff: "2024-12-02T08:00:00.000000Z")
        let snapshot = { (db: Database) in
            try Row.fetchAll(db, sql: "SELECT * FROM phone_books ORDER BY id")
                + Row.fetchAll(db, sql: #"SELECT * FROM "carburetor$offsets""#)
                + Row.fetchAll(db, sql: #"SELECT * FROM "carburetor$clock""#)
        }
        let before = try store.writer.read(snapshot)
        let page = """
            {"phone_books": {"cutoff_at": "2024-12-03T00:00:00.000000Z", "has_more": false, "offset_id": null, "data": [
              {"id": "p1", "name": "New", "note": null, "is_deleted": true, "updated_at": "2024-12-02T23:00:00.000000Z"},
              {"id": "p3", "name": "Eve", "note": null, "is_deleted": false, "updated_at": "2024-12-02T23:00:00.000001Z"}]}}
            """
        XCTAssertThrowsError(try store.writer.write { db in
            _ = try store.applyDownloadResponse(db, group: self.group, response: Data(page.utf8))
            throw Killed()
        })
        // The same database file, reopened as after a restart.
        let reopened = try makeStore(directory, wall: wall)
        XCTAssertEqual(try reopened.writer.read(snapshot), before)
        // Applying the page again applies it once.
        _ = try reopened.writer.write { db in try reopened.applyDownloadResponse(db, group: self.group, response: Data(page.utf8)) }
        try reopened.writer.read { db in
            XCTAssertEqual(try reopened.fetchLiveRows(db, of: self.table).map { $0["id"] as String }, ["p3"])
            XCTAssertEqual(try reopened.downloadOffset(db, group: "mobile", table: "phone_books").cutoffAt, "2024-12-03T00:00:00.000000Z")
        }
    }

    func testAMalformedAnswerAppliesNothing() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_000_000)
        let store = try makeStore(directory, wall: wall)
        try makeDocumentedEdits(store, wall: wall)
        let upload = try store.writer.read { db in try store.makeUpload(db, group: self.group) }
        XCTAssertThrowsError(try store.writer.write { db in
            _ = try store.applyUploadResponse(db, upload: upload, response: Data(#"{"phone_books": [], "server_clock": "x"}"#.utf8))
        }) { error in
            XCTAssertTrue("\(error)".contains("expected 2 answers"), "\(error)")
        }
        try store.writer.read { db in XCTAssertEqual(try store.pendingRowCount(db), 2) }
    }
}
