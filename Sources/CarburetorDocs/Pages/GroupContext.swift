import CarburetorSchema

/// A group's entries joined with their tables, the way every page reads them.
struct ResolvedEntry {
    var entry: GroupEntry
    var table: Table

    var restriction: Restriction? { entry.restriction }

    /// "every row" or "rows whose `owner_id` equals `$user_id`".
    var rowsDescription: [Inline] {
        guard let restriction else { return [.markdown("every row")] }
        return [.markdown("only rows whose "), .code(restriction.columnName), .markdown(" equals "),
                .code("$" + restriction.variable)]
    }
}

extension Schema {
    /// The group's entries with their tables; entries naming an unknown table
    /// cannot survive the checker, and are skipped rather than trusted.
    func resolvedEntries(of group: SyncGroup) -> [ResolvedEntry] {
        group.entries.compactMap { entry in
            table(named: entry.tableName).map { ResolvedEntry(entry: entry, table: $0) }
        }
    }

}

/// Which groups list each table, computed once per schema: a page per
/// group asks this for every table it lists, and a scan of every group each
/// time would make large configs quadratic.
struct TableUsages {
    private var usagesByTable: [String: [(group: SyncGroup, entry: GroupEntry)]] = [:]

    init(_ schema: Schema) {
        for group in schema.groups {
            var seen = Set<String>()
            for entry in group.entries where seen.insert(entry.tableName).inserted {
                usagesByTable[entry.tableName, default: []].append((group, entry))
            }
        }
    }

    /// Every group listing `table`, with its (first) entry, in group order.
    func of(_ table: Table) -> [(group: SyncGroup, entry: GroupEntry)] {
        usagesByTable[table.name] ?? []
    }
}
