// Special roles: which declared column is the id, the sync stamp, the
// soft-delete flag…, marked by an attribute or else named after the role,
// and which roles are left to columns the compiler adds.
//
// Roles are decided from the syntax before the columns are read, so that a
// table's columns go straight into an array of their final size; the
// mistakes found on the way are reported later, in their turn.

/// The roles of one table's columns.
struct RolePlan {
    struct DuplicateMark {
        var kind: SpecialAttribute
        var range: SourceRange
        var firstRange: SourceRange
    }

    /// A column named after a role while marked for another.
    struct NameConflict {
        var kind: SpecialAttribute
        var position: Int
        var mark: (kind: SpecialAttribute, range: SourceRange)
    }

    /// The declared column that takes each role.
    fileprivate var positions = SpecialSlots<Int>()
    fileprivate var synthesizedRoles = SpecialSlots<Bool>()
    fileprivate(set) var synthesizedCount = 0
    fileprivate var duplicateMarks: [DuplicateMark] = []
    fileprivate var nameConflicts: [NameConflict] = []

    /// The role of the declared column at `position`.
    func role(at position: Int) -> ColumnRole {
        for kind in SpecialAttribute.allCases where positions[kind] == position { return kind.role }
        return .regular
    }

    /// Whether the compiler adds a column for the role.
    func synthesizes(_ kind: SpecialAttribute) -> Bool { synthesizedRoles[kind] ?? false }
}

extension Resolver {
    /// The roles every table has, in the order synthesized columns are added.
    static let synthesizableRoles: [SpecialAttribute] = [.id, .isDeleted, .lastSyncedAt]

    /// The Swift property-name hash of each synthesizable role's column.
    static let synthesizablePropertyNameHashes = synthesizableRoles.map {
        (kind: $0, hash: SwiftNames.propertyNameHash($0.rawValue))
    }

    /// Column names that give a column one of `synthesizableRoles`.
    private static let synthesizableRoleNames = KeywordTable(synthesizableRoles.map { ($0.rawValue, $0) })

    static func synthesizedColumn(_ kind: SpecialAttribute) -> Column {
        Column(name: kind.rawValue, type: kind.requiredType, role: kind.role,
               isSynthesized: true, isImmutable: kind == .id)
    }

    /// Gives each role to the column marked with it (the first one), else
    /// to the first column named after it, else to a synthesized column.
    static func planRoles(of table: TableSyntax) -> RolePlan {
        var plan = RolePlan()
        var markRanges = SpecialSlots<SourceRange>()
        var namedPositions = SpecialSlots<Int>()
        // Through a buffer, the fields are read in place: reading them from
        // the array copies each column's whole syntax first.
        table.columns.withUnsafeBufferPointer { columns in
            for position in columns.indices {
                if !columns[position].attributes.isEmpty,
                   let mark = firstSpecialAttribute(columns[position].attributes) {
                    if let first = markRanges[mark.kind] {
                        plan.duplicateMarks.append(RolePlan.DuplicateMark(kind: mark.kind, range: mark.range,
                                                                          firstRange: first))
                    } else {
                        markRanges[mark.kind] = mark.range
                        plan.positions[mark.kind] = position
                    }
                }
                if let kind = synthesizableRoleNames.value(for: columns[position].name.text),
                   namedPositions[kind] == nil {
                    namedPositions[kind] = position
                }
            }
        }
        for kind in synthesizableRoles where plan.positions[kind] == nil {
            if let position = namedPositions[kind] {
                // A column with a role by now was marked for it.
                guard let mark = SpecialAttribute(role: plan.role(at: position)), let range = markRanges[mark] else {
                    plan.positions[kind] = position
                    continue
                }
                plan.nameConflicts.append(RolePlan.NameConflict(kind: kind, position: position, mark: (mark, range)))
            }
            plan.synthesizedRoles[kind] = true
            plan.synthesizedCount += 1
        }
        return plan
    }

    /// Reports the marks that gave no role, in the order they were found.
    mutating func reportRoleMistakes(_ plan: RolePlan, table: TableSyntax) {
        for mark in plan.duplicateMarks {
            diagnostics.error(
                .duplicateSpecialAttribute,
                "table '\(table.name.text)' has two columns marked #[\(mark.kind.rawValue)]",
                at: mark.range,
                notes: [DiagnosticNote("first marked here", at: mark.firstRange)],
                help: "a table has one \(mark.kind.roleName); remove one of the marks")
        }
        for conflict in plan.nameConflicts {
            let kind = conflict.kind
            diagnostics.error(
                .conflictingSpecialAttributes,
                "column '\(kind.rawValue)' is marked #[\(conflict.mark.kind.rawValue)], but its name makes it \(kind.roleDescription)",
                at: table.columns[conflict.position].name.range,
                notes: [DiagnosticNote("marked here", at: conflict.mark.range)],
                help: "rename the column, or mark another column #[\(kind.rawValue)]")
        }
    }
}

/// One value per special attribute, without a dictionary per table.
struct SpecialSlots<Value> {
    private var slots: (Value?, Value?, Value?, Value?, Value?) = (nil, nil, nil, nil, nil)

    subscript(kind: SpecialAttribute) -> Value? {
        get {
            switch kind {
            case .id: slots.0
            case .lastSyncedAt: slots.1
            case .isDeleted: slots.2
            case .dirtyFlag: slots.3
            case .clientColumnSyncMetadata: slots.4
            }
        }
        set {
            switch kind {
            case .id: slots.0 = newValue
            case .lastSyncedAt: slots.1 = newValue
            case .isDeleted: slots.2 = newValue
            case .dirtyFlag: slots.3 = newValue
            case .clientColumnSyncMetadata: slots.4 = newValue
            }
        }
    }
}
