import CarburetorWire
import Foundation
import GRDB

/// An upload built from the dirty rows: the request body, and the clock of
/// every column it sends, to tell on the answer which columns are still the
/// uploaded edit.
public struct PendingUpload: Sendable, Hashable {
    /// One uploaded row: its id and the clocks it sent.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var clocks: ColumnClocks
    }

    public var group: String
    /// Per table name, the rows in request order.
    public var tables: [String: [Entry]]
    /// The JSON body: `{"<table>": [{"id", "set", "clocks"}…]}`.
    public var body: Data

    public var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }
    public var isEmpty: Bool { rowCount == 0 }
}

/// A row the server refused; it is kept locally, still dirty.
public struct UploadRejection: Sendable, Hashable, CustomStringConvertible {
    public var table: String
    public var id: String
    public var code: UploadRejectionCode?
    public var message: String

    public var description: String {
        "\(table) row \"\(id)\" was refused (\(code?.rawValue ?? "unknown")): \(message)"
    }
}

/// What applying an upload answer did.
public struct UploadOutcome: Sendable, Hashable {
    public var accepted = 0
    public var rejected: [UploadRejection] = []
    /// Columns that the server kept because its value was newer; the server's value is now local.
    public var lostColumns = 0
}

extension SyncStore {
    /// Builds the upload of `group` from the dirty rows of its tables: per row
    /// the dirty columns' values (`set`) and clocks. Tables without dirty rows are left out.
    public func makeUpload(_ db: Database, group: SyncGroupDescriptor) throws -> PendingUpload {
        var body: [String: WireValue] = [:]
        var tables: [String: [PendingUpload.Entry]] = [:]
        for table in group.tables {
            let names = [table.idColumn, LocalSchemaNames.clocksColumn, LocalSchemaNames.dirtyColumn] + table.columns.map(\.name)
            let existing = Set(try db.columns(in: table.name).map(\.name))
            let selected = names.map { existing.contains($0) ? LocalSchema.quoted($0) : "NULL" }
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(selected.joined(separator: ", ")) FROM \(LocalSchema.quoted(table.name))
                WHERE \(LocalSchema.quoted(LocalSchemaNames.dirtyColumn)) <> '[]' ORDER BY \(LocalSchema.quoted(table.idColumn))
                """)
            var uploads: [WireValue] = []
            var entries: [PendingUpload.Entry] = []
            while let row = try rows.next() {
                let id: String = row[0]
                let state = try RowSyncState(clocksJSON: row[1], dirtyJSON: row[2])
                var set: [String: WireValue] = [:]
                var clocks: ColumnClocks = [:]
                for (offset, column) in table.columns.enumerated() where state.dirty.contains(column.name) {
                    guard let clock = state.clocks[column.name] else { continue }
                    do {
                        set[column.name] = try column.type.wireValue(row[offset + 3])
                    } catch let problem as ConversionProblem {
                        throw WireValueError(table: table.name, column: column.name, rowID: id, problem: problem.message)
                    }
                    clocks[column.name] = clock
                }
                // A dirty column that a newer config dropped is not uploaded.
                guard !set.isEmpty else { continue }
                uploads.append(.object([
                    "id": .string(id),
                    "set": .object(set),
                    "clocks": .object(clocks.mapValues { .string($0.description) }),
                ]))
                entries.append(.init(id: id, clocks: clocks))
            }
            if !uploads.isEmpty {
                body[table.name] = .array(uploads)
                tables[table.name] = entries
            }
        }
        return PendingUpload(group: group.name, tables: tables, body: WireJSONText.data(WireValue.object(body)))
    }

    /// Applies the server's answer to `upload`, in one transaction with
    /// whatever else the caller does in `db`:
    ///
    /// - accepted: each uploaded column whose local clock still equals the
    ///   uploaded clock is clean (an edit made while the upload was in flight
    ///   has a later clock and stays dirty), and takes the clock the server
    ///   stored (a clamped clock); `lost` values are applied by clock; the row's
    ///   sync stamp is the answer's;
    /// - rejected: the row stays as it is, dirty, and is reported.
    ///
    /// The device clock observes the server clock and every stamp.
    public func applyUploadResponse(_ db: Database, upload: PendingUpload, response: Data) throws -> UploadOutcome {
        let answer = try WireJSON.answerObject(response, of: "upload")
        var clock = try PersistedClock.load(db, node: node)
        if let text = answer["server_clock"]?.stringValue, let serverClock = HLCTimestamp(text) {
            clock.observe(serverClock)
        }
        var outcome = UploadOutcome()
        for (tableName, entries) in upload.tables.sorted(by: { $0.key < $1.key }) {
            guard let table = tables.first(where: { $0.name == tableName }) else { throw SyncStoreError.unknownTable(tableName) }
            guard case .array(let results)? = answer[tableName], results.count == entries.count else {
                throw SyncStoreError.malformedResponse("\(tableName): expected \(entries.count) answers, one per uploaded row")
            }
            for (entry, result) in zip(entries, results) {
                let fields = result.objectValue ?? [:]
                guard fields["id"]?.stringValue == entry.id else {
                    throw SyncStoreError.malformedResponse("\(tableName): answers are not in request order (expected \"\(entry.id)\")")
                }
                if fields["status"]?.stringValue == "accepted" {
                    outcome.accepted += 1
                    outcome.lostColumns += try applyAccepted(db, table: table, entry: entry, fields: fields, clock: &clock)
                } else {
                    outcome.rejected.append(UploadRejection(
                        table: tableName, id: entry.id,
                        code: fields["code"]?.stringValue.flatMap(UploadRejectionCode.init(rawValue:)),
                        message: fields["message"]?.stringValue ?? "no message"))
                }
            }
        }
        try PersistedClock.save(db, clock)
        return outcome
    }

    private func applyAccepted(_ db: Database, table: SyncedTable, entry: PendingUpload.Entry, fields: [String: WireValue],
                               clock: inout HybridLogicalClock) throws -> Int {
        guard var state = try RowSyncState.fetch(db, table: table, id: entry.id) else { return 0 }
        let before = state
        var assignments: [String] = []
        var arguments: [DatabaseValue] = []
        if let stamp = fields["last_synced_at"]?.stringValue {
            if let date = RFC3339.date(from: stamp) { clock.observe(stamp: date) }
            assignments.append(LocalSchema.quoted(table.syncStampColumn))
            arguments.append(stamp.databaseValue)
        }
        let serverClocks = fields["clocks"]?.objectValue ?? [:]
        for (column, uploaded) in entry.clocks where state.clocks[column] == uploaded {
            state.dirty.remove(column)
            if let text = serverClocks[column]?.stringValue, let stored = HLCTimestamp(text) {
                state.clocks[column] = stored
                clock.observe(stored)
            }
        }
        var lostColumns = 0
        if let lost = fields["lost"]?.objectValue, let set = lost["set"]?.objectValue {
            let lostClocks = lost["clocks"]?.objectValue ?? [:]
            for (name, value) in set.sorted(by: { $0.key < $1.key }) {
                guard let column = table.column(named: name),
                      let text = lostClocks[name]?.stringValue, let lostClock = HLCTimestamp(text) else { continue }
                clock.observe(lostClock)
                // An edit made while the upload was in flight, later than the server's, stays.
                let local = before.clocks[name]
                if local != entry.clocks[name], !LastWriterWins.incomingWins(lostClock, over: local) { continue }
                let converted: DatabaseValue
                do { converted = try column.type.databaseValue(value) } catch let problem as ConversionProblem {
                    throw WireValueError(table: table.name, column: name, rowID: entry.id, problem: problem.message)
                }
                assignments.append(LocalSchema.quoted(name))
                arguments.append(converted)
                state.clocks[name] = lostClock
                state.dirty.remove(name)
                lostColumns += 1
            }
        }
        assignments += [LocalSchema.quoted(LocalSchemaNames.clocksColumn), LocalSchema.quoted(LocalSchemaNames.dirtyColumn)]
        arguments += [state.clocksJSON.databaseValue, state.dirtyJSON.databaseValue, entry.id.databaseValue]
        try db.execute(
            sql: "UPDATE \(LocalSchema.quoted(table.name)) SET \(assignments.map { "\($0) = ?" }.joined(separator: ", ")) WHERE \(LocalSchema.quoted(table.idColumn)) = ?",
            arguments: StatementArguments(arguments))
        return lostColumns
    }
}
