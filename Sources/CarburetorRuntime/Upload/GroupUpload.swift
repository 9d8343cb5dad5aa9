import Foundation
import Logging
import PostgresNIO

/// The transaction of one group upload: every table's rows are applied in one
/// READ COMMITTED transaction, so an upload interrupted at any point applies
/// nothing and a retry applies everything once (the register makes repeats
/// harmless). Deadlocks and serialization failures between concurrent uploads
/// are retried.
public struct UploadSession: Sendable {
    public let connection: PostgresConnection
    public let logger: Logger
    /// The server's clock when the upload started: uploaded clocks further
    /// ahead of it than `LastWriterWins.maximumClockLead` are clamped.
    public let serverNow: HLCTimestamp
    /// The latest stamp written or read; the answer's `server_clock`.
    public internal(set) var latestStamp: Date
    /// Whether each batch runs under a savepoint so a row PostgreSQL refuses
    /// fails alone. The first attempt takes none (four round trips fewer per
    /// table); a refused row rolls it back and the upload runs again with them.
    var isolatesRows: Bool

    /// What the device observes so its next clock reading is later than every
    /// stamp it has been given.
    public var serverClock: HLCTimestamp {
        max(serverNow, HLCTimestamp.server(at: latestStamp))
    }
}

public enum GroupUpload {
    /// How often a deadlocked or serialization-failed upload is retried.
    static let maximumAttempts = 4

    public static func run<Response: Sendable>(
        on client: PostgresClient,
        logger: Logger? = nil,
        _ body: @Sendable (inout UploadSession) async throws -> Response
    ) async throws -> Response {
        let logger = logger ?? TableDownload.silentLogger
        return try await client.withConnection { connection in
            var attempt = 1
            var isolatesRows = false
            while true {
                do {
                    return try await runOnce(on: connection, logger: logger, isolatesRows: isolatesRows, body)
                } catch let error as PSQLError where !isolatesRows && UploadStatements.isRowError(error) {
                    isolatesRows = true
                } catch let error as PSQLError where attempt < maximumAttempts && isRetryable(error) {
                    attempt += 1
                    try await Task.sleep(nanoseconds: UInt64(attempt * attempt) * 5_000_000)
                }
            }
        }
    }

    static func runOnce<Response: Sendable>(
        on connection: PostgresConnection, logger: Logger, isolatesRows: Bool,
        _ body: @Sendable (inout UploadSession) async throws -> Response
    ) async throws -> Response {
        try await connection.query("BEGIN ISOLATION LEVEL READ COMMITTED", logger: logger)
        do {
            var now = Date()
            for try await stamp in try await connection.query("SELECT clock_timestamp()", logger: logger)
                .decode(ExactTimestamp.self) {
                now = stamp.date
            }
            var session = UploadSession(connection: connection, logger: logger,
                                        serverNow: HLCTimestamp.server(at: now), latestStamp: now,
                                        isolatesRows: isolatesRows)
            let response = try await body(&session)
            try await connection.query("COMMIT", logger: logger)
            return response
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// `40001` serialization failure, `40P01` deadlock detected.
    static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }
}
