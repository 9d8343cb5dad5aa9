import CarburetorWire
import Foundation
import GRDB

/// What applying one download page did.
public struct DownloadOutcome: Sendable, Hashable {
    /// Rows written (inserted or merged), tombstones included.
    public var rows = 0
    /// Columns kept because they hold an unsent local edit.
    public var keptLocalEdits = 0
    /// True when a table's page was full: download again for the rest.
    public var hasMore = false

    public init(rows: Int = 0, keptLocalEdits: Int = 0, hasMore: Bool = false) {
        self.rows = rows
        self.keptLocalEdits = keptLocalEdits
        self.hasMore = hasMore
    }
}

/// A table's stored download offset.
public struct DownloadOffset: Sendable, Hashable {
    public var cutoffAt: String?
    public var offsetID: String?
}

extension SyncStore {
    /// The stored offset of `table` in `group`; both `nil` before the first download.
    public func downloadOffset(_ db: Database, group: String, table: String) throws -> DownloadOffset {
        let row = try Row.fetchOne(
            db, sql: "SELECT cutoff_at, offset_id FROM \(LocalSchema.quoted(LocalSchemaNames.offsetsTable)) WHERE group_name = ? AND table_name = ?",
            arguments: [group, table])
        return DownloadOffset(cutoffAt: row?["cutoff_at"], offsetID: row?["offset_id"])
    }

    /// The download request of `group` from the stored offsets:
    /// `{"<singular>_offset": …, "<singular>_offset_id": …}` per table (`null` before the first download).
    public func makeDownloadRequest(_ db: Database, group: SyncGroupDescriptor) throws -> Data {
        var body: [String: WireValue] = [:]
        for table in group.tables {
            let offset = try downloadOffset(db, group: group.name, table: table.name)
            body[table.singularName + "_offset"] = offset.cutoffAt.map(WireValue.string) ?? .null
            body[table.singularName + "_offset_id"] = offset.offsetID.map(WireValue.string) ?? .null
        }
        return try WireJSON.encode(WireValue.object(body))
    }

    /// Applies one download answer of `group`, in the caller's transaction:
    /// each row column by column — a column with an unsent local edit keeps
    /// it (the upload decides it by clock on the server, and the answer brings
    /// the server's value back if the edit lost); every other column takes
    /// the server's value. Tombstones are applied like any other row, and each
    /// table's offset is stored with its rows, so an apply interrupted at any
    /// point leaves rows and offsets as they were.
    public func applyDownloadResponse(_ db: Database, group: SyncGroupDescriptor, response: Data) throws -> DownloadOutcome {
        let answer = try WireJSON.answerObject(response, of: "download")
        var clock = try PersistedClock.load(db, node: node)
        var outcome = DownloadOutcome()
        for table in group.tables {
            guard let page = answer[table.name]?.objectValue else { continue }
            guard case .array(let rows)? = page["data"] else {
                throw SyncStoreError.malformedResponse("\(table.name): the page has no \"data\" array")
            }
            let existing = Set(try db.columns(in: table.name).map(\.name))
            // The page's stored rows read in a few statements, not one per row.
            var known = try RowSyncState.fetchAll(
                db, table: table, ids: rows.compactMap { $0.objectValue?[table.idColumn]?.stringValue })
            for row in rows {
                guard let fields = row.objectValue else {
                    throw SyncStoreError.malformedResponse("\(table.name): a downloaded row is not an object")
                }
                outcome.keptLocalEdits += try mergeDownloadedRow(db, table: table, fields: fields, localColumns: existing,
                                                                 known: &known, clock: &clock)
                outcome.rows += 1
            }
            if case .bool(true)? = page["has_more"] { outcome.hasMore = true }
            try db.execute(
                sql: """
                    INSERT INTO \(LocalSchema.quoted(LocalSchemaNames.offsetsTable)) (group_name, table_name, cutoff_at, offset_id)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT(group_name, table_name) DO UPDATE SET cutoff_at = excluded.cutoff_at, offset_id = excluded.offset_id
                    """,
                arguments: [group.name, table.name, page["cutoff_at"]?.stringValue, page["offset_id"]?.stringValue])
        }
        try PersistedClock.save(db, clock)
        return outcome
    }

    /// `known` holds the stored state of the page's rows that exist and
    /// gains each row written, so a row repeated in a page merges twice.
    private func mergeDownloadedRow(_ db: Database, table: SyncedTable, fields: [String: WireValue], localColumns: Set<String>,
                                    known: inout [String: RowSyncState], clock: inout HybridLogicalClock) throws -> Int {
        guard let id = fields[table.idColumn]?.stringValue else {
            throw SyncStoreError.malformedResponse("\(table.name): a downloaded row has no text \"\(table.idColumn)\"")
        }
        let stamp = fields[table.syncStampColumn]?.stringValue
        // The download carries no column clocks: a downloaded value counts as
        // written at the row's stamp, by the server.
        let serverClock = stamp.flatMap(RFC3339.date(from:)).map(HLCTimestamp.server(at:))
        if let serverClock { clock.observe(serverClock) }
        let stored = known[id]
        var state = stored ?? .clean
        var names: [String] = []
        var values: [DatabaseValue] = []
        var kept = 0
        for column in table.columns where localColumns.contains(column.name) {
            guard let value = fields[column.name] else { continue }
            if state.dirty.contains(column.name) {
                kept += 1
                continue
            }
            do {
                values.append(try column.type.databaseValue(value))
            } catch let problem as ConversionProblem {
                throw WireValueError(table: table.name, column: column.name, rowID: id, problem: problem.message)
            }
            names.append(column.name)
            state.clocks[column.name] = serverClock ?? state.clocks[column.name]
        }
        if let stamp {
            names.append(table.syncStampColumn)
            values.append(stamp.databaseValue)
        }
        names += [LocalSchemaNames.clocksColumn, LocalSchemaNames.dirtyColumn]
        values += [state.clocksJSON.databaseValue, state.dirtyJSON.databaseValue]
        known[id] = state
        if stored == nil {
            names.insert(table.idColumn, at: 0)
            values.insert(id.databaseValue, at: 0)
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            try db.cachedStatement(sql: "INSERT INTO \(LocalSchema.quoted(table.name)) (\(names.map(LocalSchema.quoted).joined(separator: ", "))) VALUES (\(placeholders))")
                .execute(arguments: StatementArguments(values))
        } else {
            values.append(id.databaseValue)
            try db.cachedStatement(
                sql: "UPDATE \(LocalSchema.quoted(table.name)) SET \(names.map { "\(LocalSchema.quoted($0)) = ?" }.joined(separator: ", ")) WHERE \(LocalSchema.quoted(table.idColumn)) = ?")
                .execute(arguments: StatementArguments(values))
        }
        return kept
    }
}
