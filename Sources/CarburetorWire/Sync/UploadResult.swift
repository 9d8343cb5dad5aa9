import Foundation

/// Each uploaded column's clock, keyed by the column's name: `{"name": "1733…-00000-phone-a"}`.
public typealias ColumnClocks = [String: HLCTimestamp]

/// Why the server refused an uploaded row. Stable: clients match on the raw value.
public enum UploadRejectionCode: String, Codable, Sendable, Hashable, CaseIterable {
    /// No row with this id is visible to the uploader, and the upload does not
    /// hold every column a new row needs. Also the answer for another tenant's
    /// row, so an upload never learns anything about rows it may not see.
    case notFound = "not_found"
    /// The upload would change the id's row's `#[immutable]` column.
    case immutableChanged = "immutable_changed"
    /// The row's restrict column is not the uploader's (`restrict_to`).
    case restrictMismatch = "restrict_mismatch"
    /// A set column without a clock, a clock without a value, a column that
    /// cannot be uploaded (the id, the sync stamp) or is unknown, or a clock
    /// whose node is not a valid device node.
    case invalidRow = "invalid_row"
    /// PostgreSQL refused the row's values (a constraint, a value out of range).
    case databaseRefused = "database_refused"
}

/// Whether an uploaded row was applied.
public enum UploadStatus: String, Codable, Sendable, Hashable {
    case accepted
    case rejected
}

/// The server's answer for one uploaded row.
///
/// Accepted: `lastSyncedAt` is the row's stamp after the upload, `clocks` the
/// server's clock of every column the upload set (equal to the uploaded clock
/// where the upload won, unless it was clamped), and `lost` the server's
/// values and clocks of the columns whose upload lost, so the device converges
/// without waiting for a download. Rejected: `code` and `message`; the row is
/// unchanged on the server.
public struct UploadResult<Changes: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var id: String
    public var status: UploadStatus
    public var lastSyncedAt: Date?
    public var clocks: ColumnClocks?
    public var lost: Changes?
    public var code: UploadRejectionCode?
    public var message: String?

    public static func accepted(id: String, lastSyncedAt: Date, clocks: ColumnClocks, lost: Changes?) -> Self {
        Self(id: id, status: .accepted, lastSyncedAt: lastSyncedAt, clocks: clocks, lost: lost, code: nil, message: nil)
    }

    public static func rejected(id: String, code: UploadRejectionCode, message: String) -> Self {
        Self(id: id, status: .rejected, lastSyncedAt: nil, clocks: nil, lost: nil, code: code, message: message)
    }

    public init(id: String, status: UploadStatus, lastSyncedAt: Date?, clocks: ColumnClocks?, lost: Changes?,
                code: UploadRejectionCode?, message: String?) {
        self.id = id
        self.status = status
        self.lastSyncedAt = lastSyncedAt
        self.clocks = clocks
        self.lost = lost
        self.code = code
        self.message = message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: WireKey.self)
        id = try container.decodeWire(forKey: "id")
        status = try container.decode(UploadStatus.self, forKey: "status")
        lastSyncedAt = try container.decodeWire(Date?.self, forKey: "last_synced_at")
        clocks = try container.decodeIfPresent(ColumnClocks.self, forKey: "clocks")
        lost = try container.decodeIfPresent(Changes.self, forKey: "lost")
        code = try container.decodeIfPresent(UploadRejectionCode.self, forKey: "code")
        message = try container.decodeIfPresent(String.self, forKey: "message")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: WireKey.self)
        try container.encodeWire(id, forKey: "id")
        try container.encode(status, forKey: "status")
        try container.encodeWireIfPresent(lastSyncedAt, forKey: "last_synced_at")
        try container.encodeIfPresent(clocks, forKey: "clocks")
        try container.encodeIfPresent(lost, forKey: "lost")
        try container.encodeIfPresent(code, forKey: "code")
        try container.encodeIfPresent(message, forKey: "message")
    }
}
