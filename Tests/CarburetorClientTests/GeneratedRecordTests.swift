import CarburetorClient
import Foundation
import GRDB
import XCTest

/// The generated records of Generated/input.carb (every column type) on a real
/// SQLite file: what a record stores is its wire value, exact to the microsecond.
final class GeneratedRecordTests: XCTestCase {
    static let instant = RFC3339.date(from: "2024-05-01T12:34:56.123456Z")!

    static func sample(key: String) -> Sample {
        Sample(
            sampleKey: key, textValue: "text \"quoted\"", smallValue: -32_768, intValue: 2_147_483_647,
            bigValue: 9_007_199_254_740_993, floatValue: 1.5, doubleValue: 0.1, numericValue: Decimal(string: "12345678901234567890.25")!,
            boolValue: true, booleanAlias: false, instant: instant, localMoment: LocalDateTime("2024-05-01T12:34:56.000001")!,
            day: CalendarDate("2024-02-29")!, clock: TimeOfDay("23:59:59.999999")!,
            uuidValue: UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F")!,
            jsonbValue: ["a": [1, 2.5, "x", nil, true]], jsonValue: "plain", bytes: Data([0, 1, 2, 255]), binaryAlias: Data(),
            maybeText: nil, maybeBig: -9_007_199_254_740_993, maybeInstant: instant.addingTimeInterval(0.000001),
            createdAt: instant, createdOn: CalendarDate("2024-05-01")!, settings: [:], label: "label", ratio: -2.5,
            serverFilled: 7, greeting: "hi", token: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
    }

    func testARecordRoundTripsThroughTheStoreAndUploadsItsWireValues() throws {
        let directory = try TemporaryDirectory()
        let store = try SyncStore(writer: DatabaseQueue(path: directory.path("device.sqlite")), node: "phone-a",
                                  tables: CarburetorLocalSchema.tables)
        let sample = Self.sample(key: "s1")
        let upload = try store.writer.write { db -> PendingUpload in
            try store.insert(db, sample, into: Sample.syncedTable)
            XCTAssertEqual(try Sample.fetchOne(db, key: "s1"), sample)
            return try store.makeUpload(db, group: EverythingClientSyncGroup.descriptor)
        }
        guard case .array(let rows)? = try parseJSON(upload.body).objectValue?["samples"],
              let set = rows.first?.objectValue?["set"]?.objectValue
        else { return XCTFail("no samples upload") }
        XCTAssertEqual(set["instant"], .string("2024-05-01T12:34:56.123456Z"))
        XCTAssertEqual(set["maybe_instant"], .string("2024-05-01T12:34:56.123457Z"))
        XCTAssertEqual(set["big_value"], .integer(9_007_199_254_740_993))
        XCTAssertEqual(set["numeric_value"], .string("12345678901234567890.25"))
        XCTAssertEqual(set["bytes"], .string("AAEC/w=="))
        XCTAssertEqual(set["jsonb_value"], try parseJSON(#"{"a": [1, 2.5, "x", null, true]}"#))
        XCTAssertEqual(set["local_moment"], .string("2024-05-01T12:34:56.000001"))
        XCTAssertEqual(set["bool_value"], .bool(true))
        XCTAssertEqual(set["maybe_text"], .null)
        XCTAssertEqual(set["removed"], .bool(false))
        XCTAssertNil(set["synced_at"])
        XCTAssertNil(set["sample_key"])
        XCTAssertEqual(Set(set.keys), Set(Sample.syncedTable.columns.map(\.name)))
    }

    func testADownloadedRowFetchesAsARecordAndARecordEditDirtiesOnlyChangedColumns() throws {
        let store = try SyncStore(writer: DatabaseQueue(), node: "phone-a", tables: CarburetorLocalSchema.tables)
        let original = Self.sample(key: "s2")
        // The row as the server would send it: the record's own upload values plus the stamp.
        let source = try SyncStore(writer: DatabaseQueue(), node: "phone-b", tables: CarburetorLocalSchema.tables)
        let body = try source.writer.write { db -> Data in
            try source.insert(db, original, into: Sample.syncedTable)
            return try source.makeUpload(db, group: EverythingClientSyncGroup.descriptor).body
        }
        guard case .array(let rows)? = try parseJSON(body).objectValue?["samples"],
              var fields = rows.first?.objectValue?["set"]?.objectValue
        else { return XCTFail("no samples upload") }
        fields["sample_key"] = .string("s2")
        fields["synced_at"] = .string("2024-05-02T00:00:00.000001Z")
        let page = WireValue.object(["samples": .object([
            "cutoff_at": .string("2024-05-02T00:00:00.000001Z"), "has_more": .bool(false), "offset_id": .null,
            "data": .array([.object(fields)]),
        ])])
        try store.writer.write { db in
            _ = try store.applyDownloadResponse(db, group: EverythingClientSyncGroup.descriptor,
                                                response: try JSONEncoder().encode(page))
            var fetched = try XCTUnwrap(try Sample.fetchOne(db, key: "s2"))
            var expected = original
            expected.syncedAt = RFC3339.date(from: "2024-05-02T00:00:00.000001Z")
            XCTAssertEqual(fetched, expected)
            XCTAssertEqual(try store.dirtyColumns(db, of: Sample.syncedTable, id: "s2"), [])
            fetched.label = "edited"
            fetched.maybeText = "now set"
            try store.update(db, fetched, in: Sample.syncedTable)
            XCTAssertEqual(try store.dirtyColumns(db, of: Sample.syncedTable, id: "s2"), ["label", "maybe_text"])
            let live = try Sample.filter(sql: SyncStore.liveCondition(Sample.syncedTable)).fetchAll(db)
            XCTAssertEqual(live.map(\.label), ["edited"])
        }
    }
}
