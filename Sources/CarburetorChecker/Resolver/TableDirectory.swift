import CarburetorSchema
import CarburetorSyntax

/// The names tables claim — declared names, plurals, Swift type names —
/// and what group entries look up in tables, by position in
/// `Resolver.tables` (an index, not a copy of each table).
struct TableDirectory {
    /// A plural's first owner, and where that plural comes from (the string,
    /// or the table's name for a default plural).
    struct PluralOwner {
        var table: Int
        var range: SourceRange
    }

    /// Position of the table declared with each name (names in the schema are distinct).
    private(set) var tablesByName: [String: Int] = [:]
    private var tablesByPlural: [String: Int] = [:]
    /// Where each table's plural comes from, by table position.
    private var pluralRanges: [SourceRange] = []
    private var tablesBySwiftTypeName: [String: Int] = [:]
    /// Names of columns whose written type was unusable (already reported),
    /// for the few tables that have some: their stand-in type must not start
    /// a second error about a `$variable`.
    private var untypedColumns: [Int: Set<String>] = [:]
    /// Column positions by name, for wide tables a restriction looked in:
    /// built on first use, since most tables are never searched.
    private var columnIndexes: [Int: [String: Int]] = [:]

    mutating func reserveCapacity(_ tableCount: Int) {
        tablesByName.reserveCapacity(tableCount)
        tablesByPlural.reserveCapacity(tableCount)
        pluralRanges.reserveCapacity(tableCount)
        tablesBySwiftTypeName.reserveCapacity(tableCount)
    }

    // Tables claim in declaration order, each once and with the position it
    // will have in `tables`: the earlier owners a claim finds are in `tables`.

    /// Claims a declared name for the table at `tables.count`; returns the
    /// earlier table that has it.
    mutating func claimName(_ name: String, in tables: [Table]) -> Int? {
        if let owner = tablesByName[name] { return owner }
        tablesByName[name] = tables.count
        return nil
    }

    /// Claims a plural for the table at `tables.count`; returns its earlier owner.
    mutating func claimPlural(_ plural: String, at range: SourceRange, in tables: [Table]) -> PluralOwner? {
        pluralRanges.append(range)
        if let owner = tablesByPlural[plural] {
            return PluralOwner(table: owner, range: pluralRanges[owner])
        }
        tablesByPlural[plural] = tables.count
        return nil
    }

    /// Claims the Swift type name of the table named `name` for the table
    /// at `tables.count`; returns the earlier table that has it.
    mutating func claimSwiftTypeName(of name: String, in tables: [Table]) -> Int? {
        let typeName = SwiftNames.typeName(name)
        if let owner = tablesBySwiftTypeName[typeName] { return owner }
        tablesBySwiftTypeName[typeName] = tables.count
        return nil
    }

    /// The table declared with this name.
    func table(named name: String) -> Int? {
        tablesByName[name]
    }

    /// The first table with this plural.
    func table(withPlural plural: String) -> Int? {
        tablesByPlural[plural]
    }

    mutating func setUntypedColumns(_ names: Set<String>, of table: Int) {
        if !names.isEmpty { untypedColumns[table] = names }
    }

    func isUntyped(column name: String, of table: Int) -> Bool {
        !untypedColumns.isEmpty && untypedColumns[table]?.contains(name) == true
    }

    /// The position of a column in a table (the first of duplicates).
    mutating func position(ofColumn name: String, in table: Table, at index: Int) -> Int? {
        if table.columns.count <= Resolver.pairwiseComparisonLimit {
            return table.columns.firstIndex { $0.name == name }
        }
        if let positions = columnIndexes[index] { return positions[name] }
        var positions: [String: Int] = [:]
        positions.reserveCapacity(table.columns.count)
        for (position, column) in table.columns.enumerated() where positions[column.name] == nil {
            positions[column.name] = position
        }
        columnIndexes[index] = positions
        return positions[name]
    }
}
