import CLibPQ

/// The rows of one statement, copied out of libpq's result (text format),
/// so the value outlives the `PGresult` and is safe to pass around.
public struct QueryResult: Sendable, Hashable {
    /// Column names in result order.
    public var columns: [String]
    /// Each row's values in column order; SQL NULL is `nil`.
    public var rows: [[String?]]
    /// The command tag, e.g. `INSERT 0 1`, `UPDATE 3`, `SELECT 2`.
    public var commandStatus: String
    /// Rows affected by INSERT/UPDATE/DELETE/SELECT/MOVE/FETCH/COPY; `nil`
    /// for commands that report none (DDL).
    public var affectedRows: Int?

    public init(columns: [String], rows: [[String?]], commandStatus: String, affectedRows: Int?) {
        self.columns = columns
        self.rows = rows
        self.commandStatus = commandStatus
        self.affectedRows = affectedRows
    }

    public var rowCount: Int { rows.count }

    /// Index of the first column with this name.
    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex(of: name)
    }

    /// The value at `row` in the column named `column`; `nil` for SQL NULL.
    /// Traps on an unknown column or row, like an array subscript.
    public func value(_ row: Int, _ column: String) -> String? {
        guard let index = columnIndex(column) else {
            preconditionFailure("result has no column \(column); columns: \(columns)")
        }
        return rows[row][index]
    }

    /// The single value of a one-row, one-column result (`SELECT count(*)…`).
    public var scalar: String? {
        rows.first?.first ?? nil
    }

    /// Each row as a dictionary from column name to value (later duplicate
    /// names win); convenient in tests.
    public var rowDictionaries: [[String: String?]] {
        rows.map { row in
            var dictionary: [String: String?] = [:]
            for (name, value) in zip(columns, row) { dictionary[name] = .some(value) }
            return dictionary
        }
    }

    /// Copies everything out of a libpq result.
    init(copying result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String? in
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 { return nil }
                return String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
        commandStatus = String(cString: PQcmdStatus(result))
        let tuples = String(cString: PQcmdTuples(result))
        affectedRows = Int(tuples)
    }
}
