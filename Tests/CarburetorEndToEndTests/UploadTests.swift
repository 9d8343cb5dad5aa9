import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// The generated upload against a real PostgreSQL: per-column Last-Writer-Wins,
/// creation and merging, answers, and one bad row never failing the others.
@Suite(.serialized) struct UploadTests {
    static let alice = MobileSyncGroup.SyncContext(userId: "alice")

    /// 30 s ahead of the server when the tests start: later than the server's
    /// clock of every row they create (a column a new row leaves out gets the
    /// server's clock), yet within the 60 s lead, so no clock is clamped.
    static let base = HLCTimestamp.server(at: Date()).microseconds + 30_000_000

    static func clock(_ microseconds: Int64, _ node: String = "phone-a", counter: Int = 0) -> HLCTimestamp {
        HLCTimestamp(microseconds: base + microseconds, counter: counter, node: node)
    }

    static func newPhoneBook(_ id: String, name: String, at time: Int64, node: String = "phone-a") -> PhoneBook.Upload {
        let stamp = clock(time, node)
        return PhoneBook.Upload(id: id, name: .set(name), phoneNumber: .set("555"),
                                clocks: ["name": stamp, "phone_number": stamp])
    }

    @Test func uploadCreatesRowsInTheUploadersPartitionAndMergesByClock() async throws {
        try await SampleDatabase.with { _, client in
            let created = try await MobileSyncGroup.upload(
                client: client, request: .init(phoneBooks: [Self.newPhoneBook("p1", name: "Ada", at: 10)]),
                context: Self.alice)
            let answer = try #require(created.phoneBooks.first)
            #expect(answer.status == .accepted && answer.lost == nil)
            #expect(answer.clocks == ["name": Self.clock(10), "phone_number": Self.clock(10)])
            let stored = try await SampleDatabase.allRows(PhoneBook.self, client: client)
            #expect(stored.map(\.ownerId) == ["alice"] && stored.first?.kind == "mobile")
            #expect(answer.lastSyncedAt == stored.first?.updatedAt)
            #expect(created.serverClock >= HLCTimestamp.server(at: stored[0].updatedAt))

            // An older edit of `name` loses and is answered with the server's value;
            // a newer edit of `note` in the same row wins.
            let mixed = PhoneBook.Upload(id: "p1", name: .set("Old"), note: .set("call"),
                                         clocks: ["name": Self.clock(5, "phone-b"), "note": Self.clock(20, "phone-b")])
            let merged = try await MobileSyncGroup.upload(
                client: client, request: .init(phoneBooks: [mixed]), context: Self.alice)
            let mergedAnswer = try #require(merged.phoneBooks.first)
            #expect(mergedAnswer.status == .accepted)
            #expect(mergedAnswer.lost == PhoneBook.Upload(id: "p1", name: .set("Ada"), clocks: ["name": Self.clock(10)]))
            #expect(mergedAnswer.clocks == ["name": Self.clock(10), "note": Self.clock(20, "phone-b")])
            let after = try await SampleDatabase.allRows(PhoneBook.self, client: client)
            #expect(after.map(\.name) == ["Ada"] && after.map(\.note) == ["call"])

            // The same upload again changes nothing: not even the stamp.
            let repeated = try await MobileSyncGroup.upload(
                client: client, request: .init(phoneBooks: [mixed]), context: Self.alice)
            #expect(repeated.phoneBooks.first?.lastSyncedAt == mergedAnswer.lastSyncedAt)

            // A soft delete is a column like the others; undelete is a later clock.
            _ = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: [
                PhoneBook.Upload(id: "p1", isDeleted: .set(true), clocks: ["is_deleted": Self.clock(30)]),
            ]), context: Self.alice)
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client).first?.isDeleted == true)
            _ = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: [
                PhoneBook.Upload(id: "p1", isDeleted: .set(false), clocks: ["is_deleted": Self.clock(31, "phone-b")]),
            ]), context: Self.alice)
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client).first?.isDeleted == false)
        }
    }

    @Test func writesOutsideUploadCountAtTheServersClock() async throws {
        try await SampleDatabase.with { _, client in
            _ = try await MobileSyncGroup.upload(
                client: client, request: .init(phoneBooks: [Self.newPhoneBook("p1", name: "Ada", at: 10)]),
                context: Self.alice)
            try await SampleDatabase.execute("UPDATE phone_books SET name = 'Server' WHERE id = 'p1'", client: client)
            // The server's write counts as later than the clock it replaced; a
            // device edit made before that write (by the device's clock) loses.
            let stale = PhoneBook.Upload(id: "p1", name: .set("Device"), clocks: ["name": Self.clock(10, "phone-b")])
            let answer = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: [stale]),
                                                          context: Self.alice)
            #expect(answer.phoneBooks.first?.lost?.name == .set("Server"))
            #expect(answer.phoneBooks.first?.clocks?["name"]?.node == HLCTimestamp.serverNode)
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client).map(\.name) == ["Server"])
        }
    }

    @Test func aClockFarAheadIsClampedToTheServersClock() async throws {
        try await SampleDatabase.with { _, client in
            let future = HLCTimestamp(microseconds: HLCTimestamp.server(at: Date()).microseconds + 86_400_000_000,
                                      node: "fast-phone")
            let upload = PhoneBook.Upload(id: "p1", name: .set("Ada"), phoneNumber: .set("555"),
                                          clocks: ["name": future, "phone_number": future])
            let answer = try #require(try await MobileSyncGroup.upload(
                client: client, request: .init(phoneBooks: [upload]), context: Self.alice).phoneBooks.first)
            let stored = try #require(answer.clocks?["name"])
            #expect(stored < future && stored.node == "fast-phone")
            #expect(stored.microseconds <= HLCTimestamp.server(at: Date()).microseconds)
            // An edit made a moment later on another device now wins.
            let later = PhoneBook.Upload(id: "p1", name: .set("Bea"), clocks: ["name": HLCTimestamp.server(at: Date()).successor(node: "slow-phone")])
            _ = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: [later]), context: Self.alice)
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client).map(\.name) == ["Bea"])
        }
    }

    @Test func invalidRowsAreRejectedAndTheOthersApplied() async throws {
        try await SampleDatabase.with { _, client in
            try await SampleDatabase.execute(
                "ALTER TABLE phone_books ADD CONSTRAINT name_not_blank CHECK (name <> '')", client: client)
            let rows = [
                Self.newPhoneBook("ok-1", name: "Ada", at: 1),
                PhoneBook.Upload(id: "no-clock", name: .set("x"), phoneNumber: .set("1"), clocks: ["name": Self.clock(1)]),
                PhoneBook.Upload(id: "bad-node", name: .set("x"), phoneNumber: .set("1"),
                                 clocks: ["name": Self.clock(1, "~server"), "phone_number": Self.clock(1)]),
                Self.newPhoneBook("nul", name: "a\u{0}b", at: 1),
                Self.newPhoneBook("blank", name: "", at: 1),
                Self.newPhoneBook("ok-2", name: "Bea", at: 1),
            ]
            let answers = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: rows),
                                                           context: Self.alice).phoneBooks
            #expect(answers.map(\.id) == rows.map(\.id))
            #expect(answers.map(\.status) == [.accepted, .rejected, .rejected, .rejected, .rejected, .accepted])
            #expect(answers.map(\.code) == [nil, .invalidRow, .invalidRow, .invalidRow, .databaseRefused, nil])
            #expect(answers[4].message?.contains("name_not_blank") == true)
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client).map(\.id) == ["ok-1", "ok-2"])
        }
    }

    @Test func everyColumnTypeTravelsExactly() async throws {
        try await SampleDatabase.with { _, client in
            let clock = Self.clock(1)
            let instant = try #require(RFC3339.date(from: "2024-05-01T12:51:30.123456Z"))
            let upload = EveryType.Upload(
                id: "e1", textValue: .set("tëxt \"quoted\" \\ ' 🚀\t\u{1}\nline"), smallValue: .set(-32768), intValue: .set(2_147_483_647),
                bigValue: .set(Int64.min), floatValue: .set(1.5e-7), doubleValue: .set(-0.1),
                numericValue: .set(Decimal(string: "12345678901234567890.000000001")!), boolValue: .set(true),
                instant: .set(instant), localMoment: .set(try #require(LocalDateTime("1999-12-31T23:59:59.999999"))),
                day: .set(try #require(CalendarDate("0001-01-01"))), clock: .set(try #require(TimeOfDay("00:00:00.000001"))),
                uuidValue: .set(UUID()), jsonbValue: .set(["a": [1, "b", nil, true]]), jsonValue: .set("plain"),
                bytes: .set(Data([0, 1, 254, 255])), maybeText: .set(nil), maybeDay: .set(nil), maybeJson: .set(.null),
                isDeleted: .set(false),
                clocks: Dictionary(uniqueKeysWithValues: EveryType.Upload.uploadTable.columns.map { ($0.name, clock) }))
            let answer = try await EverythingSyncGroup.upload(client: client, request: .init(everyTypes: [upload]))
            #expect(answer.everyTypes.first?.status == .accepted)
            let stored = try #require(try await SampleDatabase.allRows(EveryType.self, client: client).first)
            let expected = EveryType.Upload(id: "e1", storedRow: stored, columns: Set(upload.clocks.keys), clocks: upload.clocks)
            #expect(expected == upload)
        }
    }
}
