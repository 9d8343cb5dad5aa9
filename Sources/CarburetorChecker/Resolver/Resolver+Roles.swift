import CarburetorSchema
import CarburetorSyntax

// Special roles: which declared column is the id, the sync stamp, the
// soft-delete flag…, marked by an attribute or else named after the role,
// and which roles are left to columns the compiler adds.
//
// Roles are noted as the columns are read (one pass over the syntax) and
// decided once all are read; the mistakes found on the way are reported
// later, in their turn.

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
    fileprivate var duplicateMarks: [DuplicateMark] = []
    fileprivate var nameConflicts: [NameConflict] = []
    /// While reading: where each role was first marked, and the first
    /// column named after each synthesizable role.
    private var markRanges = SpecialSlots<SourceRange>()
    private var namedPositions = SpecialSlots<Int>()

    /// The role of the declared column at `position`.
    func role(at position: Int) -> ColumnRole {
        for kind in SpecialAttribute.allCases where positions[kind] == position { return kind.role }
        return .regular
    }

    /// Whether the compiler adds a column for the role.
    func synthesizes(_ kind: SpecialAttribute) -> Bool { synthesizedRoles[kind] ?? false }

    /// Notes the declared column at `position`: its first special
    /// attribute, and the role its name gives, if any. Columns are noted in order.
    mutating func note(mark: (kind: SpecialAttribute, range: SourceRange)?, namedRole: SpecialAttribute?,
                       at position: Int) {
        if let mark {
            if let first = markRanges[mark.kind] {
                duplicateMarks.append(DuplicateMark(kind: mark.kind, range: mark.range, firstRange: first))
            } else {
                markRanges[mark.kind] = mark.range
                positions[mark.kind] = position
            }
        }
        if let namedRole, namedPositions[namedRole] == nil {
            namedPositions[namedRole] = position
        }
    }

    /// Once every column is noted, gives each synthesizable role that no
    /// column is marked with to the first column named after it, else to a
    /// synthesized column.
    mutating func decideSynthesizedRoles() {
        for kind in Resolver.synthesizableRoles where positions[kind] == nil {
            if let position = namedPositions[kind] {
                // A column with a role by now was marked for it.
                guard let mark = SpecialAttribute(role: role(at: position)), let range = markRanges[mark] else {
                    positions[kind] = position
                    continue
                }
                nameConflicts.append(NameConflict(kind: kind, position: position, mark: (mark, range)))
            }
            synthesizedRoles[kind] = true
        }
    }

    /// Sets the role of each declared column that has one, in `columns`
    /// as read (declared columns only).
    func assignRoles(toDeclared columns: inout [Column]) {
        for kind in SpecialAttribute.allCases {
            if let position = positions[kind] { columns[position].role = kind.role }
        }
    }
}

extension Resolver {
    /// The roles every table has, in the order synthesized columns are added.
    static let synthesizableRoles: [SpecialAttribute] = [.id, .isDeleted, .lastSyncedAt]

    /// Column names that give a column one of `synthesizableRoles`.
    private static let synthesizableRoleNames = KeywordTable(synthesizableRoles.map { ($0.rawValue, $0) })

    /// The role a column's name gives it.
    static func synthesizableRole(named name: String) -> SpecialAttribute? {
        synthesizableRoleNames.value(for: name)
    }

    static func synthesizedColumn(_ kind: SpecialAttribute) -> Column {
        Column(name: kind.rawValue, type: kind.requiredType, role: kind.role,
               isSynthesized: true, isImmutable: kind == .id)
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
