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
    private(set) var tablePositionsByName: [String: Int] = [:]
    private var pluralOwners: [String: PluralOwner] = [:]
    private var swiftTypeNameOwners: [String: Int] = [:]
    /// Names of columns whose written type was unusable (already reported),
    /// for the few tables that have some: their stand-in type must not start
    /// a second error about a `$variable`.
    private var untypedColumns: [Int: Set<String>] = [:]
    /// Column positions by name, for wide tables a restriction looked in:
    /// built on first use, since most tables are never searched.
    private var columnIndexes: [Int: [String: Int]] = [:]

    mutating func reserveCapacity(_ tableCount: Int) {
        tablePositionsByName.reserveCapacity(tableCount)
        pluralOwners.reserveCapacity(tableCount)
        swiftTypeNameOwners.reserveCapacity(tableCount)
    }

    // Each claim hashes its name once: the dictionary's defaulting subscript
    // inserts the new table if the name is free, and otherwise leaves the
    // first owner there, which is never the new table (tables claim in
    // declaration order, with positions not yet used).

    /// Claims a declared name for `table`; returns the earlier table that has it.
    mutating func claimName(_ name: String, for table: Int) -> Int? {
        let owner = Self.owner(&tablePositionsByName[name, default: table])
        return owner == table ? nil : owner
    }

    /// Claims a plural for `table`; returns its earlier owner.
    mutating func claimPlural(_ plural: String, for table: Int, at range: SourceRange) -> PluralOwner? {
        let owner = Self.owner(&pluralOwners[plural, default: PluralOwner(table: table, range: range)])
        return owner.table == table ? nil : owner
    }

    /// Claims a Swift type name for `table`; returns the earlier table that has it.
    mutating func claimSwiftTypeName(_ name: String, for table: Int) -> Int? {
        let owner = Self.owner(&swiftTypeNameOwners[name, default: table])
        return owner == table ? nil : owner
    }

    private static func owner<Owner>(_ slot: inout Owner) -> Owner { slot }

    /// The table declared with this name.
    func table(named name: String) -> Int? { tablePositionsByName[name] }

    /// The first table with this plural.
    func table(withPlural plural: String) -> Int? { pluralOwners[plural]?.table }

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
