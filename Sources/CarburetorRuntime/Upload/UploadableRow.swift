import Foundation

/// A column an upload may set: every server column but the id and the sync stamp.
public struct UploadColumn: Sendable, Hashable {
    public var name: String
    /// The PostgreSQL type an uploaded value's text form is cast to.
    public var sqlType: String
    /// NOT NULL without a default: an upload that creates a row must set it.
    public var isRequired: Bool
    /// Set when the row is created and never changed (the id's row keeps it).
    public var isImmutable: Bool

    public init(name: String, sqlType: String, isRequired: Bool, isImmutable: Bool) {
        self.name = name
        self.sqlType = sqlType
        self.isRequired = isRequired
        self.isImmutable = isImmutable
    }
}

/// What an upload needs to know about a synced table; generated per model.
public struct UploadTable: Sendable, Hashable {
    /// The PostgreSQL table name (the config's plural), unquoted.
    public var name: String
    public var idColumn: String
    public var syncColumn: String
    /// The columns that carry a clock, in declaration order.
    public var columns: [UploadColumn]

    public init(name: String, idColumn: String, syncColumn: String, columns: [UploadColumn]) {
        self.name = name
        self.idColumn = idColumn
        self.syncColumn = syncColumn
        self.columns = columns
    }

    /// The server column holding each clocked column's clock (`jsonb`). The
    /// `$` keeps it apart from every name a config can declare.
    public static let clocksColumn = "carburetor$clocks"
}

/// One uploaded row of a table: its id, the columns it sets and the clock of
/// each. Generated per model as `<Model>.Upload`.
public protocol UploadableRow: Codable, Sendable, Hashable {
    associatedtype Row: SyncedRow
    static var uploadTable: UploadTable { get }
    var id: String { get }
    /// The clock of every set column (and of no other).
    var clocks: ColumnClocks { get }
    /// Every set column's value in PostgreSQL's text form; `nil` is NULL.
    var postgresValues: [String: String?] { get }
    /// The changes that set `columns` to their values in `storedRow`, with their clocks.
    init(id: String, storedRow: Row, columns: Set<String>, clocks: ColumnClocks)
}
