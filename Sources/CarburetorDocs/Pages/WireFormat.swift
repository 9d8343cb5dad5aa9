import CarburetorSchema

/// The JSON shape of a group download, in one place so the prose and the
/// examples cannot disagree. It matches the generated Swift code and its
/// runtime (`DownloadRequest`, `DownloadResponse`, `TablePage`), which keep
/// carburetor-rs's shape: request members `<table>_offset` named by the
/// declared (singular) table name, response members keyed by the plural with
/// `cutoff_at` and `data`, rows keyed by column name. Pagination adds
/// `<table>_offset_id` to the request and `has_more` / `offset_id` per table
/// to the response.
enum WireFormat {
    /// Request member: the stored `cutoff_at` (RFC 3339) or `null`.
    static func offsetKey(_ table: Table) -> String { table.name + "_offset" }
    /// Request member: the stored `offset_id` (a row id) or `null`.
    static func offsetIDKey(_ table: Table) -> String { table.name + "_offset_id" }
    /// Response member holding the table's page.
    static func responseKey(_ table: Table) -> String { table.plural }
    /// A column's key in a row object: its name as declared.
    static func columnKey(_ column: Column) -> String { column.name }

    static let cutoffKey = "cutoff_at"
    static let dataKey = "data"
    static let hasMoreKey = "has_more"
    static let offsetIDResponseKey = "offset_id"

    /// The group's namespace in the generated Swift code.
    static func swiftNamespace(_ group: SyncGroup) -> String { Naming.upperCamelCase(group.name) + "SyncGroup" }
    static func swiftModel(_ table: Table) -> String { Naming.upperCamelCase(table.name) }
    static func swiftProperty(_ name: String) -> String { Naming.lowerCamelCase(name) }
}
