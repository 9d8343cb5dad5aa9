import Foundation
import GRDB

/// How a synced column is stored in SQLite and written on the wire.
///
/// The local value is always the wire value in its SQLite storage class, so a
/// download lands and an upload leaves without loss: timestamps, dates, times,
/// UUIDs and decimals are the wire's exact strings (RFC 3339 with microseconds
/// for timestamps), booleans are 0/1, binary data is a BLOB (base64 on the
/// wire) and JSON columns hold their JSON text.
public enum LocalColumnType: String, Sendable, Hashable, CaseIterable {
    /// TEXT; a JSON string on the wire.
    case text
    /// INTEGER; a JSON integer on the wire.
    case integer
    /// REAL; a JSON number on the wire.
    case real
    /// INTEGER 0 or 1; a JSON boolean on the wire.
    case boolean
    /// BLOB; a base64 string on the wire.
    case blob
    /// TEXT holding JSON; any JSON value on the wire.
    case json

    /// The column's SQLite type affinity.
    public var sqliteType: String {
        switch self {
        case .text, .json: "TEXT"
        case .integer, .boolean: "INTEGER"
        case .real: "REAL"
        case .blob: "BLOB"
        }
    }
}

/// A column of a synced table that the device may edit: every column but the
/// id and the sync stamp. Each has its own clock and dirty state.
public struct SyncedColumn: Sendable, Hashable {
    public var name: String
    public var type: LocalColumnType
    public var isNullable: Bool
    /// The value rows that already exist locally take when a newer config adds
    /// the column (the column's default in the config), or `nil` for NULL.
    public var defaultValue: DatabaseValue?
    /// `#[immutable]`: set when the row is created, never changed once the
    /// server has the row (the server refuses it with `immutable_changed`).
    public var isImmutable: Bool

    public init(_ name: String, _ type: LocalColumnType, nullable: Bool = false, default defaultValue: DatabaseValue? = nil,
                immutable: Bool = false) {
        self.name = name
        self.type = type
        self.isNullable = nullable
        self.defaultValue = defaultValue
        self.isImmutable = immutable
    }
}

/// What the sync engine needs to know of one synced table; generated code
/// declares one per config table.
public struct SyncedTable: Sendable, Hashable {
    /// The table's name, locally and on the server (the config's plural); the
    /// key of the table in upload and download bodies.
    public var name: String
    /// The singular name: the download request's `<singular>_offset` key.
    public var singularName: String
    public var idColumn: String
    /// The server-written sync stamp (`#[last_synced_at]`); NULL on a row
    /// created on this device that has not been uploaded yet.
    public var syncStampColumn: String
    /// The soft-delete flag; also in `columns`, as a boolean.
    public var softDeleteColumn: String
    /// Every column but the id and the sync stamp, soft-delete flag included.
    public var columns: [SyncedColumn]

    public init(name: String, singularName: String, idColumn: String = "id", syncStampColumn: String = "last_synced_at",
                softDeleteColumn: String = "is_deleted", columns: [SyncedColumn]) {
        self.name = name
        self.singularName = singularName
        self.idColumn = idColumn
        self.syncStampColumn = syncStampColumn
        self.softDeleteColumn = softDeleteColumn
        var columns = columns
        if !columns.contains(where: { $0.name == softDeleteColumn }) {
            columns.append(SyncedColumn(softDeleteColumn, .boolean, default: false.databaseValue))
        }
        self.columns = columns
    }

    /// The column named `name`, if the device may edit it.
    public func column(named name: String) -> SyncedColumn? {
        columns.first { $0.name == name }
    }
}

/// A sync group as the device sees it: its name (the route's) and the tables it downloads and uploads.
public struct SyncGroupDescriptor: Sendable, Hashable {
    public var name: String
    public var tables: [SyncedTable]

    public init(name: String, tables: [SyncedTable]) {
        self.name = name
        self.tables = tables
    }
}

/// The names of the device-only columns and tables. `$` keeps them apart from
/// every name a config can declare, as `carburetor$clocks` does on the server.
public enum LocalSchemaNames {
    /// Per row: a JSON object mapping each column to the clock of its latest write.
    public static let clocksColumn = "carburetor$clocks"
    /// Per row: a JSON array of the columns edited on this device and not yet
    /// accepted by the server (sorted). `[]` when the row is clean.
    public static let dirtyColumn = "carburetor$dirty"
    /// One row per (group, table): the download offset.
    public static let offsetsTable = "carburetor$offsets"
    /// One row: the device's hybrid logical clock.
    public static let clockTable = "carburetor$clock"
}
