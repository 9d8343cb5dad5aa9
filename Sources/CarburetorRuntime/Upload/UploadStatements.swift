import Foundation
import Logging
import PostgresNIO

/// The SQL of an upload. A batch travels as one `jsonb` array bound once:
/// each element `{"i": id, "c<n>": text of the n-th clocked column, "k":
/// {column: clock}}`, read with `jsonb_to_recordset` and each field cast to
/// its column's type, so a batch of any size is one statement per step.
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
        var binds = PostgresBindings()
        binds.append(changes.map(\.id))
        var parameter = 1
        let visible: String
        if let restriction {
            try restriction.bind(&binds)
            parameter += 1
            visible = "coalesce(t.\(quotedIdentifier(restriction.column)) = $\(parameter), false)"
        } else {
            visible = "true"
        }
        var arrays = ["$1::text[]"]
        var fields = ["\"i\""]
        var differences: [String] = []
        for (index, column) in table.columns.enumerated() where column.isImmutable {
            var texts: [String] = []
            var states: [Int16] = []
            for change in changes {
                switch change.values[column.name] {
                case .none: texts.append(""); states.append(0)
                case .some(.none): texts.append(""); states.append(1)
                case .some(.some(let text)): texts.append(text); states.append(2)
                }
            }
            binds.append(texts)
            binds.append(states)
            arrays += ["$\(parameter + 1)::text[]", "$\(parameter + 2)::int2[]"]
            fields += ["\"c\(index)\"", "\"s\(index)\""]
            parameter += 2
            let name = quotedIdentifier(column.name)
            // CASE keeps the cast away from the placeholder text of unset rows.
            differences.append("CASE WHEN CASE u.\"s\(index)\" WHEN 2 THEN t.\(name) IS DISTINCT FROM "
                + "u.\"c\(index)\"::\(column.sqlType) WHEN 1 THEN t.\(name) IS NOT NULL ELSE false END "
                + "THEN \(literal(column.name)) END")
        }
        let differenceList = differences.isEmpty
            ? "'{}'::text[]" : "array_remove(ARRAY[\(differences.joined(separator: ", "))]::text[], NULL)"
        let id = quotedIdentifier(table.idColumn)
        let sql = """
            SELECT t.\(id), \(visible), \(differenceList), t.\(clocks)::text
            FROM unnest(\(arrays.joined(separator: ", "))) AS u(\(fields.joined(separator: ", ")))
            JOIN \(quotedIdentifier(table.name)) AS t ON t.\(id) = u."i"
            ORDER BY t.\(id) FOR UPDATE OF t
            """
        var result: [String: StoredState] = [:]
        let rows = try await session.connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: session.logger)
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
        let assignments = table.columns.enumerated().filter { !$0.element.isImmutable }.map { index, column in
            let name = quotedIdentifier(column.name)
            return "\(name) = CASE WHEN u.\"k\" ? \(literal(column.name)) THEN u.\"c\(index)\"::\(column.sqlType) "
                + "ELSE t.\(name) END"
        } + ["\(clocks) = t.\(clocks) || u.\"k\""]
        let sql = """
            UPDATE \(quotedIdentifier(table.name)) AS t SET \(assignments.joined(separator: ", "))
            FROM \(recordset(table)) WHERE t.\(quotedIdentifier(table.idColumn)) = u."i"
            RETURNING \(writtenColumns(synced))
            """
        var binds = PostgresBindings()
        binds.append(document(changes, table: table))
        return try await writtenRows(
            session.connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: session.logger))
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
            let indexed = table.columns.enumerated().filter { shape.contains($0.element.name) }
            let id = quotedIdentifier(table.idColumn)
            let columns = [id] + indexed.map { quotedIdentifier($0.element.name) } + [clocks]
            let values = ["u.\"i\""] + indexed.map { "u.\"c\($0.offset)\"::\($0.element.sqlType)" } + ["u.\"k\""]
            let sql = """
                INSERT INTO \(quotedIdentifier(table.name)) AS t (\(columns.joined(separator: ", ")))
                SELECT \(values.joined(separator: ", ")) FROM \(recordset(table))
                ON CONFLICT (\(id)) DO NOTHING RETURNING \(writtenColumns(synced))
                """
            var binds = PostgresBindings()
            binds.append(document(shapes[shape] ?? [], table: table))
            let rows = try await writtenRows(
                session.connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: session.logger))
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

    /// `jsonb_to_recordset($1::jsonb) AS u("i" text, "c0" text, …, "k" jsonb)`.
    static func recordset(_ table: UploadTable) -> String {
        let fields = ["\"i\" text"] + table.columns.indices.map { "\"c\($0)\" text" } + ["\"k\" jsonb"]
        return "jsonb_to_recordset($1::jsonb) AS u(\(fields.joined(separator: ", ")))"
    }

    /// Written by hand rather than through `JSONEncoder`: it is on every
    /// upload's path, and every field is a string, `null` or a flat object.
    static func document(_ changes: [PendingChange], table: UploadTable) -> String {
        var out = "["
        for (position, change) in changes.enumerated() {
            if position > 0 { out += "," }
            out += "{\"i\":"
            appendJSONString(change.id, to: &out)
            for (index, column) in table.columns.enumerated() {
                guard let value = change.values[column.name] else { continue }
                out += ",\"c\(index)\":"
                if let value { appendJSONString(value, to: &out) } else { out += "null" }
            }
            out += ",\"k\":{"
            for (offset, entry) in change.clocks.enumerated() {
                if offset > 0 { out += "," }
                appendJSONString(entry.key, to: &out)
                out += ":"
                appendJSONString(entry.value.description, to: &out)
            }
            out += "}}"
        }
        return out + "]"
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\u00XX`.
    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
