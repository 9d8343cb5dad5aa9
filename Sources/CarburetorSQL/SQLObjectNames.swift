import CarburetorSchema

/// Every name the DDL derives for one schema: primary-key constraints, sync
/// indexes, restriction indexes, the triggers and their functions.
///
/// Indexes and constraints share PostgreSQL's relation namespace with the
/// tables of their schema, and joining words with `_` is ambiguous (table
/// `orders` restricted on `shop_id` and table `orders_shop_id` would both
/// give `orders_shop_id_…_idx`). So names are worked out for the whole
/// schema at once: a name that would clash with a table or another derived
/// name ends in a hash of what it belongs to instead.
public struct SQLObjectNames: Sendable, Hashable {
    /// The stamping row trigger on each table. Trigger names are per table
    /// in PostgreSQL, so one fixed name never clashes.
    public static let stampTrigger = SQLStampTrigger.stampTrigger

    /// The table's trigger function, `carburetor_stamp_<plural>`. Functions
    /// do not share the tables' namespace, and distinct plurals give distinct
    /// names (a name over 63 bytes ends in a hash of the whole name).
    public static func stampFunctionName(for table: Table) -> String {
        SQLDerivedName.make(["carburetor_stamp", table.plural])
    }

    /// The table's purge function, `carburetor_purge_<plural>(row_id text)`.
    public static func purgeFunctionName(for table: Table) -> String {
        SQLDerivedName.make(["carburetor_purge", table.plural])
    }

    /// What a derived name belongs to; also what its hash is computed from.
    public enum Object: Hashable, Sendable {
        case primaryKey(table: String)
        /// An index on `columns` of the table with this plural.
        case index(table: String, columns: [String])

        var naturalName: String {
            switch self {
            case .primaryKey(let table): SQLDerivedName.make([table, "pkey"])
            case .index(let table, let columns): SQLDerivedName.make([table] + columns + ["idx"])
            }
        }

        /// Distinct for distinct objects: NUL never occurs in a name.
        var discriminator: String {
            switch self {
            case .primaryKey(let table): "pkey\u{0}\(table)"
            case .index(let table, let columns): (["index", table] + columns).joined(separator: "\u{0}")
            }
        }
    }

    public private(set) var names: [Object: String]
    /// Restrict columns of each table (by declared name), in order of first use.
    public private(set) var restrictColumnsByTable: [String: [String]]

    public init(schema: Schema) {
        restrictColumnsByTable = SQLSyncIndexes.restrictColumnsByTable(in: schema)
        var objects: [Object] = []
        for table in schema.tables {
            objects.append(.primaryKey(table: table.plural))
            objects.append(.index(table: table.plural, columns: SQLSyncIndexes.syncIndexColumns(for: table)))
        }
        for table in schema.tables {
            for column in restrictColumnsByTable[table.name] ?? [] {
                objects.append(.index(table: table.plural,
                                      columns: SQLSyncIndexes.restrictionIndexColumns(for: table, column: column)))
            }
        }
        // Each distinct object's natural name, made once: a large schema has
        // tens of thousands of objects.
        var naturalNames: [Object: String] = [:]
        naturalNames.reserveCapacity(objects.count)
        for object in objects where naturalNames[object] == nil { naturalNames[object] = object.naturalName }
        var uses: [String: Int] = [:]
        for table in schema.tables { uses[table.plural, default: 0] += 1 }
        for natural in naturalNames.values { uses[natural, default: 0] += 1 }
        var names: [Object: String] = [:]
        names.reserveCapacity(naturalNames.count)
        for (object, natural) in naturalNames {
            names[object] = uses[natural, default: 0] > 1 ? Self.disambiguated(object) : natural
        }
        self.names = names
    }

    /// The natural name cut to leave room for a hash of the object itself.
    static func disambiguated(_ object: Object) -> String {
        let suffix = "_" + SQLDerivedName.hashHex(object.discriminator)
        let limit = SQLIdentifier.maximumByteCount - suffix.utf8.count
        var prefix = ""
        for character in object.naturalName {
            if prefix.utf8.count + String(character).utf8.count > limit { break }
            prefix.append(character)
        }
        return prefix + suffix
    }

    /// The columns some group restricts this table by, in order of first use.
    public func restrictColumns(of table: Table) -> [String] {
        restrictColumnsByTable[table.name] ?? []
    }

    public func name(of object: Object) -> String {
        names[object] ?? object.naturalName
    }

    public func primaryKeyName(for table: Table) -> String {
        name(of: .primaryKey(table: table.plural))
    }

    public func syncIndexName(for table: Table) -> String {
        name(of: .index(table: table.plural, columns: SQLSyncIndexes.syncIndexColumns(for: table)))
    }

    public func restrictionIndexName(for table: Table, column: String) -> String {
        name(of: .index(table: table.plural,
                        columns: SQLSyncIndexes.restrictionIndexColumns(for: table, column: column)))
    }
}
