import CarburetorCore

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

    /// Every group listing `table`, with its entry, in group order.
    func usages(of table: Table) -> [(group: SyncGroup, entry: GroupEntry)] {
        groups.compactMap { group in
            group.entries.first { $0.tableName == table.name }.map { (group, $0) }
        }
    }
}
