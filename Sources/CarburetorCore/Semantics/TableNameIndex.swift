/// Positions of a schema's tables by declared name (the first table of
/// each name), for `Schema.table(named:)`.
///
/// It is derived from the tables, which `Schema` compares and hashes
/// already, so it takes no part in equality or hashing itself.
struct TableNameIndex: Hashable, Sendable {
    private var positions: PositionsByNameHash

    /// The index the resolver built as tables claimed their names.
    init(positions: PositionsByNameHash) {
        self.positions = positions
    }

    init(_ tables: [Table]) {
        positions = PositionsByNameHash()
        positions.reserveCapacity(tables.count)
        for (position, table) in tables.enumerated() {
            let hash = NameHash(table.name)
            if positions.first(hash, where: { tables[$0].name == table.name }) == nil {
                positions.insert(position, for: hash)
            }
        }
    }

    func position(of name: String, in tables: [Table]) -> Int? {
        positions.first(NameHash(name)) { tables[$0].name == name }
    }

    static func == (lhs: TableNameIndex, rhs: TableNameIndex) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}
