// The resolved, validated schema: the only thing backends see. No syntax is
// left here; source ranges remain only so later stages (the migration
// planner's lints) can point at the config line responsible.

/// A whole resolved config.
public struct Schema: Hashable, Sendable {
    /// Display name of the source (a path or `<stdin>`), for generated headers.
    /// The resolver never puts an absolute path here (see `GeneratedSourceName`).
    public var sourceName: String
    /// Tables in declaration order.
    public var tables: [Table] {
        // Any change drops the index; the next lookup builds it again. A
        // loop that changes every table (the migration planner puts source
        // ranges back column by column) then costs one build, not one per
        // change, which made planning quadratic in the table count.
        didSet { tableIndex.invalidate() }
    }
    /// Sync groups in declaration order.
    public var groups: [SyncGroup]
    /// Position of each table in `tables` by declared name, so backends that
    /// look up the table of every group entry stay linear in schema size.
    private var tableIndex: LazyTableNameIndex

    public init(sourceName: String, tables: [Table], groups: [SyncGroup]) {
        self.sourceName = sourceName
        self.tables = tables
        self.groups = groups
        self.tableIndex = LazyTableNameIndex()
    }

    /// For the resolver, which has indexed the tables by name already.
    package init(sourceName: String, tables: [Table], groups: [SyncGroup], tableIndex: TableNameIndex) {
        self.sourceName = sourceName
        self.tables = tables
        self.groups = groups
        self.tableIndex = LazyTableNameIndex(built: tableIndex)
    }

    /// The table declared with this (singular) name (the first, if a broken
    /// config declares it twice).
    public func table(named name: String) -> Table? {
        tableIndex.index(of: tables).position(of: name).map { tables[$0] }
    }
}

/// The scalar types of the language; `Nullable` is `Column.isNullable`.
/// Aliases (`Boolean`, `Binary`) and deprecated spellings (`Serial`,
/// `BigSerial`) resolve to one of these.
public enum ScalarType: String, Hashable, Sendable, CaseIterable, Codable {
    case text = "Text"
    case smallInt = "SmallInt"
    case integer = "Integer"
    case bigInt = "BigInt"
    case float = "Float"
    case double = "Double"
    case numeric = "Numeric"
    case bool = "Bool"
    case timestamptz = "Timestamptz"
    case timestamp = "Timestamp"
    case date = "Date"
    case time = "Time"
    case uuid = "Uuid"
    case jsonb = "Jsonb"
    case json = "Json"
    case bytea = "Bytea"

    /// The `.carb` spelling.
    public var carbName: String { rawValue }

    public var isNumeric: Bool {
        switch self {
        case .smallInt, .integer, .bigInt, .float, .double, .numeric: true
        default: false
        }
    }

    public var isTemporal: Bool {
        switch self {
        case .timestamptz, .timestamp, .date, .time: true
        default: false
        }
    }

    public var isJSON: Bool { self == .jsonb || self == .json }
}

/// A column's type: a scalar, possibly nullable.
public struct ColumnType: Hashable, Sendable {
    public var scalar: ScalarType
    public var isNullable: Bool

    public init(_ scalar: ScalarType, nullable: Bool = false) {
        self.scalar = scalar
        self.isNullable = nullable
    }

    /// `Text` or `Nullable<Text>`.
    public var carbSpelling: String {
        isNullable ? "Nullable<\(scalar.carbName)>" : scalar.carbName
    }
}

/// What a column is for. Backends decide from this which columns are on the
/// server, on the wire, in which models.
public enum ColumnRole: String, Hashable, Sendable, Codable {
    case regular
    /// The sync id: text, primary key, never changes.
    case id
    /// The `last_synced_at` stamp: written by the server only.
    case syncStamp
    /// The soft-delete flag.
    case softDelete
    /// `#[dirty_flag]`: client storage only.
    case dirtyFlag
    /// `#[client_column_sync_metadata]`: client storage only.
    case clientSyncMetadata

    /// Client-only columns never appear in server DDL or on the wire.
    public var isClientOnly: Bool { self == .dirtyFlag || self == .clientSyncMetadata }
}

/// A `#[default(sql = …)]` value.
public enum SQLDefault: Hashable, Sendable {
    /// `Now`: the current time (or date) on the database clock.
    case now
    /// `Null`.
    case null
    /// `EmptyJson`: `{}`.
    case emptyJSON
    /// `Text("…")`: the unescaped string.
    case text(String)
    /// `Number(n)`: the literal as written (`-1`, `2.50`); already checked
    /// against `-?[0-9]+(\.[0-9]+)?`.
    case number(String)
    /// Bare `#[default(sql)]`: the database supplies a default the config
    /// does not know.
    case databaseSupplied
}

public struct Table: Hashable, Sendable {
    /// The declared (singular) name, used by group entries and for Swift type names.
    public var name: String
    /// The PostgreSQL table name and wire name.
    public var plural: String
    /// True when `plural` was not written and is `name + "s"`.
    public var pluralIsDefault: Bool
    public var documentation: String?
    /// Every column in final order: a synthesized id first, declared columns
    /// in order, then synthesized `is_deleted` and `last_synced_at`. Includes
    /// client-only columns; see `serverColumns`.
    public var columns: [Column]
    /// `#[renamed_from(old)]` on the table: its previous singular name.
    public var renamedFrom: String?
    /// Range of the table's name in the source.
    public var range: SourceRange?

    public init(name: String, plural: String, pluralIsDefault: Bool = false,
                documentation: String? = nil, columns: [Column],
                renamedFrom: String? = nil, range: SourceRange? = nil) {
        self.name = name
        self.plural = plural
        self.pluralIsDefault = pluralIsDefault
        self.documentation = documentation
        self.columns = columns
        self.renamedFrom = renamedFrom
        self.range = range
    }

    /// Columns stored in PostgreSQL and sent on the wire, in order.
    public var serverColumns: [Column] { columns.filter { !$0.isClientOnly } }

    /// Columns an upload may set, each with its own clock: every server
    /// column but the id and the sync stamp (`#[immutable]` ones only when
    /// the upload creates the row).
    public var uploadableColumns: [Column] {
        serverColumns.filter { $0.role != .id && $0.role != .syncStamp }
    }

    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }

    private func column(withRole role: ColumnRole) -> Column {
        guard let column = columns.first(where: { $0.role == role }) else {
            preconditionFailure("resolved table \(name) has no \(role) column")
        }
        return column
    }

    /// The sync id column (always present after resolution).
    public var idColumn: Column { column(withRole: .id) }
    /// The `last_synced_at` stamp column (always present after resolution).
    public var syncColumn: Column { column(withRole: .syncStamp) }
    /// The soft-delete flag column (always present after resolution).
    public var softDeleteColumn: Column { column(withRole: .softDelete) }
}

/// `restrict_to = $variable, restrict_to_column = column`.
public struct Restriction: Hashable, Sendable {
    /// The variable name without `$`.
    public var variable: String
    public var columnName: String

    public init(variable: String, columnName: String) {
        self.variable = variable
        self.columnName = columnName
    }
}

public struct GroupEntry: Hashable, Sendable {
    /// The declared (singular) name of the table.
    public var tableName: String
    public var restriction: Restriction?
    public var range: SourceRange?

    public init(tableName: String, restriction: Restriction? = nil, range: SourceRange? = nil) {
        self.tableName = tableName
        self.restriction = restriction
        self.range = range
    }
}

/// A `$variable` a group's download needs: a field of its `SyncContext`.
public struct ContextVariable: Hashable, Sendable {
    /// Without `$`.
    public var name: String
    /// The type of the columns it binds (all the same, checked). Never nullable:
    /// a context value is always supplied.
    public var type: ScalarType

    public init(name: String, type: ScalarType) {
        self.name = name
        self.type = type
    }
}

public struct SyncGroup: Hashable, Sendable {
    public var name: String
    public var documentation: String?
    /// Entries in declaration order.
    public var entries: [GroupEntry]
    /// Distinct `$variables` in order of first use.
    public var contextVariables: [ContextVariable]
    public var range: SourceRange?

    public init(name: String, documentation: String? = nil, entries: [GroupEntry],
                contextVariables: [ContextVariable] = [], range: SourceRange? = nil) {
        self.name = name
        self.documentation = documentation
        self.entries = entries
        self.contextVariables = contextVariables
        self.range = range
    }

    public var isRestricted: Bool { !contextVariables.isEmpty }
}
