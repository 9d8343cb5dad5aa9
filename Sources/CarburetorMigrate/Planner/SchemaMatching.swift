import CarburetorCore

/// Which table and column of the old schema each one of the new schema is.
///
/// A table is the same table when it has the same declared name, or, when
/// no old table has its name, when its `#[renamed_from(old)]` names an old
/// table, or when it keeps an unmatched old table's plural (a renamed
/// singular with an explicit plural is the same PostgreSQL table).
/// Columns match by name, then by `#[renamed_from(old)]`.
struct SchemaMatching {
    struct TablePair {
        var old: Table
        var new: Table
        /// (old column name, new column name) for every server column kept.
        var columns: [(old: String, new: String)]
    }

    var pairs: [TablePair] = []
    var droppedTables: [Table] = []
    var createdTables: [Table] = []

    init(old: Schema, new: Schema) {
        var unmatchedOld = old.tables
        var matchedNew: [(Table, Table)] = []
        var leftoverNew: [Table] = []
        func take(_ predicate: (Table) -> Bool) -> Table? {
            guard let index = unmatchedOld.firstIndex(where: predicate) else { return nil }
            return unmatchedOld.remove(at: index)
        }
        // Exact names first, so a renamed_from cannot steal a kept table.
        for table in new.tables {
            if let match = take({ $0.name == table.name }) {
                matchedNew.append((match, table))
            } else {
                leftoverNew.append(table)
            }
        }
        for table in leftoverNew {
            if let previous = table.renamedFrom, let match = take({ $0.name == previous }) {
                matchedNew.append((match, table))
            } else if let match = take({ $0.plural == table.plural }) {
                matchedNew.append((match, table))
            } else {
                createdTables.append(table)
            }
        }
        droppedTables = unmatchedOld
        // Keep the new schema's declaration order for matched tables.
        let order = Dictionary(uniqueKeysWithValues: new.tables.enumerated().map { ($1.name, $0) })
        pairs = matchedNew
            .sorted { order[$0.1.name, default: 0] < order[$1.1.name, default: 0] }
            .map { TablePair(old: $0.0, new: $0.1, columns: Self.matchColumns(old: $0.0, new: $0.1)) }
    }

    static func matchColumns(old: Table, new: Table) -> [(old: String, new: String)] {
        var unmatched = old.serverColumns.map(\.name)
        var result: [(String, String)] = []
        var leftover: [Column] = []
        for column in new.serverColumns {
            if let index = unmatched.firstIndex(of: column.name) {
                result.append((unmatched.remove(at: index), column.name))
            } else {
                leftover.append(column)
            }
        }
        for column in leftover {
            if let previous = column.renamedFrom, let index = unmatched.firstIndex(of: previous) {
                result.append((unmatched.remove(at: index), column.name))
            }
        }
        // New-schema column order.
        let order = Dictionary(uniqueKeysWithValues: new.serverColumns.enumerated().map { ($1.name, $0) })
        return result.sorted { order[$0.1, default: 0] < order[$1.1, default: 0] }
    }
}
