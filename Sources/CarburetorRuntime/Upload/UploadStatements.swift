import Foundation
import Logging
import PostgresNIO

/// The SQL of an upload. A batch travels as parallel arrays bound once
/// (`UploadBatchArrays`), read with `unnest` and each value cast to its
/// column's type, so a batch of any size is one statement per step.
enum UploadStatements {
    struct StoredState {
        var visible: Bool
        var immutableDifferences: [String]
        var clocks: ColumnClocks
    }

    /// A row as a write left it (or as read back): the stamp and clocks the
    /// answer needs at once, and the model's columns, decoded only when an
    /// uploaded column lost and the device needs the server's value.
    struct WrittenRow {
        var stamp: Date
        var clocks: ColumnClocks
        var columns: PostgresRowReader

        func row<Row: SyncedRow>(_ type: Row.Type) throws -> Row {
            var reader = columns
            return try Row(reading: &reader)
        }
    }

    static let clocks = quotedIdentifier(UploadTable.clocksColumn)

    /// The rows of `changes` that exist, locked in id order (so concurrent
    /// uploads never deadlock on each other's rows): whether the uploader may
    /// see each, which uploaded `#[immutable]` values differ, and the clocks.
    ///
    /// Bound as arrays rather than the batch document: the ids, and per
    /// immutable column its uploaded texts and a state per row (0 not set,
    /// 1 set to NULL, 2 set to the text), so PostgreSQL parses no JSON here.
    static func lockExisting(
        _ changes: [PendingChange], table: UploadTable, restriction: RowRestriction?, session: UploadSession
    ) async throws -> [String: StoredState] {
        let immutable = table.columns.indices.filter { table.columns[$0].isImmutable }
        var batch = UploadBatchArrays(changes, table: table, columns: immutable, withClocks: false)
        let visible: String
        if let restriction {
            visible = "coalesce(t.\(quotedIdentifier(restriction.column)) = \(try batch.bind(restriction)), false)"
        } else {
            visible = "true"
        }
        let differences = immutable.map { index in
            let column = table.columns[index]
            let name = quotedIdentifier(column.name)
            // CASE keeps the cast away from the placeholder text of unset rows.
            return "CASE WHEN CASE u.\"s\(index)\" WHEN 2 THEN t.\(name) IS DISTINCT FROM "
                + "u.\"c\(index)\"::\(column.sqlType) WHEN 1 THEN t.\(name) IS NOT NULL ELSE false END "
                + "THEN \(literal(column.name)) END"
        }
        let differenceList = differences.isEmpty
            ? "'{}'::text[]" : "array_remove(ARRAY[\(differences.joined(separator: ", "))]::text[], NULL)"
        let id = quotedIdentifier(table.idColumn)
        let sql = """
            SELECT t.\(id), \(visible), \(differenceList), t.\(clocks)::text
            FROM \(batch.source) JOIN \(quotedIdentifier(table.name)) AS t ON t.\(id) = u."i"
            ORDER BY t.\(id) FOR UPDATE OF t
            """
        var result: [String: StoredState] = [:]
        let rows = try await session.connection.query(PostgresQuery(unsafeSQL: sql, binds: batch.binds),
                                                      logger: session.logger)
        for try await (rowID, isVisible, immutable, clocksText) in rows.decode((String, Bool, [String], String).self) {
            result[rowID] = StoredState(visible: isVisible, immutableDifferences: immutable,
                                        clocks: try parseClocks(clocksText))
        }
        return result
    }

    /// Writes the winning columns and merges their clocks into the stored
    /// ones; returns the rows as written, so the answers need no second read.
    static func update(
        _ changes: [PendingChange], table: UploadTable, synced: SyncedTable, session: UploadSession
    ) async throws -> [String: WrittenRow] {
        // Only columns some row of the batch wins are named at all.
        let written = table.columns.indices.filter { index in
            !table.columns[index].isImmutable && changes.contains { $0.values[table.columns[index].name] != nil }
        }
        let batch = UploadBatchArrays(changes, table: table, columns: written, withClocks: true)
        let assignments = written.map { index in
            let name = quotedIdentifier(table.columns[index].name)
            return "\(name) = " + UploadBatchArrays.value(index, of: table.columns[index], otherwise: "t.\(name)")
        } + ["\(clocks) = t.\(clocks) || u.\"k\"::jsonb"]
        let sql = """
            UPDATE \(quotedIdentifier(table.name)) AS t SET \(assignments.joined(separator: ", "))
            FROM \(batch.source) WHERE t.\(quotedIdentifier(table.idColumn)) = u."i"
            RETURNING \(writtenColumns(synced))
            """
        return try await writtenRows(
            session.connection.query(PostgresQuery(unsafeSQL: sql, binds: batch.binds), logger: session.logger))
    }

    /// Creates the new rows, one statement per set of set columns (columns an
    /// upload leaves out take their database defaults). Returns the rows
    /// inserted; an id created meanwhile by another upload is not among them.
    static func insert(
        _ changes: [PendingChange], table: UploadTable, synced: SyncedTable, session: UploadSession
    ) async throws -> [String: WrittenRow] {
        var shapes: [[String]: [PendingChange]] = [:]
        var order: [[String]] = []
        for change in changes {
            let shape = table.columns.map(\.name).filter { change.values.keys.contains($0) }
            if shapes[shape] == nil { order.append(shape) }
            shapes[shape, default: []].append(change)
        }
        var inserted: [String: WrittenRow] = [:]
        for shape in order {
            let indexed = table.columns.indices.filter { shape.contains(table.columns[$0].name) }
            let batch = UploadBatchArrays(shapes[shape] ?? [], table: table, columns: indexed, withClocks: true)
            let id = quotedIdentifier(table.idColumn)
            let columns = [id] + indexed.map { quotedIdentifier(table.columns[$0].name) } + [clocks]
            let values = ["u.\"i\""] + indexed.map { UploadBatchArrays.value($0, of: table.columns[$0]) }
                + ["u.\"k\"::jsonb"]
            let sql = """
                INSERT INTO \(quotedIdentifier(table.name)) AS t (\(columns.joined(separator: ", ")))
                SELECT \(values.joined(separator: ", ")) FROM \(batch.source)
                ON CONFLICT (\(id)) DO NOTHING RETURNING \(writtenColumns(synced))
                """
            let rows = try await writtenRows(
                session.connection.query(PostgresQuery(unsafeSQL: sql, binds: batch.binds), logger: session.logger))
            inserted.merge(rows) { _, new in new }
        }
        return inserted
    }

    /// The stored rows of `ids` that no write of this upload returned (every
    /// uploaded column lost, so nothing was written).
    static func readBack(
        ids: [String], synced: SyncedTable, session: UploadSession
    ) async throws -> [String: WrittenRow] {
        guard !ids.isEmpty else { return [:] }
        let sql = "SELECT \(writtenColumns(synced)) FROM \(quotedIdentifier(synced.name)) AS t "
            + "WHERE t.\(quotedIdentifier(synced.idColumn)) = ANY($1)"
        var binds = PostgresBindings()
        binds.append(ids)
        return try await writtenRows(
            session.connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: session.logger))
    }

    /// `t.id, t.stamp, <clocks as text>, t.<every model column>`: what
    /// `writtenRows` reads, the model's columns last and read lazily.
    static func writtenColumns(_ synced: SyncedTable) -> String {
        (["t." + quotedIdentifier(synced.idColumn), "t." + quotedIdentifier(synced.syncColumn), "t.\(clocks)::text"]
            + synced.columns.map { "t." + quotedIdentifier($0) }).joined(separator: ", ")
    }

    static func writtenRows(_ rows: PostgresRowSequence) async throws -> [String: WrittenRow] {
        var result: [String: WrittenRow] = [:]
        for try await postgresRow in rows {
            var reader = PostgresRowReader(postgresRow)
            let rowID = try reader.next(String.self)
            let stamp = try reader.next(ExactTimestamp.self)
            let clocks = try parseClocks(try reader.next(String.self))
            result[rowID] = WrittenRow(stamp: stamp.date, clocks: clocks, columns: reader)
        }
        return result
    }

    /// Runs `body` on the whole batch, under a savepoint when the session
    /// isolates rows; when PostgreSQL refuses the batch (a constraint, a value
    /// out of range), runs it row by row so one bad row never fails the
    /// others. Returns the refused rows.
    static func apply(
        _ changes: [PendingChange], session: UploadSession,
        _ body: ([PendingChange]) async throws -> [String]
    ) async throws -> [(PendingChange, String)] {
        guard !changes.isEmpty else { return [] }
        // The first attempt of an upload takes no savepoints: a refused row
        // aborts it and `GroupUpload` runs it again with them.
        guard session.isolatesRows else {
            _ = try await body(changes)
            return []
        }
        let connection = session.connection
        try await connection.query("SAVEPOINT carburetor_batch", logger: session.logger)
        do {
            _ = try await body(changes)
            try await connection.query("RELEASE SAVEPOINT carburetor_batch", logger: session.logger)
            return []
        } catch let error as PSQLError where isRowError(error) {
            try await connection.query("ROLLBACK TO SAVEPOINT carburetor_batch", logger: session.logger)
        }
        var refused: [(PendingChange, String)] = []
        for change in changes {
            try await connection.query("SAVEPOINT carburetor_row", logger: session.logger)
            do {
                _ = try await body([change])
                try await connection.query("RELEASE SAVEPOINT carburetor_row", logger: session.logger)
            } catch let error as PSQLError where isRowError(error) {
                try await connection.query("ROLLBACK TO SAVEPOINT carburetor_row", logger: session.logger)
                let message = error.serverInfo?[.message] ?? "PostgreSQL refused the row"
                refused.append((change, "row \"\(change.id)\": \(message)"))
            }
        }
        try await connection.query("RELEASE SAVEPOINT carburetor_batch", logger: session.logger)
        return refused
    }

    /// An error about the data (classes 22 data exception, 23 integrity
    /// constraint, and the stamping trigger's CB) rather than the connection
    /// or a conflict between transactions.
    static func isRowError(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("22") || state.hasPrefix("23") || state.hasPrefix("CB")
    }

    /// The stored clocks, from the clocks column's text (`{"name": "…", …}`,
    /// as PostgreSQL prints `jsonb`). Read by hand: it comes back for every
    /// row an upload touches. An entry that does not parse counts as no clock
    /// (older than any).
    static func parseClocks(_ text: String) throws -> ColumnClocks {
        var result: ColumnClocks = [:]
        for (column, value) in try JSONObjectOfStrings.parse(text) {
            if let clock = HLCTimestamp(value) { result[column] = clock }
        }
        return result
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
