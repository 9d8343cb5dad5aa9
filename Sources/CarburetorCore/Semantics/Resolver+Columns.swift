// Columns of one table: names, clashes, roles, immutability and defaults.

/// A declared column before its role is known: only what the checks need,
/// so the many passes over a table's columns copy little.
struct DeclaredColumn {
    var name: Identifier
    /// Range of the written type, for messages and fix-its.
    var typeRange: SourceRange?
    var docs: [DocComment]
    /// `nil` when the type is missing or unusable (already reported).
    var type: ColumnType?
    var attributes: ColumnAttributes
    var role: ColumnRole = .regular
}

extension Resolver {
    /// The table's final columns, synthesized ones included, in their
    /// places, and the names of those whose written type was unusable.
    mutating func resolveColumns(of table: TableSyntax) -> (columns: [Column], untyped: Set<String>) {
        var declared: [DeclaredColumn] = table.columns.map { syntax in
            let attributes = resolveAttributes(syntax.attributes)
            return DeclaredColumn(name: syntax.name, typeRange: syntax.type?.range, docs: syntax.docs,
                                  type: resolveType(syntax.type), attributes: attributes)
        }
        checkColumnNames(declared)
        let synthesized = assignRoles(&declared, table: table)

        var columns: [Column] = []
        columns.reserveCapacity(declared.count + synthesized.count)
        let leading = synthesized.filter { $0.role == .id }
        columns.append(contentsOf: leading)
        for position in declared.indices { columns.append(finishColumn(declared[position])) }
        columns.append(contentsOf: synthesized.filter { $0.role != .id })

        for column in synthesized {
            diagnostics.note(
                .synthesizedColumn,
                "table '\(table.name.text)' gets the column '\(column.name) -> \(column.type.carbSpelling)'",
                at: table.name.range)
        }
        checkSwiftPropertyNames(columns, table: table)
        var untyped = Set<String>()
        for position in declared.indices where declared[position].type == nil {
            untyped.insert(declared[position].name.text)
        }
        return (columns, untyped)
    }

    /// Reports duplicate and over-long names.
    private mutating func checkColumnNames(_ declared: [DeclaredColumn]) {
        for position in declared.indices {
            let name = declared[position].name
            if name.text.utf8.count > Self.maximumIdentifierBytes {
                diagnostics.error(
                    .nameTooLong,
                    "column name '\(Parser.abbreviated(name.text, limit: 70))' is \(name.text.utf8.count) bytes long; PostgreSQL allows \(Self.maximumIdentifierBytes)",
                    at: name.range, help: "choose a shorter name")
            }
        }
        for (position, first) in Self.repeats(in: declared.map(\.name.text)) {
            let name = declared[position].name
            diagnostics.error(
                .duplicateColumn, "column '\(name.text)' is declared twice", at: name.range,
                notes: [DiagnosticNote("first declared here", at: declared[first].name.range)],
                help: "rename or remove one of the columns")
        }
    }

    /// Tables up to this many columns are checked for repeated names pairwise
    /// (bounded work without hashing); larger ones through a dictionary.
    static let pairwiseComparisonLimit = 16

    /// Every position whose key equals an earlier one, with the first position of that key.
    static func repeats<Key: Hashable>(in keys: [Key]) -> [(position: Int, first: Int)] {
        var found: [(position: Int, first: Int)] = []
        if keys.count <= pairwiseComparisonLimit {
            for position in keys.indices {
                if let first = keys[..<position].firstIndex(of: keys[position]) {
                    found.append((position, first))
                }
            }
            return found
        }
        var firstPositions: [Key: Int] = [:]
        firstPositions.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            if let first = firstPositions[key] {
                found.append((position, first))
            } else {
                firstPositions[key] = position
            }
        }
        return found
    }

    /// Gives each declared column its role — marked, else named — and
    /// returns the columns to synthesize for the roles still missing.
    private mutating func assignRoles(_ declared: inout [DeclaredColumn], table: TableSyntax) -> [Column] {
        var marked = SpecialMarks()
        for position in declared.indices {
            guard let special = declared[position].attributes.special else { continue }
            if let first = marked[special.kind] {
                diagnostics.error(
                    .duplicateSpecialAttribute,
                    "table '\(table.name.text)' has two columns marked #[\(special.kind.rawValue)]",
                    at: special.range,
                    notes: [DiagnosticNote("first marked here", at: declared[first].attributes.special?.range)],
                    help: "a table has one \(special.kind.roleName); remove one of the marks")
                continue
            }
            marked[special.kind] = position
            declared[position].role = special.kind.role
        }

        var synthesized: [Column] = []
        for kind in Self.synthesizableRoles where marked[kind] == nil {
            if let position = declared.firstIndex(where: { $0.name.text == kind.rawValue }) {
                if declared[position].role == .regular {
                    declared[position].role = kind.role
                    continue
                }
                let other = (name: declared[position].name, special: declared[position].attributes.special)
                diagnostics.error(
                    .conflictingSpecialAttributes,
                    "column '\(kind.rawValue)' is marked #[\(other.special?.kind.rawValue ?? "")], but its name makes it \(kind.roleDescription)",
                    at: other.name.range,
                    notes: [DiagnosticNote("marked here", at: other.special?.range)],
                    help: "rename the column, or mark another column #[\(kind.rawValue)]")
            }
            synthesized.append(Self.synthesizedColumn(kind))
        }
        return synthesized
    }

    /// The roles every table has, in the order synthesized columns are added.
    static let synthesizableRoles: [SpecialAttribute] = [.id, .isDeleted, .lastSyncedAt]

    static func synthesizedColumn(_ kind: SpecialAttribute) -> Column {
        Column(name: kind.rawValue, type: kind.requiredType, role: kind.role,
               isSynthesized: true, isImmutable: kind == .id)
    }

    /// Checks what depends on the role (type, immutability, defaults) and
    /// builds the column.
    private mutating func finishColumn(_ declared: DeclaredColumn) -> Column {
        let name = declared.name
        let attributes = declared.attributes
        let special = SpecialAttribute(role: declared.role)

        if let special, let type = declared.type, type != special.requiredType {
            let required = special.requiredType.carbSpelling
            diagnostics.error(
                .wrongSpecialColumnType,
                "\(special.roleDescription) '\(name.text)' must be \(required), not \(type.carbSpelling)",
                at: declared.typeRange ?? name.range,
                notes: attributes.special.map { [DiagnosticNote("marked #[\($0.kind.rawValue)] here", at: $0.range)] } ?? [],
                help: "change the type to \(required)",
                fixIts: declared.typeRange.map { [FixIt(replace: $0, with: required)] } ?? [])
        }

        var isImmutable = attributes.immutable != nil
        switch declared.role {
        case .id:
            isImmutable = true
        case .syncStamp, .softDelete:
            if let immutable = attributes.immutable, let special {
                diagnostics.error(
                    .immutableSpecialColumn,
                    "\(special.roleDescription) '\(name.text)' cannot be #[immutable]", at: immutable,
                    help: special == .lastSyncedAt
                        ? "the server writes the sync stamp on every change; remove #[immutable]"
                        : "deleting a row sets the soft-delete flag; remove #[immutable]",
                    fixIts: [FixIt(replace: immutable, with: "")])
            }
            isImmutable = false
        case .regular, .dirtyFlag, .clientSyncMetadata:
            break
        }

        var sqlDefault: SQLDefault?
        var swiftDefault: String?
        if let defaultRange = attributes.defaultAttribute, let special {
            diagnostics.error(
                .defaultOnSpecialColumn,
                "\(special.roleDescription) '\(name.text)' cannot have a #[default]", at: defaultRange,
                help: "the compiler and the sync protocol supply this column's values; remove the default",
                fixIts: [FixIt(replace: defaultRange, with: "")])
        } else {
            switch attributes.defaultSetting {
            case .sql(let value, let valueRange):
                if let type = declared.type, let reason = Self.misfit(of: value, for: type) {
                    let rewrite = Self.rewrite(of: value, for: type)
                    diagnostics.error(
                        .defaultTypeMismatch,
                        "default \(Self.spelling(of: value)) does not fit column '\(name.text)' of type \(type.carbSpelling)",
                        at: valueRange,
                        notes: declared.typeRange.map { [DiagnosticNote("type declared here", at: $0)] } ?? [],
                        help: rewrite.map { "\(reason); write \($0)" } ?? reason,
                        fixIts: rewrite.map { [FixIt(replace: valueRange, with: $0)] } ?? [])
                } else {
                    sqlDefault = value
                }
            case .swift(let expression):
                swiftDefault = expression
            case .ignored, nil:
                break
            }
        }

        return Column(
            name: name.text,
            type: declared.type ?? special?.requiredType ?? ColumnType(.text),
            role: declared.role,
            isImmutable: isImmutable,
            sqlDefault: sqlDefault,
            swiftDefault: swiftDefault,
            documentation: Self.documentation(declared.docs),
            renamedFrom: attributes.renamedFrom,
            range: name.range)
    }

    /// Two column names that give the same Swift property (`user_id`, `userId`).
    private mutating func checkSwiftPropertyNames(_ columns: [Column], table: TableSyntax) {
        // Equal property names have equal hashes: when no two hashes are
        // equal (nearly always), there is no clash and no name is built.
        if columns.count <= Self.pairwiseComparisonLimit {
            var hashes: [UInt64] = []
            hashes.reserveCapacity(columns.count)
            for column in columns {
                guard let hash = SwiftNames.propertyNameHash(column.name) else { break }
                hashes.append(hash)
            }
            if hashes.count == columns.count, Self.repeats(in: hashes).isEmpty { return }
        }
        let properties = columns.map { SwiftNames.propertyName($0.name) }
        for (position, first) in Self.repeats(in: properties) {
            let column = columns[position]
            let owner = columns[first]
            let property = properties[position]
            // Equal names are duplicates, reported as such.
            guard owner.name != column.name else { continue }
            // Point at the declared one when the other was synthesized.
            let (reported, other) = column.isSynthesized ? (owner, column) : (column, owner)
            let note = other.isSynthesized
                ? DiagnosticNote("the compiler adds the column '\(other.name)' to '\(table.name.text)'", at: table.name.range)
                : DiagnosticNote("'\(other.name)' declared here", at: other.range)
            diagnostics.error(
                .swiftNameClash,
                "columns '\(other.name)' and '\(reported.name)' both become the Swift property '\(property)'",
                at: reported.range ?? table.name.range,
                notes: [note],
                help: "rename one of the columns")
        }
    }
}

/// Which column carries each special attribute, without a dictionary per table.
private struct SpecialMarks {
    private var positions: (Int?, Int?, Int?, Int?, Int?) = (nil, nil, nil, nil, nil)

    subscript(kind: SpecialAttribute) -> Int? {
        get {
            switch kind {
            case .id: positions.0
            case .lastSyncedAt: positions.1
            case .isDeleted: positions.2
            case .dirtyFlag: positions.3
            case .clientColumnSyncMetadata: positions.4
            }
        }
        set {
            switch kind {
            case .id: positions.0 = newValue
            case .lastSyncedAt: positions.1 = newValue
            case .isDeleted: positions.2 = newValue
            case .dirtyFlag: positions.3 = newValue
            case .clientColumnSyncMetadata: positions.4 = newValue
            }
        }
    }
}
