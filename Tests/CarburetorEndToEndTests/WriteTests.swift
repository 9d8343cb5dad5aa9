import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// The generated trusted `trustedInsert(on:)` and `trustedUpdate(on:)` functions against PostgreSQL.
@Suite(.serialized) struct WriteTests {
    @Test func insertAndUpdateGoThroughTheStampingTrigger() async throws {
        try await SampleDatabase.with { _, client in
            let stored = try await PhoneBook.Insert(id: "p1", name: "Ada", phoneNumber: "555", note: "n", ownerId: "alice")
                .trustedInsert(on: client)
            // The database default and the trigger's stamp come back.
            #expect(stored.kind == "mobile" && stored.note == "n" && !stored.isDeleted)

            let cleared = try #require(try await PhoneBook.Changeset(id: "p1", note: .set(nil)).trustedUpdate(on: client))
            #expect(cleared.note == nil && cleared.name == "Ada")
            #expect(cleared.updatedAt > stored.updatedAt)

            let untouched = try await PhoneBook.Changeset(id: "p1").trustedUpdate(on: client)
            #expect(untouched == cleared)
            #expect(try await PhoneBook.Changeset(id: "missing", name: .set("x")).trustedUpdate(on: client) == nil)

            let deleted = try #require(try await PhoneBook.Changeset(id: "p1", isDeleted: .set(true)).trustedUpdate(on: client))
            let download = try await MobileSyncGroup.download(
                client: client, request: .init(phoneBookOffset: stored.updatedAt), context: .init(userId: "alice"))
            #expect(download.phoneBooks.data == [deleted])
        }
    }

    @Test func everyColumnTypeRoundTripsThroughInsert() async throws {
        try await SampleDatabase.with { _, client in
            let insert = EveryType.Insert(
                id: "e1", textValue: "näive 'quote'", smallValue: -7, intValue: 123_456, bigValue: Int64.max,
                floatValue: 0.5, doubleValue: -1e300, numericValue: Decimal(string: "-0.000000000000000000001")!,
                boolValue: false, instant: RFC3339.date(from: "1999-12-31T23:59:59.000001Z")!,
                localMoment: LocalDateTime("2038-01-19T03:14:08.25")!, day: CalendarDate("2024-02-29")!,
                clock: TimeOfDay("00:00:00.000001")!, uuidValue: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
                jsonbValue: ["k": [1.5, "v", nil]], jsonValue: "just a string", bytes: Data([1, 2, 3]),
                maybeText: nil, maybeDay: CalendarDate("1970-01-01"), maybeJson: .null)
            let stored = try await insert.trustedInsert(on: client)
            #expect(stored.textValue == insert.textValue && stored.smallValue == insert.smallValue)
            #expect(stored.intValue == insert.intValue && stored.bigValue == insert.bigValue)
            #expect(stored.floatValue == insert.floatValue && stored.doubleValue == insert.doubleValue)
            #expect(stored.numericValue == insert.numericValue && stored.boolValue == insert.boolValue)
            #expect(stored.instant == insert.instant && stored.localMoment == insert.localMoment)
            #expect(stored.day == insert.day && stored.clock == insert.clock && stored.uuidValue == insert.uuidValue)
            #expect(stored.jsonbValue == insert.jsonbValue && stored.jsonValue == insert.jsonValue)
            #expect(stored.bytes == insert.bytes && stored.maybeText == nil && stored.maybeDay == insert.maybeDay)
            #expect(stored.maybeJson == .null)

            let downloaded = try await EverythingSyncGroup.download(client: client, request: .init())
            #expect(downloaded.everyTypes.data == [stored])
        }
    }
}
