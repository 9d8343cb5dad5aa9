// Columns of one table: names, clashes, roles, immutability and defaults.

/// A declared column before its role is known.
struct DeclaredColumn {
    var syntax: ColumnSyntax
    /// `nil` when the type is missing or unusable (already reported).
    var type: ColumnType?
    var attributes: ColumnAttributes
    var role: ColumnRole = .regular
}

extension Resolver {
    /// The table's final columns (synthesized ones included, in their
    /// places) and an index from column name to position.
    mutating func resolveColumns(of table: TableSyntax) -> (columns: [Column], index: [String: Int]) {
        var declared: [DeclaredColumn] = table.columns.map { syntax in
            let attributes = resolveAttributes(syntax.attributes)
            return DeclaredColumn(syntax: syntax, type: resolveType(syntax.type), attributes: attributes)
        }
        let declaredIndex = checkColumnNames(declared)
        let synthesized = assignRoles(&declared, index: declaredIndex, table: table)

        var columns: [Column] = []
        columns.reserveCapacity(declared.count + synthesized.count)
        let leading = synthesized.filter { $0.role == .id }
        columns.append(contentsOf: leading)
        for column in declared { columns.append(finishColumn(column)) }
        columns.append(contentsOf: synthesized.filter { $0.role != .id })

        for column in synthesized {
            diagnostics.note(
                .synthesizedColumn,
                "table '\(table.name.text)' gets the column '\(column.name) -> \(column.type.carbSpelling)'",
                at: table.name.range)
        }
        checkSwiftPropertyNames(columns, table: table)

        var index: [String: Int] = [:]
        index.reserveCapacity(columns.count)
        for (position, column) in columns.enumerated() where index[column.name] == nil {
            index[column.name] = position
        }
        return (columns, index)
    }

    /// Reports duplicate and over-long names; returns the first column of each name.
    private mutating func checkColumnNames(_ declared: [DeclaredColumn]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(declared.count)
        for (position, column) in declared.enumerated() {
            let name = column.syntax.name
            if name.text.utf8.count > Self.maximumIdentifierBytes {
                diagnostics.error(
                    .nameTooLong,
                    "column name '\(name.text)' is \(name.text.utf8.count) bytes long; PostgreSQL allows \(Self.maximumIdentifierBytes)",
                    at: name.range, help: "choose a shorter name")
            }
            if let first = index[name.text] {
                diagnostics.error(
                    .duplicateColumn, "column '\(name.text)' is declared twice", at: name.range,
                    notes: [DiagnosticNote("first declared here", at: declared[first].syntax.name.range)],
                    help: "rename or remove one of the columns")
            } else {
                index[name.text] = position
            }
        }
        return index
    }

    /// Gives each declared column its role — marked, else named — and
    /// returns the columns to synthesize for the roles still missing.
    private mutating func assignRoles(_ declared: inout [DeclaredColumn], index: [String: Int],
                                      table: TableSyntax) -> [Column] {
        var marked: [SpecialAttribute: Int] = [:]
        for position in declared.indices {
            guard let special = declared[position].attributes.special else { continue }
            if let first = marked[special.kind] {
                diagnostics.error(
                    .duplicateSpecialAttribute,
                    "table '\(table.name.text)' has two columns marked #[\(special.kind.rawValue)]",
                    at: special.range,
                    notes: [DiagnosticNote("first marked here", at: declared[first].attributes.special?.range)],
                    help: "a table has one \(special.kind.roleDescription.dropFirst(4)); remove one of the marks")
                continue
            }
            marked[special.kind] = position
            declared[position].role = special.kind.role
        }

        var synthesized: [Column] = []
        for kind in [SpecialAttribute.id, .isDeleted, .lastSyncedAt] where marked[kind] == nil {
            if let position = index[kind.rawValue] {
                if declared[position].role == .regular {
                    declared[position].role = kind.role
                    continue
                }
                let other = declared[position]
                diagnostics.error(
                    .conflictingSpecialAttributes,
                    "column '\(kind.rawValue)' is marked #[\(other.attributes.special?.kind.rawValue ?? "")], but its name makes it \(kind.roleDescription)",
                    at: other.syntax.name.range,
                    notes: [DiagnosticNote("marked here", at: other.attributes.special?.range)],
                    help: "rename the column, or mark another column #[\(kind.rawValue)]")
            }
            synthesized.append(Self.synthesizedColumn(kind))
        }
        return synthesized
    }

    static func synthesizedColumn(_ kind: SpecialAttribute) -> Column {
        Column(name: kind.rawValue, type: kind.requiredType, role: kind.role,
               isSynthesized: true, isImmutable: kind == .id)
    }

    /// Checks what depends on the role (type, immutability, defaults) and
    /// builds the column.
    private mutating func finishColumn(_ declared: DeclaredColumn) -> Column {
        let syntax = declared.syntax
        let attributes = declared.attributes
        let special = SpecialAttribute(role: declared.role)

        if let special, let type = declared.type, type != special.requiredType {
            let required = special.requiredType.carbSpelling
            diagnostics.error(
                .wrongSpecialColumnType,
                "\(special.roleDescription) '\(syntax.name.text)' must be \(required), not \(type.carbSpelling)",
                at: syntax.type?.range ?? syntax.name.range,
                notes: attributes.special.map { [DiagnosticNote("marked #[\($0.kind.rawValue)] here", at: $0.range)] } ?? [],
                help: "change the type to \(required)",
                fixIts: syntax.type.map { [FixIt(replace: $0.range, with: required)] } ?? [])
        }

        var isImmutable = attributes.immutable != nil
        switch declared.role {
        case .id:
            isImmutable = true
        case .syncStamp, .softDelete:
            if let immutable = attributes.immutable, let special {
                diagnostics.error(
                    .immutableSpecialColumn,
                    "\(special.roleDescription) '\(syntax.name.text)' cannot be #[immutable]", at: immutable,
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
                "\(special.roleDescription) '\(syntax.name.text)' cannot have a #[default]", at: defaultRange,
                help: "the compiler and the sync protocol supply this column's values; remove the default",
                fixIts: [FixIt(replace: defaultRange, with: "")])
        } else {
            switch attributes.defaultSetting {
            case .sql(let value, let valueRange):
                if let type = declared.type, let reason = Self.misfit(of: value, for: type) {
                    diagnostics.error(
                        .defaultTypeMismatch,
                        "default \(Self.spelling(of: value)) does not fit column '\(syntax.name.text)' of type \(type.carbSpelling)",
                        at: valueRange,
                        notes: syntax.type.map { [DiagnosticNote("type declared here", at: $0.range)] } ?? [],
                        help: reason)
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
            name: syntax.name.text,
            type: declared.type ?? special?.requiredType ?? ColumnType(.text),
            role: declared.role,
            isImmutable: isImmutable,
            sqlDefault: sqlDefault,
            swiftDefault: swiftDefault,
            documentation: Self.documentation(syntax.docs),
            renamedFrom: attributes.renamedFrom,
            range: syntax.name.range)
    }

    /// Two column names that give the same Swift property (`user_id`, `userId`).
    private mutating func checkSwiftPropertyNames(_ columns: [Column], table: TableSyntax) {
        var owners: [String: Column] = [:]
        owners.reserveCapacity(columns.count)
        for column in columns {
            let property = Naming.lowerCamelCase(column.name)
            guard let owner = owners[property] else {
                owners[property] = column
                continue
            }
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
