import CarburetorClient
import CarburetorWire
import Foundation
import GRDB
import XCTest

final class MigrationTests: XCTestCase {
    func testANewerConfigMigratesInPlaceAndKeepsUnsentEdits() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("device.sqlite")
        let version1 = SyncedTable(name: "phone_books", singularName: "phone_book", syncStampColumn: "updated_at",
                                   columns: [SyncedColumn("name", .text)])
        do {
            let store = try SyncStore(writer: DatabaseQueue(path: path), node: "phone-a", tables: [version1])
            _ = try store.writer.write { db in
                try store.insert(db, into: version1, values: ["id": "p1".databaseValue, "name": "Carol".databaseValue])
            }
        }
        // Version 2 adds a nullable column, a column with a default, and a table.
        let version2 = SyncedTable(name: "phone_books", singularName: "phone_book", syncStampColumn: "updated_at",
                                   columns: [
                                       SyncedColumn("name", .text),
                                       SyncedColumn("note", .text, nullable: true),
                                       SyncedColumn("kind", .text, default: "mobile".databaseValue),
                                   ])
        let tags = SyncedTable(name: "tags", singularName: "tag", columns: [SyncedColumn("label", .text)])
        let store = try SyncStore(writer: DatabaseQueue(path: path), node: "phone-a", tables: [version2, tags])
        try store.writer.write { db in
            let p1 = try Row.fetchOne(db, sql: "SELECT * FROM phone_books")!
            XCTAssertEqual(p1["name"] as String, "Carol")
            XCTAssertEqual(p1["kind"] as String, "mobile")
            XCTAssertNil(p1["note"] as String?)
            XCTAssertEqual(try store.dirtyColumns(db, of: version2, id: "p1"), ["name", "is_deleted"])
            try store.update(db, in: version2, id: "p1", set: ["note": "new column".databaseValue])
            try store.insert(db, into: tags, values: ["id": "t1".databaseValue, "label": "family".databaseValue])
            let upload = try store.makeUpload(db, group: SyncGroupDescriptor(name: "mobile", tables: [version2, tags]))
            let body = try parseJSON(upload.body).objectValue!
            let row = body["phone_books"]!
            guard case .array(let rows) = row, let set = rows.first?.objectValue?["set"]?.objectValue else {
                return XCTFail("no phone_books upload")
            }
            XCTAssertEqual(set, ["name": .string("Carol"), "note": .string("new column"), "is_deleted": .bool(false)])
            XCTAssertNotNil(body["tags"])
        }
        // Opening again runs nothing new.
        let migrator = LocalSchema.migrator(for: [version2, tags])
        try store.writer.read { db in XCTAssertTrue(try migrator.hasCompletedMigrations(db)) }
    }
}
