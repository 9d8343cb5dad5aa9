import CarburetorCore

/// The JSON shape of a group download, in one place so the prose and the
/// examples cannot disagree. It follows carburetor-rs where that is sound:
/// an offset per table in the request, `cutoff_at` and `data` per table in
/// the response, the column names as keys.
enum WireFormat {
    /// The request member carrying the table's offset (RFC 3339 or `null`).
    static func offsetKey(_ table: Table) -> String { table.plural + "_offset" }
    /// The response member holding the table's rows and cutoff.
    static func responseKey(_ table: Table) -> String { table.plural }
    /// A column's key in a row object: its name as declared.
    static func columnKey(_ column: Column) -> String { column.name }

    static let cutoffKey = "cutoff_at"
    static let dataKey = "data"
    /// Optional request member limiting the rows per table in one response.
    static let pageSizeKey = "page_size"
    /// Response member (per table) present when a page was full: more rows remain.
    static let continuationKey = "continuation"
    /// The request member that resumes a table after a full page.
    static func continuationRequestKey(_ table: Table) -> String { table.plural + "_continuation" }

    /// The name of the group's namespace in the generated Swift code.
    static func swiftNamespace(_ group: SyncGroup) -> String { Naming.upperCamelCase(group.name) }
    static func swiftModel(_ table: Table) -> String { Naming.upperCamelCase(table.name) }
    static func swiftProperty(_ name: String) -> String { Naming.lowerCamelCase(name) }
}
