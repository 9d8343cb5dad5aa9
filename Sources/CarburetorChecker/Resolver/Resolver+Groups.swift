import CarburetorSchema
import CarburetorSyntax

// Sync groups: entries resolved to tables, `restrict_to` pairs, and the typed
// `$variables` that become each group's `SyncContext`.

/// Sync groups resolved so far, one at a time, and what the next needs to
/// know of them: group names and Swift names taken, and where each table
/// was listed. Started once every table is known.
struct GroupsInProgress {
    var groups: [SyncGroup] = []
    var firstDeclaration: [String: SourceRange] = [:]
    var swiftNameOwners: [String: Identifier] = [:]
    var listings: GroupListings

    init(tableCount: Int) {
        listings = GroupListings(tableCount: tableCount)
    }
}

extension Resolver {
    mutating func resolveGroups(_ syntaxes: [GroupSyntax]) -> [SyncGroup] {
        var progress = GroupsInProgress(tableCount: tables.count)
        for syntax in syntaxes { resolveNextGroup(syntax, into: &progress) }
        return progress.groups
    }

    /// Resolves one group, after those already in `progress`.
    mutating func resolveNextGroup(_ syntax: GroupSyntax, into progress: inout GroupsInProgress) {
        let name = syntax.name
        progress.listings.startGroup()
        let group = resolveGroup(syntax, listings: &progress.listings)
        if let first = progress.firstDeclaration[name.text] {
            diagnostics.error(
                .duplicateGroup, "sync group '\(name.text)' is declared twice", at: name.range,
                notes: [DiagnosticNote("first declared here", at: first)],
                help: "rename one of the groups or merge their entries")
            return
        }
        progress.firstDeclaration[name.text] = name.range

        let swiftName = SwiftNames.typeName(name.text)
        if let owner = progress.swiftNameOwners[swiftName] {
            diagnostics.error(
                .swiftNameClash,
                "sync groups '\(owner.text)' and '\(name.text)' both become the Swift name '\(swiftName)'",
                at: name.range,
                notes: [DiagnosticNote("'\(owner.text)' declared here", at: owner.range)],
                help: "rename one of the groups")
        } else {
            progress.swiftNameOwners[swiftName] = name
        }
        progress.groups.append(group)
    }

    private mutating func resolveGroup(_ syntax: GroupSyntax, listings: inout GroupListings) -> SyncGroup {
        if syntax.entries.isEmpty {
            diagnostics.warning(
                .emptyGroup, "sync group '\(syntax.name.text)' has no tables", at: syntax.name.range,
                help: "list the tables the group syncs, or remove the group")
        }
        var bindings: [String: VariableBinding] = [:]
        var variables: [ContextVariable] = []
        var entries: [GroupEntry] = []
        entries.reserveCapacity(syntax.entries.count)

        for entry in syntax.entries {
            let tableName = entry.table
            let restriction = resolveRestriction(entry)
            guard let tableIndex = lookUpTable(tableName) else { continue }

            if let first = listings.list(tableIndex, at: tableName.range) {
                diagnostics.error(
                    .duplicateGroupEntry,
                    "table '\(tableName.text)' is listed twice in sync group '\(syntax.name.text)'",
                    at: tableName.range,
                    notes: [DiagnosticNote("first listed here", at: first)],
                    help: "remove one of the entries")
                continue
            }

            var resolvedRestriction: Restriction?
            // A column whose type was unusable (reported) binds nothing, so
            // its stand-in type cannot start a second error.
            if let restriction, let column = restrictColumn(restriction, ofTableAt: tableIndex),
               !tableDirectory.isUntyped(column: column.name, of: tableIndex) {
                resolvedRestriction = Restriction(variable: restriction.variable.text,
                                                  columnName: column.name)
                let binding = VariableBinding(type: column.type.scalar, column: column.name,
                                              table: tables[tableIndex].name, range: restriction.variable.range)
                if let first = bindings[restriction.variable.text] {
                    if first.type != binding.type {
                        diagnostics.error(
                            .conflictingVariableTypes,
                            "'$\(restriction.variable.text)' is bound to \(binding.type.carbName) here but to \(first.type.carbName) elsewhere in sync group '\(syntax.name.text)'",
                            at: restriction.variable.range,
                            notes: [
                                DiagnosticNote("'\(binding.table).\(binding.column)' is \(binding.type.carbName)",
                                               at: restriction.columnRange),
                                DiagnosticNote("'$\(restriction.variable.text)' is bound to '\(first.table).\(first.column)' (\(first.type.carbName)) here",
                                               at: first.range),
                            ],
                            help: "use another variable name, or restrict by columns of the same type")
                    }
                } else {
                    bindings[restriction.variable.text] = binding
                    variables.append(ContextVariable(name: restriction.variable.text, type: binding.type))
                }
            }
            entries.append(GroupEntry(tableName: tableName.text, restriction: resolvedRestriction,
                                      range: entry.range))
        }
        return SyncGroup(name: syntax.name.text, documentation: Self.documentation(syntax.docs),
                         entries: entries, contextVariables: variables, range: syntax.name.range)
    }

    /// The position of the table an entry names, or `nil` (reported) when there is none.
    private mutating func lookUpTable(_ name: Identifier) -> Int? {
        if let table = tableDirectory.table(named: name.text) { return table }
        if let owner = tableDirectory.table(withPlural: name.text) {
            let singular = tables[owner].name
            diagnostics.error(
                .unknownGroupTable, "no table is named '\(name.text)'", at: name.range,
                notes: [DiagnosticNote("'\(name.text)' is the plural of table '\(singular)', declared here",
                                       at: tables[owner].range)],
                help: "group entries name tables by their declared (singular) name: did you mean '\(singular)'?",
                fixIts: [FixIt(replace: name.range, with: singular)])
            return nil
        }
        let suggestion = Suggestions.nearest(to: name.text, among: tables.lazy.map(\.name),
                                             budget: &suggestionBudget)
        diagnostics.error(
            .unknownGroupTable, "no table is named '\(name.text)'", at: name.range,
            notes: suggestion.flatMap { tableDirectory.table(named: $0) }.map {
                [DiagnosticNote("'\(tables[$0].name)' declared here", at: tables[$0].range)]
            } ?? [],
            help: Self.didYouMean(suggestion) ?? "declare the table in the tables block, or remove the entry",
            fixIts: Self.replacement(name.range, with: suggestion))
        return nil
    }
}

/// Where each table was first listed in the group being resolved, by table
/// position: arrays kept from group to group and stamped with the group's
/// number, so an entry costs no hashing and a new group clears nothing.
struct GroupListings {
    private var groupNumbers: [Int]
    private var ranges: [SourceRange?]
    private var currentGroup = 0

    init(tableCount: Int) {
        groupNumbers = Array(repeating: 0, count: tableCount)
        ranges = Array(repeating: nil, count: tableCount)
    }

    mutating func startGroup() { currentGroup += 1 }

    /// Where the table was listed before in this group; otherwise notes
    /// `range` as its first listing and returns `nil`.
    mutating func list(_ table: Int, at range: SourceRange) -> SourceRange? {
        if groupNumbers[table] == currentGroup { return ranges[table] }
        groupNumbers[table] = currentGroup
        ranges[table] = range
        return nil
    }
}

/// Where a `$variable` was first bound in a group, to explain a type conflict.
private struct VariableBinding {
    var type: ScalarType
    var column: String
    var table: String
    var range: SourceRange
}

/// A well-formed `restrict_to` / `restrict_to_column` pair, before the column is looked up.
struct WrittenRestriction {
    var variable: Identifier
    var column: Identifier
    var columnRange: SourceRange
}

extension Resolver {
    static let entryArgumentNames = ["restrict_to", "restrict_to_column"]

    /// Checks an entry's arguments; returns the pair when both halves are usable.
    mutating func resolveRestriction(_ entry: GroupEntrySyntax) -> WrittenRestriction? {
        var variable: Identifier?
        var column: Identifier?
        var restrictTo: ArgumentSyntax?
        var restrictToColumn: ArgumentSyntax?

        for argument in entry.arguments ?? [] {
            let name = argument.name
            guard Self.entryArgumentNames.contains(name.text) else {
                let suggestion = Suggestions.nearest(to: name.text, among: Self.entryArgumentNames,
                                                     budget: &suggestionBudget)
                diagnostics.error(
                    .unknownEntryArgument, "unknown group entry argument '\(name.text)'", at: name.range,
                    help: Self.didYouMean(suggestion)
                        ?? "an entry takes restrict_to = $variable, restrict_to_column = column",
                    fixIts: Self.replacement(name.range, with: suggestion))
                continue
            }
            let isVariable = name.text == "restrict_to"
            if let first = isVariable ? restrictTo : restrictToColumn {
                diagnostics.error(
                    .duplicateArgument, "argument '\(name.text)' is given twice", at: argument.range,
                    notes: [DiagnosticNote("first given here", at: first.range)],
                    help: "remove one of them")
                continue
            }
            if isVariable {
                restrictTo = argument
                variable = argument.value.flatMap { restrictToVariable($0) }
            } else {
                restrictToColumn = argument
                column = argument.value.flatMap { restrictToColumnName($0) }
            }
        }

        switch (restrictTo, restrictToColumn) {
        case (let given?, nil):
            diagnostics.error(
                .unpairedRestriction, "restrict_to needs restrict_to_column", at: given.range,
                help: "name the column the variable is compared with: restrict_to_column = column")
            return nil
        case (nil, let given?):
            diagnostics.error(
                .unpairedRestriction, "restrict_to_column needs restrict_to", at: given.range,
                help: "name the variable the column is compared with: restrict_to = $variable")
            return nil
        case (_?, let columnArgument?):
            guard let variable, let column else { return nil }
            return WrittenRestriction(variable: variable, column: column,
                                      columnRange: columnArgument.value?.range ?? column.range)
        case (nil, nil):
            return nil
        }
    }

    /// `restrict_to = $name`; anything else is reported.
    private mutating func restrictToVariable(_ value: ArgumentValueSyntax) -> Identifier? {
        switch value {
        case .variable(let identifier, _):
            return identifier
        case .identifier(let identifier):
            diagnostics.error(
                .restrictToNotVariable, "restrict_to takes a $variable", at: identifier.range,
                help: "write restrict_to = $\(identifier.text)",
                fixIts: [FixIt(replace: .empty(at: identifier.range.start), with: "$")])
            return identifier
        case .string, .number:
            diagnostics.error(
                .restrictToNotVariable, "restrict_to takes a $variable", at: value.range,
                help: "write restrict_to = $name; the value is supplied at sync time through the group's context")
            return nil
        }
    }

    /// `restrict_to_column = name`; anything else is reported.
    private mutating func restrictToColumnName(_ value: ArgumentValueSyntax) -> Identifier? {
        switch value {
        case .identifier(let identifier):
            return identifier
        case .variable(let identifier, let dollar):
            diagnostics.error(
                .restrictColumnNotName, "restrict_to_column takes a column name, not a $variable",
                at: value.range,
                help: "write restrict_to_column = \(identifier.text)",
                fixIts: [FixIt(replace: dollar, with: "")])
            return identifier
        case .string(let literal):
            let isName = Self.isIdentifier(literal.value)
            diagnostics.error(
                .restrictColumnNotName, "restrict_to_column takes a column name, not a string",
                at: literal.range,
                help: isName ? "write restrict_to_column = \(literal.value)" : "write restrict_to_column = column",
                fixIts: isName ? [FixIt(replace: literal.range, with: literal.value)] : [])
            return isName ? Identifier(literal.value, range: literal.range) : nil
        case .number:
            diagnostics.error(
                .restrictColumnNotName, "restrict_to_column takes a column name", at: value.range,
                help: "write restrict_to_column = column")
            return nil
        }
    }

    /// The column a restriction compares with, if it exists and may be used.
    mutating func restrictColumn(_ restriction: WrittenRestriction, ofTableAt tableIndex: Int) -> Column? {
        let name = restriction.column
        guard let position = tableDirectory.position(ofColumn: name.text, in: tables[tableIndex], at: tableIndex) else {
            let table = tables[tableIndex]
            let candidates = table.columns.lazy.filter { !$0.isClientOnly }.map(\.name)
            let suggestion = Suggestions.nearest(to: name.text, among: candidates, budget: &suggestionBudget)
            diagnostics.error(
                .unknownRestrictColumn, "table '\(table.name)' has no column '\(name.text)'",
                at: name.range,
                notes: [DiagnosticNote("table '\(table.name)' declared here", at: table.range)],
                help: Self.didYouMean(suggestion),
                fixIts: Self.replacement(name.range, with: suggestion))
            return nil
        }
        let column = tables[tableIndex].columns[position]
        // Built only for an error: most restrictions are fine.
        var declared: DiagnosticNote {
            let table = tables[tableIndex]
            return column.isSynthesized
                ? DiagnosticNote("the compiler adds the column '\(column.name)' to '\(table.name)'", at: table.range)
                : DiagnosticNote("'\(column.name)' declared here", at: column.range)
        }
        if column.isClientOnly {
            diagnostics.error(
                .clientOnlyRestrictColumn,
                "column '\(column.name)' exists only on clients and cannot restrict a sync group",
                at: name.range, notes: [declared],
                help: "restrict by a column the server stores, such as an owner id marked #[immutable]")
            return nil
        }
        guard column.isImmutable else {
            let help: String
            var fixIts: [FixIt] = []
            switch column.role {
            case .syncStamp:
                help = "the sync stamp changes on every write; restrict by an #[immutable] column"
            case .softDelete:
                help = "the soft-delete flag changes; restrict by an #[immutable] column"
            default:
                help = "mark it #[immutable], so a row can never move out of the group by an update"
                if let range = column.range {
                    fixIts = [FixIt(replace: .empty(at: range.start), with: "#[immutable] ")]
                }
            }
            diagnostics.error(
                .mutableRestrictColumn, "column '\(column.name)' can change, so it cannot restrict a sync group",
                at: name.range, notes: [declared], help: help, fixIts: fixIts)
            return nil
        }
        return column
    }
}
