import CarburetorPostgres
import CarburetorRuntime
import CarburetorTestSupport
import Foundation
import PostgresNIO
import Testing

/// Writers the download cutoff cannot see. Each test commits a row that a
/// cutoff of "the oldest visible transaction" would pass before the commit,
/// so the row would be skipped for ever; the guards hold back or refuse.
@Suite(.serialized) struct DownloadGuardTests {
    static func download(after offset: Date?, client: PostgresClient, pageSize: Int? = nil) async throws -> TablePage<User> {
        try await TableDownload.run(User.self, on: client, offset: offset, offsetID: nil, pageSize: pageSize)
    }

    @Test func aPreparedTransactionHoldsTheCutoffAtTheOffset() async throws {
        try await SampleDatabase.with { database, client in
            let writer = try database.connect()
            guard try writer.query("SHOW max_prepared_transactions").scalar != "0" else {
                Issue.record("the server does not allow prepared transactions (max_prepared_transactions = 0)")
                return
            }
            let initial = try await Self.download(after: nil, client: client)
            try writer.execute("BEGIN")
            try writer.execute("INSERT INTO users (id, name) VALUES ('prepared', 'P')")
            try writer.execute("PREPARE TRANSACTION 'carburetor-download-guard'")
            defer { _ = try? writer.execute("ROLLBACK PREPARED 'carburetor-download-guard'") }
            try await Task.sleep(for: .milliseconds(5))
            // The writer's session is idle now: only pg_prepared_xacts knows the transaction.
            try await SampleDatabase.execute("INSERT INTO users (id, name) VALUES ('later', 'L')", client: client)
            let during = try await Self.download(after: initial.cutoffAt, client: client)
            #expect(during.data.isEmpty)
            #expect(during.cutoffAt == initial.cutoffAt, "held at the offset")
            let fresh = try await Self.download(after: nil, client: client)
            #expect(fresh.data.isEmpty && fresh.cutoffAt == Date(timeIntervalSince1970: 0), "an initial download waits too")

            try writer.execute("COMMIT PREPARED 'carburetor-download-guard'")
            let after = try await Self.download(after: during.cutoffAt, client: client)
            #expect(after.data.map(\.id).sorted() == ["later", "prepared"])
            let restarted = try await Self.download(after: fresh.cutoffAt, client: client)
            #expect(restarted.data.map(\.id).sorted() == ["later", "prepared"])
        }
    }

    @Test func aSessionWithoutActivityTrackingInATransactionIsRefused() async throws {
        try await SampleDatabase.with { database, client in
            let writer = try database.connect()
            let pid = try #require(try writer.query("SELECT pg_backend_pid()").scalar.flatMap { Int($0) })
            try writer.execute("SET track_activities = off")
            let initial = try await Self.download(after: nil, client: client)
            #expect(initial.data.isEmpty, "an idle untracked session holds nothing back")
            try writer.execute("BEGIN")
            try writer.execute("INSERT INTO users (id, name) VALUES ('untracked', 'U')")
            try await Task.sleep(for: .milliseconds(5))
            var offset = initial.cutoffAt
            do {
                offset = try await Self.download(after: offset, client: client).cutoffAt
                Issue.record("a download passed a session whose transaction start is invisible")
            } catch let error as CarburetorError {
                #expect(error == .untrackedSession(pid: pid))
                #expect(error.description.contains("track_activities"))
            }
            try writer.execute("COMMIT")
            let after = try await Self.download(after: offset, client: client)
            #expect(after.data.map(\.id) == ["untracked"])
        }
    }

    @Test func noPageSizeMeansTheDefaultBound() async throws {
        try await SampleDatabase.with { _, client in
            let count = TableDownload.defaultPageSize + 1
            try await SampleDatabase.execute(
                "INSERT INTO users (id, name) SELECT 'u' || lpad(g::text, 5, '0'), 'n' FROM generate_series(1, \(count)) g",
                client: client)
            let first = try await Self.download(after: nil, client: client)
            #expect(first.data.count == TableDownload.defaultPageSize)
            #expect(first.hasMore)
            let rest = try await TableDownload.run(User.self, on: client, offset: first.cutoffAt, offsetID: first.offsetID)
            #expect(rest.data.count == 1 && !rest.hasMore)
        }
    }

    /// On a standby the primary's open transactions are invisible, so a cutoff
    /// computed there can pass a row the primary has not committed yet. A
    /// real hot standby (pg_basebackup of the throwaway server) refuses.
    /// Runs only against the tests' own server: a standby cannot be made of
    /// one named by CARBURETOR_TEST_DATABASE_URL.
    @Test(.enabled(if: ThrowawayStandby.isAvailable)) func aStandbyIsRefused() async throws {
        try await SampleDatabase.with { database, client in
            try await SampleDatabase.execute("INSERT INTO users (id, name) VALUES ('primary', 'P')", client: client)
            let onPrimary = try await Self.download(after: nil, client: client)
            #expect(onPrimary.data.map(\.id) == ["primary"])
            let standby = try ThrowawayStandby.start()
            defer { standby.stop() }
            let replica = standby.database(database.database)
            let inRecovery = try replica.connect().query("SELECT pg_is_in_recovery()").scalar
            #expect(inRecovery == "t", "the standby is in recovery")
            _ = try await SampleDatabase.withClient(SampleDatabase.configuration(replica)) { standbyClient in
                await #expect(throws: CarburetorError.inRecovery) {
                    _ = try await Self.download(after: nil, client: standbyClient)
                }
            }
        }
    }
}
