import CarburetorWire
import PostgresNIO

/// A batch of uploaded rows bound as parallel arrays and read with
/// `unnest(…) AS u(…)`: the ids (`u."i"`), for each column it carries the
/// texts (`u."c<n>"`) and a state per row (`u."s<n>"`: 0 not set, 1 set to
/// NULL, 2 set to the text), and each row's clocks as JSON text (`u."k"`).
///
/// Arrays travel in PostgreSQL's binary format, so the server parses no JSON
/// document for them: a 1,000-row batch as one `jsonb` document cost about
/// 10 ms of parsing per statement that read it.
struct UploadBatchArrays {
    private(set) var binds = PostgresBindings()
    private var parameters = 0
    private var arrays: [String] = []
    private var fields: [String] = []

    /// `changes` with their ids, the columns at `columnIndices` of `table`,
    /// and their clocks when `withClocks`.
    init(_ changes: [PendingChange], table: UploadTable, columns columnIndices: [Int], withClocks: Bool) {
        append(changes.map(\.id), type: "text[]", field: "i")
        for index in columnIndices {
            let name = table.columns[index].name
            var texts: [String] = []
            var states: [Int16] = []
            texts.reserveCapacity(changes.count)
            states.reserveCapacity(changes.count)
            for change in changes {
                switch change.values[name] {
                case .none: texts.append(""); states.append(0)
                case .some(.none): texts.append(""); states.append(1)
                case .some(.some(let text)): texts.append(text); states.append(2)
                }
            }
            append(texts, type: "text[]", field: "c\(index)")
            append(states, type: "int2[]", field: "s\(index)")
        }
        if withClocks {
            append(changes.map { Self.clocksJSON($0.clocks) }, type: "text[]", field: "k")
        }
    }

    private mutating func append(_ values: [String], type: String, field: String) {
        binds.append(values)
        parameters += 1
        arrays.append("$\(parameters)::\(type)")
        fields.append("\"\(field)\"")
    }

    private mutating func append(_ values: [Int16], type: String, field: String) {
        binds.append(values)
        parameters += 1
        arrays.append("$\(parameters)::\(type)")
        fields.append("\"\(field)\"")
    }

    /// Binds one more value (the restrict value) and returns its placeholder.
    mutating func bind(_ restriction: RowRestriction) throws -> String {
        try restriction.bind(&binds)
        parameters += 1
        return "$\(parameters)"
    }

    /// `unnest($1::text[], …) AS u("i", …)`.
    var source: String {
        "unnest(\(arrays.joined(separator: ", "))) AS u(\(fields.joined(separator: ", ")))"
    }

    /// The uploaded value of column `index` cast to its type, NULL when the
    /// row sets it to NULL; `otherwise` when the row does not set it. The
    /// CASE keeps the cast away from the placeholder text of other rows.
    static func value(_ index: Int, of column: UploadColumn, otherwise: String = "NULL") -> String {
        "CASE u.\"s\(index)\" WHEN 2 THEN u.\"c\(index)\"::\(column.sqlType) WHEN 1 THEN NULL ELSE \(otherwise) END"
    }

    /// Written by hand: it is on every upload's path and is a flat object of strings.
    static func clocksJSON(_ clocks: ColumnClocks) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (offset, entry) in clocks.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            JSONTree.appendQuoted(entry.key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONTree.appendQuoted(entry.value.description, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
