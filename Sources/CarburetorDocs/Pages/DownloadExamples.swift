import CarburetorCore

/// The request and response examples of one group, built from the schema so
/// they carry exactly the wire keys a real download does.
struct DownloadExamples {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    /// The first download: no offsets yet.
    var initialRequest: ExampleJSON {
        .object(entries.map { (WireFormat.offsetKey($0.table), .null) })
    }

    /// The next download: each offset is the cutoff the previous response gave.
    var incrementalRequest: ExampleJSON {
        .object(entries.map { (WireFormat.offsetKey($0.table), .string(ExampleValues.cutoff)) })
    }

    var response: ExampleJSON {
        .object(entries.map { entry in
            (WireFormat.responseKey(entry.table), .object([
                (WireFormat.cutoffKey, .string(ExampleValues.cutoff)),
                (WireFormat.dataKey, .array([row(for: entry)])),
            ]))
        })
    }

    /// One row of the table as the server sends it: server columns only.
    func row(for entry: ResolvedEntry) -> ExampleJSON {
        .object(entry.table.serverColumns.map { column in
            (WireFormat.columnKey(column),
             ExampleValues.value(for: column, in: entry.table, contextValue: contextValue(for: column, of: entry)))
        })
    }

    private func contextValue(for column: Column, of entry: ResolvedEntry) -> ExampleJSON? {
        guard let restriction = entry.restriction, restriction.columnName == column.name else { return nil }
        let type = group.contextVariables.first { $0.name == restriction.variable }?.type ?? column.type.scalar
        return ExampleValues.contextValue(variable: restriction.variable, type: type)
    }
}
