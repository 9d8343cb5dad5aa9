import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// Generated download code against a real PostgreSQL: initial and incremental
/// sync, soft deletes, `restrict_to` isolation and pagination.
@Suite(.serialized) struct SyncTests {
    private func insertPhoneBook(_ id: String, owner: String, name: String, client: PostgresClient) async throws {
        try await client.query(
            "INSERT INTO phone_books (id, name, phone_number, owner_id) VALUES (\(id), \(name), '555', \(owner))",
            logger: SampleDatabase.logger)
    }

    @Test func initialThenIncrementalSyncWithSoftDeletesAndIsolation() async throws {
        try await SampleDatabase.with { _, client in
            try await SampleDatabase.execute("INSERT INTO users (id, name) VALUES ('u1', 'Alice'), ('u2', 'Bob')", client: client)
            try await insertPhoneBook("p1", owner: "alice", name: "Carol", client: client)
            try await insertPhoneBook("p2", owner: "bob", name: "Dave", client: client)
            try await insertPhoneBook("p3", owner: "alice", name: "Erin", client: client)
            try await SampleDatabase.execute("UPDATE phone_books SET is_deleted = true WHERE id = 'p3'", client: client)

            let alice = MobileSyncGroup.SyncContext(userId: "alice")
            let first = try await MobileSyncGroup.download(client: client, request: .init(), context: alice)
            #expect(first.users.data.map(\.name) == ["Alice", "Bob"])
            // Initial sync: only Alice's rows, and not the soft-deleted one.
            #expect(first.phoneBooks.data.map(\.id) == ["p1"])
            #expect(first.phoneBooks.data.first?.kind == "mobile")
            #expect(!first.hasMore && first.phoneBooks.offsetID == nil)

            // Nothing changed: nothing comes back, the cutoff never goes back.
            let idle = try await MobileSyncGroup.download(client: client, request: first.nextRequest, context: alice)
            #expect(idle.users.data.isEmpty && idle.phoneBooks.data.isEmpty)
            #expect(idle.phoneBooks.cutoffAt >= first.phoneBooks.cutoffAt)

            try await SampleDatabase.execute("UPDATE phone_books SET note = 'call back' WHERE id = 'p1'", client: client)
            try await SampleDatabase.execute("UPDATE phone_books SET is_deleted = true WHERE id = 'p1'", client: client)
            try await insertPhoneBook("p4", owner: "alice", name: "Frank", client: client)
            try await insertPhoneBook("p5", owner: "bob", name: "Grace", client: client)
            try await SampleDatabase.execute("UPDATE users SET name = 'Bobby' WHERE id = 'u2'", client: client)

            let second = try await MobileSyncGroup.download(client: client, request: idle.nextRequest, context: alice)
            #expect(second.users.data.map(\.name) == ["Bobby"])
            // Incremental sync: the deletion travels, Bob's rows never do.
            #expect(second.phoneBooks.data.map(\.id) == ["p1", "p4"])
            #expect(second.phoneBooks.data.first?.isDeleted == true)
            #expect(second.phoneBooks.data.first?.note == "call back")

            let bob = try await MobileSyncGroup.download(
                client: client, request: .init(), context: .init(userId: "bob"))
            #expect(bob.phoneBooks.data.map(\.ownerId) == ["bob", "bob"])
            let nobody = try await MobileSyncGroup.download(
                client: client, request: .init(), context: .init(userId: "mallory"))
            #expect(nobody.phoneBooks.data.isEmpty && nobody.users.data.count == 2)
        }
    }

    @Test func paginationNeverSkipsOrRepeatsRowsSharingAStamp() async throws {
        try await SampleDatabase.with { _, client in
            let ids = (0..<40).map { String(format: "user-%02d", $0) }
            for id in ids.shuffled() {
                try await client.query("INSERT INTO users (id, name) VALUES (\(id), 'x')", logger: SampleDatabase.logger)
            }
            // 30 rows share one stamp, the other 10 share a later one.
            try await SampleDatabase.execute("ALTER TABLE users DISABLE TRIGGER USER", client: client)
            try await SampleDatabase.execute(
                "UPDATE users SET last_synced_at = '2024-01-01 00:00:00.000001+00' WHERE id < 'user-30'", client: client)
            try await SampleDatabase.execute(
                "UPDATE users SET last_synced_at = '2024-01-01 00:00:00.000002+00' WHERE id >= 'user-30'", client: client)
            try await SampleDatabase.execute("ALTER TABLE users ENABLE TRIGGER USER", client: client)

            var request = MobileSyncGroup.DownloadRequest()
            var received: [String] = []
            var pages = 0
            repeat {
                let response = try await MobileSyncGroup.download(
                    client: client, request: request, context: .init(userId: "nobody"), pageSize: 7)
                received += response.users.data.map(\.id)
                #expect(response.users.data.count <= 7)
                request = response.nextRequest
                pages += 1
                if !response.hasMore { break }
            } while pages < 20
            #expect(received == ids)
            #expect(pages == 6)

            // A row written later continues after the last page.
            try await SampleDatabase.execute("UPDATE users SET name = 'y' WHERE id = 'user-05'", client: client)
            let next = try await MobileSyncGroup.download(client: client, request: request, context: .init(userId: "nobody"), pageSize: 7)
            #expect(next.users.data.map(\.id) == ["user-05"])
        }
    }

    @Test func everyColumnTypeDecodesFromPostgreSQL() async throws {
        try await SampleDatabase.with { _, client in
            try await SampleDatabase.execute("""
                INSERT INTO every_types (id, text_value, small_value, int_value, big_value, float_value, double_value,
                    numeric_value, bool_value, instant, local_moment, day, clock, uuid_value, jsonb_value, json_value, bytes,
                    maybe_text, maybe_day, maybe_json)
                VALUES ('e1', 'héllo "quoted"', -32768, 2147483647, -9223372036854775808, 1.5, 2.25,
                    '12345678901234567890.0123456789', true, '2024-02-29 23:59:59.999999+00', '1999-12-31 12:00:00.5',
                    '0001-01-01', '23:59:59.000001', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '{"a": [1, null]}', '[true]',
                    '\\x00ff10', NULL, '2000-02-29', NULL)
                """, client: client)
            let response = try await EverythingSyncGroup.download(client: client, request: .init())
            let row = try #require(response.everyTypes.data.first)
            #expect(row.textValue == "héllo \"quoted\"")
            #expect(row.smallValue == Int16.min && row.intValue == Int32.max && row.bigValue == Int64.min)
            #expect(row.floatValue == 1.5 && row.doubleValue == 2.25)
            #expect(row.numericValue == Decimal(string: "12345678901234567890.0123456789"))
            #expect(row.boolValue)
            #expect(RFC3339.string(from: row.instant) == "2024-02-29T23:59:59.999999Z")
            #expect(row.localMoment.description == "1999-12-31T12:00:00.500000")
            #expect(row.day.description == "0001-01-01")
            #expect(row.clock.description == "23:59:59.000001")
            #expect(row.uuidValue == UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
            #expect(row.jsonbValue == ["a": [1, nil]])
            #expect(row.jsonValue == [true])
            #expect(row.bytes == Data([0x00, 0xFF, 0x10]))
            #expect(row.maybeText == nil && row.maybeDay?.description == "2000-02-29" && row.maybeJson == nil)

            // The row survives the wire unchanged.
            let data = try JSONEncoder().encode(response)
            let decoded = try JSONDecoder().decode(EverythingSyncGroup.DownloadResponse.self, from: data)
            #expect(decoded == response)
        }
    }

    @Test func requestsAndResponsesRoundTripThroughJSON() async throws {
        try await SampleDatabase.with { _, client in
            try await SampleDatabase.execute("INSERT INTO users (id, name) VALUES ('u1', 'Alice')", client: client)
            try await insertPhoneBook("p1", owner: "alice", name: "Carol", client: client)
            let response = try await MobileSyncGroup.download(
                client: client, request: .init(), context: .init(userId: "alice"), pageSize: 1)

            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(response)) as? [String: Any])
            #expect(json.keys.sorted() == ["phone_books", "users"])
            let users = try #require(json["users"] as? [String: Any])
            #expect(users.keys.sorted() == ["cutoff_at", "data", "has_more", "offset_id"])
            let cutoff = try #require(users["cutoff_at"] as? String)
            #expect(cutoff.count == 27 && cutoff.hasSuffix("Z"))
            let firstUser = try #require((users["data"] as? [[String: Any]])?.first)
            #expect(firstUser.keys.sorted() == ["id", "is_deleted", "last_synced_at", "name"])

            let decoded = try JSONDecoder().decode(MobileSyncGroup.DownloadResponse.self, from: encoder.encode(response))
            #expect(decoded == response)

            let request = response.nextRequest
            let requestJSON = String(decoding: try encoder.encode(request), as: UTF8.self)
            #expect(requestJSON.contains(#""user_offset":"\#(cutoff)""#))
            #expect(requestJSON.contains(#""phone_book_offset_id":null"#))
            #expect(try JSONDecoder().decode(MobileSyncGroup.DownloadRequest.self, from: Data(requestJSON.utf8)) == request)
            // A Rust client's initial request carries only nulls.
            let initial = try JSONDecoder().decode(
                MobileSyncGroup.DownloadRequest.self, from: Data(#"{"user_offset":null,"phone_book_offset":null}"#.utf8))
            #expect(initial == MobileSyncGroup.DownloadRequest())

            // The decoded request continues exactly where the response ended.
            let again = try await MobileSyncGroup.download(
                client: client, request: JSONDecoder().decode(MobileSyncGroup.DownloadRequest.self, from: Data(requestJSON.utf8)),
                context: .init(userId: "alice"))
            #expect(again.users.data.isEmpty && again.phoneBooks.data.isEmpty)
        }
    }

    @Test func invalidRequestsAreRejected() async throws {
        try await SampleDatabase.with { _, client in
            await #expect(throws: CarburetorError.invalidPageSize(0)) {
                try await MobileSyncGroup.download(client: client, request: .init(), context: .init(userId: "a"), pageSize: 0)
            }
            await #expect(throws: CarburetorError.offsetIDWithoutOffset(table: "users")) {
                try await MobileSyncGroup.download(
                    client: client, request: .init(userOffsetId: "u1"), context: .init(userId: "a"))
            }
        }
    }

    @Test func downloadsNeedToSeeOtherSessionsTransactions() async throws {
        try await SampleDatabase.with { database, client in
            // Roles belong to the whole server: a unique name, dropped at the end.
            let role = "carburetor_syncer_" + UUID().uuidString.lowercased().replacing("-", with: "")
            let password = UUID().uuidString
            try SampleSchema.execute(["CREATE ROLE \(role) LOGIN PASSWORD '\(password)'", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)"],
                                     on: database)
            defer { try? SampleSchema.execute(["DROP OWNED BY \(role)", "DROP ROLE \(role)"], on: database) }
            try await SampleDatabase.withClient(SampleDatabase.configuration(database, user: role, password: password)) { syncer in
                try await client.withConnection { other in
                    // Another role's open transaction is hidden from a role without pg_read_all_stats.
                    try await other.query("BEGIN", logger: SampleDatabase.logger)
                    try await other.query("SELECT txid_current()", logger: SampleDatabase.logger)
                    await #expect(throws: CarburetorError.missingStatisticsPrivilege) {
                        try await MobileSyncGroup.download(client: syncer, request: .init(), context: .init(userId: "a"))
                    }
                    try SampleSchema.execute(["GRANT pg_read_all_stats TO \(role)"], on: database)
                    let response = try await MobileSyncGroup.download(client: syncer, request: .init(), context: .init(userId: "a"))
                    #expect(response.users.data.isEmpty)
                    try await other.query("COMMIT", logger: SampleDatabase.logger)
                }
            }
        }
    }

    @Test func anOpenTransactionHoldsTheCutoffBeforeItsStart() async throws {
        try await SampleDatabase.with { _, client in
            try await client.withConnection { writer in
                try await writer.query("BEGIN", logger: SampleDatabase.logger)
                let started = try await firstDate("SELECT now()", on: writer)
                try await writer.query("INSERT INTO users (id, name) VALUES ('late', 'committed later')", logger: SampleDatabase.logger)
                try await SampleDatabase.execute("INSERT INTO users (id, name) VALUES ('early', 'committed now')", client: client)

                let during = try await MobileSyncGroup.download(client: client, request: .init(), context: .init(userId: "a"))
                #expect(during.users.data.isEmpty)
                #expect(during.users.cutoffAt < started)

                try await writer.query("COMMIT", logger: SampleDatabase.logger)
                let after = try await MobileSyncGroup.download(client: client, request: during.nextRequest, context: .init(userId: "a"))
                #expect(Set(after.users.data.map(\.id)) == ["late", "early"])
            }
        }
    }

    private func firstDate(_ sql: String, on connection: PostgresConnection) async throws -> Date {
        for try await (date) in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: SampleDatabase.logger).decode(Date.self) {
            return date
        }
        throw CarburetorError.invalidDatabaseValue(type: "Date", detail: "no row")
    }
}
