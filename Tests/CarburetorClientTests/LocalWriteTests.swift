import CarburetorClient
import CarburetorWire
import Foundation
import GRDB
import XCTest

final class LocalWriteTests: XCTestCase {
    let table = PhoneBookFixture.phoneBooks

    func testInsertMarksSetColumnsAndTheDeleteFlagDirtyWithOneClock() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_123_456)
        let store = try SyncStore(writer: DatabaseQueue(path: directory.path("device.sqlite")), node: "phone-a",
                                  tables: [table], wallClock: wall.read)
        let clock = try store.writer.write { db in
            try store.insert(db, into: self.table, values: ["id": "p9".databaseValue, "name": "Dave".databaseValue])
        }
        XCTAssertEqual(clock.description, "1733130000123456-00000-phone-a")
        try store.writer.read { db in
            XCTAssertEqual(try store.dirtyColumns(db, of: self.table, id: "p9"), ["name", "is_deleted"])
            XCTAssertEqual(try store.columnClocks(db, of: self.table, id: "p9"), ["name": clock, "is_deleted": clock])
            let rows = try store.fetchLiveRows(db, of: self.table)
            XCTAssertEqual(rows.count, 1)
            XCTAssertEqual(rows[0]["name"] as String?, "Dave")
            XCTAssertNil(rows[0]["note"] as String?)
            XCTAssertNil(rows[0]["updated_at"] as String?)
        }
    }

    func testUpdatesAndSoftDeleteGetLaterClocksEvenWhenTheWallClockGoesBack() throws {
        let directory = try TemporaryDirectory()
        let wall = ManualClock(microseconds: 1_733_130_000_123_456)
        let path = directory.path("device.sqlite")
        var store: SyncStore? = try SyncStore(writer: DatabaseQueue(path: path), node: "phone-a", tables: [table], wallClock: wall.read)
        let first = try store!.writer.write { db in
            try store!.insert(db, into: self.table, values: ["id": "p1".databaseValue, "name": "Carol".databaseValue])
        }
        store = nil
        // A new launch with a wall clock that went back still reads later clocks: the clock is persisted.
        wall.set(microseconds: 1_733_120_000_000_000)
        let reopened = try SyncStore(writer: DatabaseQueue(path: path), node: "phone-a", tables: [table], wallClock: wall.read)
        let edit = try reopened.writer.write { db in
            try reopened.update(db, in: self.table, id: "p1", set: ["note": "call back".databaseValue])
        }
        let delete = try reopened.writer.write { db in try reopened.delete(db, in: self.table, id: "p1") }
        XCTAssertEqual(edit?.description, "1733130000123456-00001-phone-a")
        XCTAssertLessThan(first, edit!)
        XCTAssertLessThan(edit!, delete!)
        try reopened.writer.read { db in
            XCTAssertEqual(try reopened.columnClocks(db, of: self.table, id: "p1"),
                           ["name": first, "note": edit!, "is_deleted": delete!])
            XCTAssertEqual(try reopened.fetchLiveRows(db, of: self.table).count, 0)
            XCTAssertEqual(try reopened.pendingRowCount(db), 1)
        }
    }

    func testTheIDAndTheSyncStampCannotBeEdited() throws {
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone-a", tables: [table])
        try store.writer.write { db in
            try store.insert(db, into: self.table, values: ["id": "p1".databaseValue, "name": "Carol".databaseValue])
            XCTAssertThrowsError(try store.update(db, in: self.table, id: "p1", set: ["updated_at": "2024-01-01T00:00:00Z".databaseValue]))
            XCTAssertThrowsError(try store.update(db, in: self.table, id: "p1", set: ["id": "p2".databaseValue]))
            XCTAssertThrowsError(try store.update(db, in: self.table, id: "nope", set: ["name": "X".databaseValue]))
            XCTAssertThrowsError(try store.insert(db, into: self.table, values: ["id": "p1".databaseValue]))
        }
    }

    func testValueObservationSeesADownloadLand() async throws {
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone-a", tables: [table])
        let observation = ValueObservation.tracking { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM phone_books WHERE is_deleted = 0") ?? 0
        }
        var counts = observation.values(in: store.writer).makeAsyncIterator()
        let initial = try await counts.next()
        XCTAssertEqual(initial, 0)
        let page = """
            {"phone_books": {"cutoff_at": "2024-12-02T09:00:00.500000Z", "has_more": false, "offset_id": null, "data": [
              {"id": "p1", "name": "Carol", "note": null, "is_deleted": false, "updated_at": "2024-12-02T09:00:00.400000Z"}]}}
            """
        _ = try await store.writer.write { db in
            try store.applyDownloadResponse(db, group: PhoneBookFixture.group, response: Data(page.utf8))
        }
        let afterDownload = try await counts.next()
        XCTAssertEqual(afterDownload, 1)
    }
}

final class ImmutableColumnTests: XCTestCase {
    func testAnImmutableColumnIsSetOnCreationAndRefusedOnceTheServerHasTheRow() throws {
        let table = SyncedTable(name: "phone_books", singularName: "phone_book", syncStampColumn: "updated_at",
                                columns: [SyncedColumn("name", .text), SyncedColumn("owner_id", .text, immutable: true)])
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone-a", tables: [table])
        try store.writer.write { db in
            try store.insert(db, into: table, values: ["id": "p1".databaseValue, "name": "Carol".databaseValue, "owner_id": "alice".databaseValue])
            // Not uploaded yet: still the row's creation.
            try store.update(db, in: table, id: "p1", set: ["owner_id": "bob".databaseValue])
            try db.execute(sql: "UPDATE phone_books SET updated_at = '2024-12-02T09:00:00.000000Z'")
            XCTAssertThrowsError(try store.update(db, in: table, id: "p1", set: ["owner_id": "carol".databaseValue])) { error in
                XCTAssertEqual(error as? SyncStoreError, .immutable(table: "phone_books", column: "owner_id", id: "p1"))
            }
            try store.update(db, in: table, id: "p1", set: ["name": "Caroline".databaseValue])
        }
    }
}
