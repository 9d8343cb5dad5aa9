import CarburetorSchema
import CarburetorSyntax

// Columns of one table: names, clashes, roles, immutability and defaults.
//
// Each declared column is read once, straight into its `Column` in the
// table's array, noting what decides the roles (`Resolver+Roles.swift`);
// the checks that need every column (repeated names) run over those, and
// only the few columns with attributes or a special role are revisited to
// finish them. Diagnostics come out pass by pass, in column order within
// each pass.

/// What the passes over a table's columns note for later ones. The resolver
/// keeps one from table to table, so its arrays are allocated once per run.
struct ColumnWorkspace {
    /// The attributes of declared columns that have something to finish, by
    /// position, in order.
    var attributes: [(position: Int, attributes: ColumnAttributes)] = []
    /// Positions of declared columns whose type was missing or unusable
    /// (already reported), in order.
    var untypedPositions: [Int] = []
    /// Positions of declared columns whose names are too long for PostgreSQL.
    var overlongNamePositions: [Int] = []

    mutating func removeAll() {
        // Most of these stay empty; emptying an empty array still costs a call.
        if !attributes.isEmpty { attributes.removeAll(keepingCapacity: true) }
        if !untypedPositions.isEmpty { untypedPositions.removeAll(keepingCapacity: true) }
        if !overlongNamePositions.isEmpty { overlongNamePositions.removeAll(keepingCapacity: true) }
    }
}

extension Resolver {
    /// The table's final columns, synthesized ones included, in their
    /// places, and the names of those whose written type was unusable.
    mutating func resolveColumns(of table: TableSyntax) -> (columns: [Column], untyped: Set<String>) {
        var workspace = ColumnWorkspace()
        swap(&workspace, &columnWorkspace)
        defer {
            workspace.removeAll()
            swap(&workspace, &columnWorkspace)
        }
        var plan = RolePlan()
        // Sized for the most columns the table can get (the roles are known
        // only once the columns are read): a large config keeps hundreds of
        // thousands of columns.
        var columns: [Column] = []
        columns.reserveCapacity(table.columns.count + Self.synthesizableRoles.count)
        readColumns(of: table, plan: &plan, into: &columns, workspace: &workspace)
        plan.decideSynthesizedRoles()
        plan.assignRoles(toDeclared: &columns)
        // A synthesized id comes first: moving the few columns costs less than a second pass.
        if plan.synthesizes(.id) { columns.insert(Self.synthesizedColumn(.id), at: 0) }
        let firstDeclared = columns.count - table.columns.count

        checkColumnNames(table: table, workspace: workspace)
        reportRoleMistakes(plan, table: table)
        finishColumns(&columns, from: firstDeclared, table: table, workspace: workspace)
        for kind in Self.synthesizableRoles where kind != .id && plan.synthesizes(kind) {
            columns.append(Self.synthesizedColumn(kind))
        }

        for kind in Self.synthesizableRoles where plan.synthesizes(kind) {
            diagnostics.note(
                .synthesizedColumn,
                "table '\(table.name.text)' gets the column '\(kind.rawValue) -> \(kind.requiredType.carbSpelling)'",
                at: table.name.range)
        }
        checkSwiftPropertyNames(columns, plan: plan, workspace: workspace, table: table)
        let untyped = Set(workspace.untypedPositions.map { table.columns[$0].name.text })
        return (columns, untyped)
    }

    /// Reads each declared column (attributes, type, docs) into a `Column`
    /// with everything but what its role decides, and notes what the later
    /// passes need.
    private mutating func readColumns(of table: TableSyntax, plan: inout RolePlan, into columns: inout [Column],
                                      workspace: inout ColumnWorkspace) {
        for (position, syntax) in table.columns.enumerated() {
            var renamedFrom: String?
            var mark: (kind: SpecialAttribute, range: SourceRange)?
            if !syntax.attributes.isEmpty {
                let attributes = resolveAttributes(syntax.attributes)
                renamedFrom = attributes.renamedFrom
                mark = attributes.special
                if attributes.needFinishing { workspace.attributes.append((position, attributes)) }
            }
            let type = resolveType(syntax.type)
            if type == nil { workspace.untypedPositions.append(position) }
            let name = syntax.name.text
            plan.note(mark: mark, namedRole: Self.synthesizableRole(named: name), at: position)
            if name.utf8.count > Self.maximumIdentifierBytes { workspace.overlongNamePositions.append(position) }
            columns.append(Column(
                name: name, type: type ?? ColumnType(.text),
                documentation: syntax.docs.isEmpty ? nil : Self.documentation(syntax.docs),
                renamedFrom: renamedFrom, range: syntax.name.range))
        }
    }

    /// Reports over-long and duplicate names.
    private mutating func checkColumnNames(table: TableSyntax, workspace: ColumnWorkspace) {
        for position in workspace.overlongNamePositions {
            let name = table.columns[position].name
            diagnostics.error(
                .nameTooLong,
                "column name '\(Parser.abbreviated(name.text, limit: 70))' is \(name.text.utf8.count) bytes long; PostgreSQL allows \(Self.maximumIdentifierBytes)",
                at: name.range, help: "choose a shorter name")
        }
        for (position, first) in Self.repeats(in: table.columns.map(\.name.text)) {
            let name = table.columns[position].name
            diagnostics.error(
                .duplicateColumn, "column '\(name.text)' is declared twice", at: name.range,
                notes: [DiagnosticNote("first declared here", at: table.columns[first].name.range)],
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

    /// Finishes the declared columns (from `firstDeclared` on) with
    /// attributes or a special role; the others are complete as read.
    private mutating func finishColumns(_ columns: inout [Column], from firstDeclared: Int, table: TableSyntax,
                                        workspace: ColumnWorkspace) {
        var nextAttributes = workspace.attributes.startIndex
        for position in table.columns.indices {
            let hasAttributes = nextAttributes < workspace.attributes.endIndex
                && workspace.attributes[nextAttributes].position == position
            guard hasAttributes || columns[firstDeclared + position].role != .regular else { continue }
            let attributes = hasAttributes ? workspace.attributes[nextAttributes].attributes : ColumnAttributes()
            if hasAttributes { nextAttributes += 1 }
            finishColumn(&columns[firstDeclared + position], attributes: attributes,
                         isTyped: !workspace.untypedPositions.contains(position),
                         name: table.columns[position].name, typeRange: table.columns[position].type?.range)
        }
    }

    /// Checks what depends on the role (type, immutability, defaults) and
    /// sets it on the column.
    private mutating func finishColumn(_ column: inout Column, attributes: ColumnAttributes, isTyped: Bool,
                                       name: Identifier, typeRange: SourceRange?) {
        let special = SpecialAttribute(role: column.role)
        let declaredType = isTyped ? column.type : nil

        if let special, let type = declaredType, type != special.requiredType {
            let required = special.requiredType.carbSpelling
            diagnostics.error(
                .wrongSpecialColumnType,
                "\(special.roleDescription) '\(name.text)' must be \(required), not \(type.carbSpelling)",
                at: typeRange ?? name.range,
                notes: attributes.special.map { [DiagnosticNote("marked #[\($0.kind.rawValue)] here", at: $0.range)] } ?? [],
                help: "change the type to \(required)",
                fixIts: typeRange.map { [FixIt(replace: $0, with: required)] } ?? [])
        }

        var isImmutable = attributes.immutable != nil
        switch column.role {
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
        column.isImmutable = isImmutable
        column.type = declaredType ?? special?.requiredType ?? ColumnType(.text)

        if let defaultRange = attributes.defaultAttribute, let special {
            diagnostics.error(
                .defaultOnSpecialColumn,
                "\(special.roleDescription) '\(name.text)' cannot have a #[default]", at: defaultRange,
                help: "the compiler and the sync protocol supply this column's values; remove the default",
                fixIts: [FixIt(replace: defaultRange, with: "")])
            return
        }
        switch attributes.defaultSetting {
        case .sql(let value, let valueRange):
            if let type = declaredType, let reason = Self.misfit(of: value, for: type) {
                let rewrite = Self.rewrite(of: value, for: type)
                diagnostics.error(
                    .defaultTypeMismatch,
                    "default \(Self.spelling(of: value)) does not fit column '\(name.text)' of type \(type.carbSpelling)",
                    at: valueRange,
                    notes: typeRange.map { [DiagnosticNote("type declared here", at: $0)] } ?? [],
                    help: rewrite.map { "\(reason); write \($0)" } ?? reason,
                    fixIts: rewrite.map { [FixIt(replace: valueRange, with: $0)] } ?? [])
            } else {
                column.sqlDefault = value
            }
        case .swift(let expression):
            column.swiftDefault = expression
        case .ignored, nil:
            break
        }
    }

    /// Two column names that give the same Swift property (`user_id`, `userId`).
    private mutating func checkSwiftPropertyNames(_ columns: [Column], plan: RolePlan, workspace: ColumnWorkspace,
                                                  table: TableSyntax) {
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

extension ColumnAttributes {
    /// Whether finishing the column has anything to check or set (the
    /// previous name is set as the column is read).
    var needFinishing: Bool {
        special != nil || immutable != nil || defaultAttribute != nil
    }
}
