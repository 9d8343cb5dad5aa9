import Foundation

/// One id's validated upload: the set columns' PostgreSQL text values and
/// clocks, and the positions in the request that named it.
struct PendingChange: Sendable {
    var id: String
    var values: [String: String?]
    var clocks: ColumnClocks
    var indices: [Int]
    /// The columns the device set, which its answer covers (a new row gains
    /// clocks for the columns it leaves out).
    var uploadedColumns: Set<String> = []

    /// Only the columns whose clock is later than the stored one; immutable
    /// columns never change, so they are left out.
    func winning(over stored: ColumnClocks, table: UploadTable) -> PendingChange {
        var result = PendingChange(id: id, values: [:], clocks: [:], indices: indices, uploadedColumns: uploadedColumns)
        for column in table.columns where !column.isImmutable {
            guard let clock = clocks[column.name], let value = values[column.name],
                  LastWriterWins.incomingWins(clock, over: stored[column.name]) else { continue }
            result.values[column.name] = value
            result.clocks[column.name] = clock
        }
        return result
    }

    /// The required columns a new row would lack (the restrict column is
    /// filled from the context), or `nil` when the row can be created.
    func missingRequiredColumns(table: UploadTable, restriction: RowRestriction?) -> [String]? {
        let missing = table.columns.filter { column in
            column.isRequired && column.name != restriction?.column && !values.keys.contains(column.name)
        }.map(\.name)
        return missing.isEmpty ? nil : missing
    }

    /// A new row as it is inserted: a restricted table's row belongs to the
    /// uploader's context, and every column the upload leaves out (its
    /// default) is part of the creation, at the row's latest uploaded clock —
    /// so the result depends on the device's clocks alone, not on when the
    /// upload reached the server.
    func asNewRow(table: UploadTable, restriction: RowRestriction?) -> PendingChange {
        var filled = self
        if let restriction, values[restriction.column] == nil {
            filled.values[restriction.column] = .some(restriction.postgresText)
        }
        if let creation = clocks.values.max() {
            for column in table.columns where filled.clocks[column.name] == nil {
                filled.clocks[column.name] = creation
            }
        }
        return filled
    }
}

/// The validated rows of one table, duplicates of an id merged column by
/// column (the later clock wins), in order of first appearance.
struct UploadBatch {
    let table: UploadTable
    private(set) var changes: [PendingChange] = []
    private var positions: [String: Int] = [:]

    init(table: UploadTable) { self.table = table }

    mutating func add(_ change: PendingChange, index: Int) {
        guard let position = positions[change.id] else {
            positions[change.id] = changes.count
            var first = change
            first.indices = [index]
            changes.append(first)
            return
        }
        var merged = changes[position]
        for (column, clock) in change.clocks
        where LastWriterWins.incomingWins(clock, over: merged.clocks[column]) {
            merged.clocks[column] = clock
            merged.values[column] = change.values[column] ?? nil
        }
        merged.indices.append(index)
        merged.uploadedColumns.formUnion(change.uploadedColumns)
        changes[position] = merged
    }
}

/// Checks an uploaded row on its own, before the database is asked.
enum UploadValidation {
    struct Rejection: Error {
        var code: UploadRejectionCode
        var message: String
    }

    /// The same words whether the id is unknown or another tenant's, so the
    /// answer reveals nothing; `missing` is what a new row would lack.
    static func notFoundMessage(_ id: String, missing: [String]?) -> String {
        let base = "no row with id \"\(id)\" is visible to this upload"
        guard let missing else { return base }
        return base + "; to create it, set every required column (missing: \(missing.joined(separator: ", ")))"
    }

    static func check<Upload: UploadableRow>(
        _ row: Upload, table: UploadTable, restriction: RowRestriction?, serverNow: HLCTimestamp
    ) -> Result<PendingChange, Rejection> {
        func invalid(_ message: String) -> Result<PendingChange, Rejection> {
            .failure(Rejection(code: .invalidRow, message: "row \"\(row.id)\" of \(table.name): \(message)"))
        }
        guard !row.id.isEmpty else { return invalid("the id is empty") }
        let values = row.postgresValues
        // PostgreSQL text cannot hold NUL; caught here, it fails this row
        // alone instead of the batch's whole document.
        guard !row.id.utf8.contains(0) else { return invalid("the id contains a NUL character") }
        for (column, value) in values where value?.utf8.contains(0) == true {
            return invalid("the value of \(column) contains a NUL character, which PostgreSQL text cannot hold")
        }
        let uploadable = Set(table.columns.map(\.name))
        for column in values.keys.sorted() {
            guard uploadable.contains(column) else { return invalid("column \(column) cannot be uploaded") }
            guard row.clocks[column] != nil else {
                return invalid("column \(column) is set without a clock; send the clock of the edit in \"clocks\"")
            }
        }
        var clocks: ColumnClocks = [:]
        for (column, clock) in row.clocks.sorted(by: { $0.key < $1.key }) {
            guard values.keys.contains(column) else {
                return invalid("\"clocks\" has \(column), which the row does not set")
            }
            guard HLCTimestamp.isValidDeviceNode(clock.node) else {
                return invalid("the clock of \(column) has node \"\(clock.node)\"; a device node is 1–64 "
                               + "characters of A–Z, a–z, 0–9, '_', '.', '-'")
            }
            clocks[column] = LastWriterWins.bounded(clock, serverNow: serverNow)
        }
        if let restriction, let uploaded = values[restriction.column], uploaded != restriction.postgresText {
            return .failure(Rejection(
                code: .restrictMismatch,
                message: "row \"\(row.id)\" of \(table.name): \(restriction.column) must be the uploader's own; "
                    + "leave it out and the server fills it in"))
        }
        return .success(PendingChange(id: row.id, values: values, clocks: clocks, indices: [],
                                      uploadedColumns: Set(clocks.keys)))
    }
}
