import CarburetorSchema
import CarburetorWire

/// The upload request and response examples of one group, built from the
/// schema with the wire module's own clock type, so they carry exactly the
/// keys and clock format a real upload does.
struct UploadExamples {
    var group: SyncGroup
    var entries: [ResolvedEntry]

    /// The device that made the example edits.
    static let node = "phone-a"
    /// The clock of the example creations: the example rows' stamp, as a device clock.
    static let createdAt: Int64 = 1_768_469_398_123_456
    /// The server's clock in the example response.
    static let serverAt: Int64 = 1_768_469_400_000_000

    static func clock(_ microseconds: Int64, counter: Int = 0, node: String = node) -> ExampleJSON {
        .string(HLCTimestamp(microseconds: microseconds, counter: counter, node: node).description)
    }

    private var downloads: DownloadExamples { DownloadExamples(group: group, entries: entries) }

    /// Per table, one row created with every column it may set (a restricted
    /// table's restrict column left out: the server fills it in).
    var request: ExampleJSON {
        .object(entries.map { entry in
            (WireFormat.responseKey(entry.table), .array([createdRow(entry)]))
        })
    }

    /// The answers: every created row accepted, with the server's clock.
    var response: ExampleJSON {
        var members: [(key: String, value: ExampleJSON)] = entries.map { entry in
            (WireFormat.responseKey(entry.table), .array([accepted(entry)]))
        }
        members.append((UploadWire.serverClockKey, Self.clock(Self.serverAt, node: HLCTimestamp.serverNode)))
        return .object(members)
    }

    /// A rejected answer, for the first table.
    var rejection: ExampleJSON? {
        guard let entry = entries.first else { return nil }
        return .object([
            ("id", .string(rowID(entry))), ("status", .string("rejected")),
            ("code", .string(UploadRejectionCode.notFound.rawValue)),
            ("message", .string("no row with id \"\(rowID(entry))\" is visible to this upload")),
        ])
    }

    func setColumns(_ entry: ResolvedEntry) -> [Column] {
        entry.table.uploadableColumns.filter { $0.name != entry.restriction?.columnName }
    }

    private func createdRow(_ entry: ResolvedEntry) -> ExampleJSON {
        let row = downloads.row(for: entry)
        guard case .object(let values) = row else { return row }
        let columns = setColumns(entry)
        let set = columns.map { column in
            (key: column.name, value: values.first { $0.key == column.name }?.value ?? .null)
        }
        let clocks = columns.enumerated().map { index, column in
            (key: column.name, value: Self.clock(Self.createdAt, counter: index))
        }
        return .object([("id", .string(rowID(entry))), ("set", .object(set)), ("clocks", .object(clocks))])
    }

    private func accepted(_ entry: ResolvedEntry) -> ExampleJSON {
        let clocks = setColumns(entry).enumerated().map { index, column in
            (key: column.name, value: Self.clock(Self.createdAt, counter: index))
        }
        return .object([
            ("id", .string(rowID(entry))), ("status", .string("accepted")),
            ("last_synced_at", .string(ExampleValues.cutoff)), ("clocks", .object(clocks)),
        ])
    }

    private func rowID(_ entry: ResolvedEntry) -> String {
        guard case .object(let values) = downloads.row(for: entry),
              case .string(let id)? = values.first(where: { $0.key == entry.table.idColumn.name })?.value
        else { return "" }
        return id
    }
}

/// The upload's JSON keys that are not column names.
enum UploadWire {
    static let serverClockKey = "server_clock"
}
