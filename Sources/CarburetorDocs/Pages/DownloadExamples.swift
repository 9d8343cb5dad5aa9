import CarburetorSchema

/// The request and response examples of one group, built from the schema so
/// they carry exactly the wire keys a real download does. One row per table,
/// stamped just before the response's cutoff.
struct DownloadExamples {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    /// The first download: no offsets yet.
    var initialRequest: ExampleJSON {
        request { _ in (.null, .null) }
    }

    /// The next download: each offset is the cutoff the previous response gave.
    var incrementalRequest: ExampleJSON {
        request { _ in (.string(ExampleValues.cutoff), .null) }
    }

    /// A complete response: no table had more rows than the page size.
    var response: ExampleJSON {
        responseObject { _ in false }
    }

    /// A response whose first table filled its page: more rows wait.
    var pagedResponse: ExampleJSON {
        responseObject { $0 == 0 }
    }

    /// The request that follows `pagedResponse`.
    var requestAfterPage: ExampleJSON {
        request { index in
            index == 0
                ? (.string(ExampleValues.rowStamp), .string(rowID(of: entries[0])))
                : (.string(ExampleValues.cutoff), .null)
        }
    }

    private func request(_ offsets: (Int) -> (offset: ExampleJSON, offsetID: ExampleJSON)) -> ExampleJSON {
        .object(entries.enumerated().flatMap { index, entry in
            let (offset, offsetID) = offsets(index)
            return [(WireFormat.offsetKey(entry.table), offset), (WireFormat.offsetIDKey(entry.table), offsetID)]
        })
    }

    private func responseObject(pageIsFull: (Int) -> Bool) -> ExampleJSON {
        .object(entries.enumerated().map { index, entry in
            let full = pageIsFull(index)
            return (WireFormat.responseKey(entry.table), .object([
                // A full page ends at its last row: its stamp and id are the next offset.
                (WireFormat.cutoffKey, .string(full ? ExampleValues.rowStamp : ExampleValues.cutoff)),
                (WireFormat.dataKey, .array([row(for: entry)])),
                (WireFormat.hasMoreKey, .bool(full)),
                (WireFormat.offsetIDResponseKey, full ? .string(rowID(of: entry)) : .null),
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

    private func rowID(of entry: ResolvedEntry) -> String {
        guard case .string(let id) = ExampleValues.value(for: entry.table.idColumn, in: entry.table,
                                                         contextValue: contextValue(for: entry.table.idColumn, of: entry))
        else { return "" }
        return id
    }

    private func contextValue(for column: Column, of entry: ResolvedEntry) -> ExampleJSON? {
        guard let restriction = entry.restriction, restriction.columnName == column.name else { return nil }
        let type = group.contextVariables.first { $0.name == restriction.variable }?.type ?? column.type.scalar
        return ExampleValues.contextValue(variable: restriction.variable, type: type)
    }
}
