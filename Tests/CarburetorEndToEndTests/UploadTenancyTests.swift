import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// Tenancy on every write: an upload can neither change nor learn about
/// another tenant's rows, nor create or move rows into another partition.
@Suite(.serialized) struct UploadTenancyTests {
    let alice = MobileSyncGroup.SyncContext(userId: "alice")
    let mallory = MobileSyncGroup.SyncContext(userId: "mallory")

    private func upload(_ rows: [PhoneBook.Upload], as context: MobileSyncGroup.SyncContext,
                        client: PostgresClient) async throws -> [UploadResult<PhoneBook.Upload>] {
        try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: rows), context: context).phoneBooks
    }

    @Test func attacksAreRejectedAndRevealNothing() async throws {
        try await SampleDatabase.with { _, client in
            var alicesRow = UploadTests.newPhoneBook("entry-1", name: "Ada", at: 10)
            alicesRow.source = .set("import")
            alicesRow.clocks["source"] = UploadTests.clock(10)
            #expect(try await upload([alicesRow], as: alice, client: client).first?.status == .accepted)
            let before = try await SampleDatabase.allRows(PhoneBook.self, client: client)

            let late = UploadTests.clock(1_000, "mallory-phone")
            let attacks: [(PhoneBook.Upload, UploadRejectionCode)] = [
                // Edit another tenant's row by id.
                (PhoneBook.Upload(id: "entry-1", name: .set("pwned"), clocks: ["name": late]), .notFound),
                // Soft-delete it.
                (PhoneBook.Upload(id: "entry-1", isDeleted: .set(true), clocks: ["is_deleted": late]), .notFound),
                // "Create" it again, complete, in one's own partition.
                (UploadTests.newPhoneBook("entry-1", name: "pwned", at: 1_000, node: "mallory-phone"), .notFound),
                // Forge the restrict value: create a row in another partition.
                (PhoneBook.Upload(id: "planted", name: .set("x"), phoneNumber: .set("1"), ownerId: .set("alice"),
                                  clocks: ["name": late, "phone_number": late, "owner_id": late]), .restrictMismatch),
                // Move the row to another tenant (also forged).
                (PhoneBook.Upload(id: "entry-1", ownerId: .set("mallory"), clocks: ["owner_id": late]), .notFound),
            ]
            // One upload each: entries of one id in one upload are merged first.
            var answers: [UploadResult<PhoneBook.Upload>] = []
            for attack in attacks { answers += try await upload([attack.0], as: mallory, client: client) }
            #expect(answers.map(\.code) == attacks.map(\.1))
            for answer in answers {
                #expect(answer.status == .rejected && answer.lost == nil && answer.clocks == nil && answer.lastSyncedAt == nil)
                #expect(answer.message?.contains("Ada") != true && answer.message?.contains("alice") != true)
            }
            // The answer for another tenant's id is the one for an id that does not exist.
            var missing: [UploadResult<PhoneBook.Upload>] = []
            for probe in [PhoneBook.Upload(id: "no-such-row", name: .set("pwned"), clocks: ["name": late]),
                          PhoneBook.Upload(id: "no-such-row", isDeleted: .set(true), clocks: ["is_deleted": late])] {
                missing += try await upload([probe], as: mallory, client: client)
            }
            #expect(missing.map(\.code) == Array(answers.prefix(2).map(\.code)))
            #expect(missing.map { $0.message?.replacingOccurrences(of: "no-such-row", with: "entry-1") }
                    == answers.prefix(2).map(\.message))

            // The owner moving her own row to another tenant, or changing an immutable column.
            // (Separate uploads: entries of one id in one upload are merged first.)
            var own: [UploadRejectionCode?] = []
            for row in [
                PhoneBook.Upload(id: "entry-1", ownerId: .set("mallory"), clocks: ["owner_id": late]),
                PhoneBook.Upload(id: "entry-1", source: .set("forged"), clocks: ["source": late]),
                PhoneBook.Upload(id: "entry-1", source: .set("import"), clocks: ["source": late]),
            ] {
                own += try await upload([row], as: alice, client: client).map(\.code)
            }
            #expect(own == [.restrictMismatch, .immutableChanged, nil])
            #expect(try await SampleDatabase.allRows(PhoneBook.self, client: client) == before)
        }
    }

    @Test func aNewRowWithoutItsRestrictColumnBelongsToTheUploader() async throws {
        try await SampleDatabase.with { _, client in
            _ = try await upload([UploadTests.newPhoneBook("m-1", name: "Mal", at: 1)], as: mallory, client: client)
            let rows = try await SampleDatabase.allRows(PhoneBook.self, client: client)
            #expect(rows.map(\.ownerId) == ["mallory"])
            let download = try await MobileSyncGroup.download(client: client, request: .init(), context: alice)
            #expect(download.phoneBooks.data.isEmpty)
        }
    }
}
