import CarburetorWire
import Foundation
import GRDB

/// A device's local store of synced tables in one SQLite database.
///
/// Local writes go through the store so that each edited column gets a clock
/// from the device's persisted hybrid logical clock and is marked dirty in the
/// same transaction as the edit. Reads are plain GRDB: fetch records, use
/// `ValueObservation` (a sync that lands is a write like any other, so
/// observations see it).
public final class SyncStore: Sendable {
    public let writer: any DatabaseWriter
    /// This device's clock node (`HLCTimestamp.isValidDeviceNode`).
    public let node: String
    public let tables: [SyncedTable]
    /// The wall clock the device's hybrid logical clock reads (tests fix it).
    public let wallClock: @Sendable () -> Date

    /// Opens a store on `writer` (a `DatabaseQueue` or `DatabasePool`) and
    /// migrates it to `tables`: `LocalSchema.migrator(for:)`, or `migrator`
    /// when the app registers more migrations (call
    /// `LocalSchema.registerMigrations` on it first).
    public init(writer: any DatabaseWriter, node: String, tables: [SyncedTable], migrator: DatabaseMigrator? = nil,
                wallClock: @escaping @Sendable () -> Date = { Date() }) throws {
        guard HLCTimestamp.isValidDeviceNode(node) else { throw SyncStoreError.invalidNode(node) }
        self.writer = writer
        self.wallClock = wallClock
        self.node = node
        self.tables = tables
        try (migrator ?? LocalSchema.migrator(for: tables)).migrate(writer)
    }

    /// Opens (or creates) the SQLite file at `path`.
    public convenience init(path: String, node: String, tables: [SyncedTable]) throws {
        try self.init(writer: try DatabaseQueue(path: path), node: node, tables: tables)
    }

    // MARK: Local writes

    /// Inserts a row created on this device. `values` holds the id and the
    /// columns the app sets (SQLite values, as a record's `databaseDictionary`
    /// gives them); those and the soft-delete flag are dirty with one new clock.
    /// Columns left out take their default and are left to the server's.
    @discardableResult
    public func insert(_ db: Database, into table: SyncedTable, values: [String: DatabaseValue]) throws -> HLCTimestamp {
        guard let id = String.fromDatabaseValue(values[table.idColumn] ?? .null) else {
            throw SyncStoreError.missingID(table: table.name)
        }
        if try RowSyncState.fetch(db, table: table, id: id) != nil {
            throw SyncStoreError.rowExists(table: table.name, id: id)
        }
        var clock = try PersistedClock.load(db, node: node)
        let reading = clock.now(wallClock: wallClock())
        try PersistedClock.save(db, clock)
        var state = RowSyncState.clean
        var names = [table.idColumn]
        var arguments: [DatabaseValue] = [id.databaseValue]
        for column in table.columns {
            let given = values[column.name]
            let value: DatabaseValue
            if let given {
                value = given
            } else if column.name == table.softDeleteColumn {
                value = false.databaseValue
            } else {
                value = column.defaultValue ?? .null
            }
            names.append(column.name)
            arguments.append(value)
            if given != nil || column.name == table.softDeleteColumn {
                state.clocks[column.name] = reading
                state.dirty.insert(column.name)
            }
        }
        try rejectUnknownColumns(values.keys, of: table, allowingID: true)
        names += [LocalSchemaNames.clocksColumn, LocalSchemaNames.dirtyColumn]
        arguments += [state.clocksJSON.databaseValue, state.dirtyJSON.databaseValue]
        let columnList = names.map(LocalSchema.quoted).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(LocalSchema.quoted(table.name)) (\(columnList)) VALUES (\(placeholders))",
                       arguments: StatementArguments(arguments))
        return reading
    }

    /// Sets columns of row `id`: each is written, gets the edit's clock and is
    /// dirty. Setting a column to the value it has is still an edit (its clock
    /// wins over older edits elsewhere); use `update(_:_:in:)` with a record to
    /// edit only the columns that changed.
    @discardableResult
    public func update(_ db: Database, in table: SyncedTable, id: String, set values: [String: DatabaseValue]) throws -> HLCTimestamp? {
        try rejectUnknownColumns(values.keys, of: table, allowingID: false)
        guard var state = try RowSyncState.fetch(db, table: table, id: id) else {
            throw SyncStoreError.rowNotFound(table: table.name, id: id)
        }
        guard !values.isEmpty else { return nil }
        if let immutable = table.columns.first(where: { $0.isImmutable && values[$0.name] != nil }),
           try Bool.fetchOne(db, sql: "SELECT \(LocalSchema.quoted(table.syncStampColumn)) IS NOT NULL FROM \(LocalSchema.quoted(table.name)) WHERE \(LocalSchema.quoted(table.idColumn)) = ?", arguments: [id]) == true {
            throw SyncStoreError.immutable(table: table.name, column: immutable.name, id: id)
        }
        var clock = try PersistedClock.load(db, node: node)
        let reading = clock.now(wallClock: wallClock())
        try PersistedClock.save(db, clock)
        let columns = values.keys.sorted()
        for column in columns {
            state.clocks[column] = reading
            state.dirty.insert(column)
        }
        var assignments = columns.map { "\(LocalSchema.quoted($0)) = ?" }
        var arguments = columns.map { values[$0]! }
        assignments += ["\(LocalSchema.quoted(LocalSchemaNames.clocksColumn)) = ?", "\(LocalSchema.quoted(LocalSchemaNames.dirtyColumn)) = ?"]
        arguments += [state.clocksJSON.databaseValue, state.dirtyJSON.databaseValue, id.databaseValue]
        try db.execute(
            sql: "UPDATE \(LocalSchema.quoted(table.name)) SET \(assignments.joined(separator: ", ")) WHERE \(LocalSchema.quoted(table.idColumn)) = ?",
            arguments: StatementArguments(arguments))
        return reading
    }

    /// Soft-deletes row `id` (an edit of the soft-delete flag).
    @discardableResult
    public func delete(_ db: Database, in table: SyncedTable, id: String) throws -> HLCTimestamp? {
        try update(db, in: table, id: id, set: [table.softDeleteColumn: true.databaseValue])
    }

    /// Brings back a soft-deleted row: the flag set to false with a later clock than the delete's.
    @discardableResult
    public func undelete(_ db: Database, in table: SyncedTable, id: String) throws -> HLCTimestamp? {
        try update(db, in: table, id: id, set: [table.softDeleteColumn: false.databaseValue])
    }

    /// Inserts a record created on this device (its `databaseDictionary`).
    @discardableResult
    public func insert<Record: EncodableRecord>(_ db: Database, _ record: Record, into table: SyncedTable) throws -> HLCTimestamp {
        try insert(db, into: table, values: try record.databaseDictionary.filter { $0.key != table.syncStampColumn })
    }

    /// Saves a record's edits: the columns whose value differs from the stored
    /// row are written, clocked and dirty; the others are left alone.
    @discardableResult
    public func update<Record: EncodableRecord>(_ db: Database, _ record: Record, in table: SyncedTable) throws -> HLCTimestamp? {
        let values = try record.databaseDictionary
        guard let id = String.fromDatabaseValue(values[table.idColumn] ?? .null) else {
            throw SyncStoreError.missingID(table: table.name)
        }
        let names = table.columns.map(\.name).filter { values[$0] != nil }
        let sql = "SELECT \(names.map(LocalSchema.quoted).joined(separator: ", ")) FROM \(LocalSchema.quoted(table.name)) WHERE \(LocalSchema.quoted(table.idColumn)) = ?"
        guard !names.isEmpty, let stored = try Row.fetchOne(db, sql: sql, arguments: [id]) else {
            throw SyncStoreError.rowNotFound(table: table.name, id: id)
        }
        var changes: [String: DatabaseValue] = [:]
        for (index, name) in names.enumerated() where stored[index] as DatabaseValue != values[name]! {
            changes[name] = values[name]!
        }
        return try update(db, in: table, id: id, set: changes)
    }

    // MARK: Reads

    /// The SQL condition of live (not soft-deleted) rows, for `filter(sql:)` or a `WHERE` clause.
    public static func liveCondition(_ table: SyncedTable) -> String {
        "\(LocalSchema.quoted(table.softDeleteColumn)) = 0"
    }

    /// The live rows of a table, ordered by id.
    public func fetchLiveRows(_ db: Database, of table: SyncedTable) throws -> [Row] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(LocalSchema.quoted(table.name)) WHERE \(Self.liveCondition(table)) ORDER BY \(LocalSchema.quoted(table.idColumn))")
    }

    /// The columns of row `id` edited here and not yet accepted by the server.
    public func dirtyColumns(_ db: Database, of table: SyncedTable, id: String) throws -> Set<String> {
        try RowSyncState.fetch(db, table: table, id: id)?.dirty ?? []
    }

    /// The clock of each column of row `id`.
    public func columnClocks(_ db: Database, of table: SyncedTable, id: String) throws -> ColumnClocks {
        try RowSyncState.fetch(db, table: table, id: id)?.clocks ?? [:]
    }

    /// The number of rows with unsent edits, over every table.
    public func pendingRowCount(_ db: Database) throws -> Int {
        var count = 0
        for table in tables {
            count += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(LocalSchema.quoted(table.name)) WHERE \(LocalSchema.quoted(LocalSchemaNames.dirtyColumn)) <> '[]'") ?? 0
        }
        return count
    }

    private func rejectUnknownColumns(_ names: Dictionary<String, DatabaseValue>.Keys, of table: SyncedTable, allowingID: Bool) throws {
        for name in names where table.column(named: name) == nil && !(allowingID && name == table.idColumn) {
            throw SyncStoreError.notEditable(table: table.name, column: name)
        }
    }
}

/// A local write or sync step that cannot proceed; each says what to do.
public enum SyncStoreError: Error, CustomStringConvertible, Sendable, Hashable {
    case invalidNode(String)
    case missingID(table: String)
    case rowExists(table: String, id: String)
    case rowNotFound(table: String, id: String)
    case notEditable(table: String, column: String)
    case immutable(table: String, column: String, id: String)
    case unknownTable(String)
    case malformedResponse(String)

    public var description: String {
        switch self {
        case .invalidNode(let node):
            "invalid device node \"\(node)\": use 1–64 characters of A–Z a–z 0–9 _ . -"
        case .missingID(let table):
            "\(table): the row has no text id; give every new row a random id (a UUID)"
        case .rowExists(let table, let id):
            "\(table): a row with id \"\(id)\" exists already; update it instead, or use a new id"
        case .rowNotFound(let table, let id):
            "\(table): no local row with id \"\(id)\"; insert it first"
        case .notEditable(let table, let column):
            "\(table).\(column) is not a column the device may edit (the id, the sync stamp and unknown columns are not)"
        case .immutable(let table, let column, let id):
            "\(table).\(column) is #[immutable] and row \"\(id)\" is already on the server; create a new row instead"
        case .unknownTable(let table):
            "\(table) is not a synced table of this store"
        case .malformedResponse(let problem):
            "the server's answer does not follow the sync protocol: \(problem)"
        }
    }
}
