import CarburetorSchema

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
        // Lookups by name and plural keep planning linear in the table count.
        var taken = [Bool](repeating: false, count: old.tables.count)
        let byName = Dictionary(old.tables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let byPlural = Dictionary(old.tables.enumerated().map { ($1.plural, $0) }, uniquingKeysWith: { first, _ in first })
        func take(_ index: Int?) -> Table? {
            guard let index, !taken[index] else { return nil }
            taken[index] = true
            return old.tables[index]
        }
        var matched: [(Table, Table)] = []
        var leftoverNew: [Table] = []
        // Exact names first, so a renamed_from cannot steal a kept table.
        for table in new.tables {
            if let match = take(byName[table.name]) {
                matched.append((match, table))
            } else {
                leftoverNew.append(table)
            }
        }
        var matchedLate: Set<String> = []
        for table in leftoverNew {
            if let previous = table.renamedFrom, let match = take(byName[previous]) {
                matched.append((match, table))
                matchedLate.insert(table.name)
            } else if let match = take(byPlural[table.plural]) {
                matched.append((match, table))
                matchedLate.insert(table.name)
            } else {
                createdTables.append(table)
            }
        }
        droppedTables = old.tables.indices.filter { !taken[$0] }.map { old.tables[$0] }
        // Keep the new schema's declaration order for matched tables.
        let order = Dictionary(new.tables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        pairs = (matchedLate.isEmpty ? matched : matched.sorted { order[$0.1.name, default: 0] < order[$1.1.name, default: 0] })
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
