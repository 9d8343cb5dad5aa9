import CarburetorRuntime
import Foundation
import PostgresNIO
import Testing

/// Several writers hold transactions open for random times while several
/// clients download incrementally in a loop; at the end every client's
/// replica equals the server table row for row, deletions included. With a
/// cutoff of "now" (carburetor-rs) a row stamped before a cutoff but committed
/// after it would be skipped forever and this test would fail.
@Suite(.serialized) struct NoLostRowsTests {
    static let writers = 4
    static let clients = 3
    static let writingTime: Duration = .seconds(3)
    static let minimumCommitsPerWriter = 15

    /// What a client keeps: the rows by id and the offset to send next.
    struct Replica {
        var rows: [String: User] = [:]
        var request = MobileSyncGroup.DownloadRequest()
        var downloads = 0

        mutating func apply(_ response: MobileSyncGroup.DownloadResponse) {
            for row in response.users.data { rows[row.id] = row }
            request = response.nextRequest
            downloads += 1
        }
    }

    @Test func concurrentWritersAndDownloadsLoseNoRow() async throws {
        try await SampleDatabase.with { _, client in
            // Clients make their initial sync on the empty table, so every
            // later row, soft-deleted ones too, must reach them incrementally.
            var replicas: [Replica] = []
            for _ in 0..<Self.clients {
                var replica = Replica()
                replica.apply(try await download(replica.request, pageSize: nil, client: client))
                replicas.append(replica)
            }

            let deadline = ContinuousClock.now + Self.writingTime
            let committed = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<Self.writers {
                    group.addTask { try await write(writer: writer, until: deadline, client: client) }
                }
                for index in replicas.indices {
                    let start = replicas[index]
                    group.addTask {
                        var replica = start
                        while ContinuousClock.now < deadline {
                            // Small random pages exercise the keyset continuation too.
                            replica.apply(try await download(replica.request, pageSize: Int.random(in: 1...8), client: client))
                            try await Task.sleep(for: .milliseconds(Int.random(in: 0...15)))
                        }
                        await ReplicaStore.shared.store(replica, at: index)
                        return 0
                    }
                }
                var total = 0
                for try await count in group { total += count }
                return total
            }
            #expect(committed > 50, "the writers committed too little to prove anything: \(committed)")

            let server = try await SampleDatabase.allRows(User.self, client: client)
            #expect(server.contains { $0.isDeleted }, "no soft delete happened")
            for index in replicas.indices {
                var replica = await ReplicaStore.shared.replica(at: index) ?? replicas[index]
                // Catch up after the writers stopped: page until nothing more is waiting.
                var response = try await download(replica.request, pageSize: 50, client: client)
                replica.apply(response)
                while response.hasMore {
                    response = try await download(replica.request, pageSize: 50, client: client)
                    replica.apply(response)
                }
                #expect(replica.downloads > 3)
                #expect(replica.rows.values.sorted { $0.id < $1.id } == server, "client \(index) diverged from the server")
            }
        }
    }

    private func download(_ request: MobileSyncGroup.DownloadRequest, pageSize: Int?, client: PostgresClient)
        async throws -> MobileSyncGroup.DownloadResponse
    {
        try await MobileSyncGroup.download(client: client, request: request, context: .init(userId: "nobody"), pageSize: pageSize)
    }

    /// One writer: transactions of one to three writes (insert, rename,
    /// soft delete, restore) held open for a random time; some roll back.
    /// Returns the number of committed transactions.
    private func write(writer: Int, until deadline: ContinuousClock.Instant, client: PostgresClient) async throws -> Int {
        var committed = 0
        var sequence = 0
        var ids: [String] = []
        // Until the deadline, and on until enough has committed to prove
        // something, however slow a loaded machine is: a count, not a rate.
        while ContinuousClock.now < deadline || committed < Self.minimumCommitsPerWriter {
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: SampleDatabase.logger)
                for _ in 0..<Int.random(in: 1...3) {
                    switch (ids.isEmpty, Int.random(in: 0..<4)) {
                    case (true, _), (false, 0):
                        sequence += 1
                        let id = "w\(writer)-\(sequence)"
                        try await connection.query("INSERT INTO users (id, name) VALUES (\(id), 'new')", logger: SampleDatabase.logger)
                        ids.append(id)
                    case (false, 1):
                        let id = ids.randomElement()!
                        let name = "renamed-\(Int.random(in: 0..<1000))"
                        try await connection.query("UPDATE users SET name = \(name) WHERE id = \(id)", logger: SampleDatabase.logger)
                    case (false, 2):
                        try await connection.query("UPDATE users SET is_deleted = true WHERE id = \(ids.randomElement()!)", logger: SampleDatabase.logger)
                    default:
                        try await connection.query("UPDATE users SET is_deleted = false WHERE id = \(ids.randomElement()!)", logger: SampleDatabase.logger)
                    }
                }
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...60)))
                if Int.random(in: 0..<10) == 0 {
                    try await connection.query("ROLLBACK", logger: SampleDatabase.logger)
                } else {
                    try await connection.query("COMMIT", logger: SampleDatabase.logger)
                    committed += 1
                }
            }
        }
        return committed
    }
}

/// Where client tasks leave their replicas for the final comparison.
actor ReplicaStore {
    static let shared = ReplicaStore()
    private var replicas: [Int: NoLostRowsTests.Replica] = [:]

    func store(_ replica: NoLostRowsTests.Replica, at index: Int) { replicas[index] = replica }
    func replica(at index: Int) -> NoLostRowsTests.Replica? { replicas[index] }
}
