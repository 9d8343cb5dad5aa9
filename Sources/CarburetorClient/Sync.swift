import Foundation
import GRDB

/// What one `sync` did.
public struct SyncReport: Sendable, Hashable {
    public var uploadedRows = 0
    public var acceptedRows = 0
    /// Rows the server refused: kept locally, still dirty, sent again next time.
    public var rejected: [UploadRejection] = []
    public var downloadedRows = 0
    public var downloadPages = 0
    /// Downloaded columns that kept an unsent local edit.
    public var keptLocalEdits = 0
}

extension SyncStore {
    /// Syncs `group`: uploads the dirty rows (if any) and applies the answer,
    /// then downloads page after page until the server has nothing more.
    ///
    /// Each answer is applied in its own transaction; a transport error leaves
    /// the store as the last applied step left it, and calling `sync` again
    /// resumes (an upload sent twice is harmless: equal clocks change nothing).
    /// `maximumPages` bounds the download loop.
    public func sync(_ group: SyncGroupDescriptor, transport: any SyncTransport, maximumPages: Int = 10_000) async throws -> SyncReport {
        var report = SyncReport()
        let upload = try await writer.read { db in try self.makeUpload(db, group: group) }
        if !upload.isEmpty {
            let answer = try await transport.upload(group: group.name, body: upload.body)
            let outcome = try await writer.write { db in try self.applyUploadResponse(db, upload: upload, response: answer) }
            report.uploadedRows = upload.rowCount
            report.acceptedRows = outcome.accepted
            report.rejected = outcome.rejected
        }
        while report.downloadPages < maximumPages {
            let request = try await writer.read { db in try self.makeDownloadRequest(db, group: group) }
            let answer = try await transport.download(group: group.name, body: request)
            let outcome = try await writer.write { db in try self.applyDownloadResponse(db, group: group, response: answer) }
            report.downloadPages += 1
            report.downloadedRows += outcome.rows
            report.keptLocalEdits += outcome.keptLocalEdits
            if !outcome.hasMore { break }
        }
        return report
    }
}
