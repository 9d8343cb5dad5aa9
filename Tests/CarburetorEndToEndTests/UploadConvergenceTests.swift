import CarburetorRuntime
import CarburetorTestSupport
import Foundation
import PostgresNIO
import Testing

/// Property: however uploads are batched, ordered, duplicated, retried or run
/// concurrently, every server row equals the oracle — per column, the value
/// with the greatest clock.
@Suite(.serialized) struct UploadConvergenceTests {
    /// One device edit of one column.
    struct Edit: Sendable {
        var id: String
        var column: String
        var value: String?
        var flag: Bool
        var clock: HLCTimestamp
    }

    static let columns = ["name", "phone_number", "note", "kind", "is_deleted"]

    static func upload(_ edits: [Edit]) -> [PhoneBook.Upload] {
        edits.map { edit in
            var row = PhoneBook.Upload(id: edit.id, clocks: [edit.column: edit.clock])
            switch edit.column {
            case "name": row.name = .set(edit.value ?? "")
            case "phone_number": row.phoneNumber = .set(edit.value ?? "")
            case "note": row.note = .set(edit.value)
            case "kind": row.kind = .set(edit.value ?? "")
            default: row.isDeleted = .set(edit.flag)
            }
            return row
        }
    }

    static func randomEdits(ids: [String], count: Int, using random: inout SplitMix64) -> [Edit] {
        let devices = ["phone-a", "phone-b", "tablet-c"]
        return (0..<count).map { index in
            let column = columns[Int(random.next() % UInt64(columns.count))]
            let text = ["x", "y", "z", "w"][Int(random.next() % 4)] + "\(index)"
            return Edit(
                id: ids[Int(random.next() % UInt64(ids.count))], column: column,
                value: column == "note" && random.next() % 3 == 0 ? nil : text,
                flag: random.next() % 2 == 0,
                // Few distinct times, so ties between devices are common; the
                // index as counter keeps two edits from sharing one clock.
                clock: UploadTests.clock(Int64(random.next() % 6), devices[Int(random.next() % 3)], counter: index))
        }
    }

    /// Per id and column, the edit with the greatest clock.
    static func oracle(_ edits: [Edit]) -> [String: [String: Edit]] {
        var result: [String: [String: Edit]] = [:]
        for edit in edits where LastWriterWins.incomingWins(edit.clock, over: result[edit.id]?[edit.column]?.clock) {
            result[edit.id, default: [:]][edit.column] = edit
        }
        return result
    }

    static func expectMatchesOracle(_ edits: [Edit], base: [String: PhoneBook], client: PostgresClient) async throws {
        let expected = oracle(edits)
        let rows = try await SampleDatabase.allRows(PhoneBook.self, client: client)
        for row in rows where base[row.id] != nil {
            var want = base[row.id]!
            for (column, edit) in expected[row.id] ?? [:] {
                switch column {
                case "name": want.name = edit.value ?? ""
                case "phone_number": want.phoneNumber = edit.value ?? ""
                case "note": want.note = edit.value
                case "kind": want.kind = edit.value ?? ""
                default: want.isDeleted = edit.flag
                }
            }
            want.updatedAt = row.updatedAt
            #expect(row == want, "row \(row.id)")
        }
    }

    /// Rows every schedule starts from, created with clocks older than every edit.
    static func createBase(ids: [String], client: PostgresClient) async throws -> [String: PhoneBook] {
        let old = HLCTimestamp(microseconds: 1, node: "seed")
        let rows = ids.map { id in
            PhoneBook.Upload(id: id, name: .set("base"), phoneNumber: .set("000"), note: .set("n"), kind: .set("k"),
                             isDeleted: .set(false),
                             clocks: Dictionary(uniqueKeysWithValues: columns.map { ($0, old) }))
        }
        _ = try await MobileSyncGroup.upload(client: client, request: .init(phoneBooks: rows), context: UploadTests.alice)
        let stored = try await SampleDatabase.allRows(PhoneBook.self, client: client)
        return Dictionary(uniqueKeysWithValues: stored.filter { ids.contains($0.id) }.map { ($0.id, $0) })
    }

    @Test func anyArrivalOrderDuplicatesAndRetriesGiveTheOracle() async throws {
        try await SampleDatabase.with { _, client in
            for schedule in 0..<12 {
                var random = SplitMix64(seed: UInt64(schedule) &* 0x9E37_79B9 &+ 17)
                let ids = (0..<3).map { "s\(schedule)-r\($0)" }
                let base = try await Self.createBase(ids: ids, client: client)
                let edits = Self.randomEdits(ids: ids, count: 24, using: &random)
                // Batches of 1–5 edits (an id may appear twice in one batch),
                // delivered shuffled, some twice.
                var batches: [[Edit]] = []
                var rest = edits[...]
                while !rest.isEmpty {
                    let size = Int(random.next() % 5) + 1
                    batches.append(Array(rest.prefix(size)))
                    rest = rest.dropFirst(size)
                }
                var deliveries = batches + batches.filter { _ in random.next() % 3 == 0 }
                deliveries.shuffle(using: &random)
                for batch in deliveries {
                    let answers = try await MobileSyncGroup.upload(
                        client: client, request: .init(phoneBooks: Self.upload(batch)), context: UploadTests.alice)
                    #expect(answers.phoneBooks.allSatisfy { $0.status == .accepted })
                }
                try await Self.expectMatchesOracle(edits, base: base, client: client)
            }
        }
    }

    @Test func concurrentUploadsOfTheSameRowsConverge() async throws {
        try await SampleDatabase.with { _, client in
            var random = SplitMix64(seed: 42)
            let ids = ["c-1", "c-2"]
            let base = try await Self.createBase(ids: ids, client: client)
            let edits = Self.randomEdits(ids: ids, count: 80, using: &random)
            // Four connections, each uploading every edit in its own order, in batches.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    var order = edits
                    var workerRandom = SplitMix64(seed: UInt64(worker) + 100)
                    order.shuffle(using: &workerRandom)
                    let batches = stride(from: 0, to: order.count, by: 8).map { Array(order[$0..<min($0 + 8, order.count)]) }
                    group.addTask {
                        for batch in batches {
                            let answer = try await MobileSyncGroup.upload(
                                client: client, request: .init(phoneBooks: Self.upload(batch)), context: UploadTests.alice)
                            #expect(answer.phoneBooks.allSatisfy { $0.status == .accepted })
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await Self.expectMatchesOracle(edits, base: base, client: client)
        }
    }
}
