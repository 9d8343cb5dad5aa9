import Foundation

/// One table's part of a group download response:
/// `{"cutoff_at": …, "data": […], "has_more": …, "offset_id": …}`.
///
/// The client stores `cutoffAt` and `offsetID` and sends them back as the
/// table's `<table>_offset` and `<table>_offset_id` next time. When `hasMore`
/// is true the page was full: download again right away to get the rest.
public struct TablePage<Row: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    /// The next offset: the computed cutoff, or the last row's stamp when the page is full.
    public var cutoffAt: Date
    /// Changed rows ordered by (sync stamp, id).
    public var data: [Row]
    /// True when more rows are waiting after this page.
    public var hasMore: Bool
    /// The last row's id when the page is full, else `nil`.
    public var offsetID: String?

    public init(cutoffAt: Date, data: [Row], hasMore: Bool, offsetID: String?) {
        self.cutoffAt = cutoffAt
        self.data = data
        self.hasMore = hasMore
        self.offsetID = offsetID
    }

    enum CodingKeys: String, CodingKey {
        case cutoffAt = "cutoff_at"
        case data
        case hasMore = "has_more"
        case offsetID = "offset_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cutoffAt = try container.decodeWire(forKey: .cutoffAt)
        data = try container.decode([Row].self, forKey: .data)
        hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
        offsetID = try container.decodeWire(String?.self, forKey: .offsetID)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeWire(cutoffAt, forKey: .cutoffAt)
        try container.encode(data, forKey: .data)
        try container.encode(hasMore, forKey: .hasMore)
        try container.encodeWire(offsetID, forKey: .offsetID)
    }
}
