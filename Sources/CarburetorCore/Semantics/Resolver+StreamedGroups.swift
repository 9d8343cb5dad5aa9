// Groups resolved while the parser reads on.
//
// A config declares its groups after its tables, so by the time the parser
// hands over a group every table is usually known, and resolving the group
// then overlaps with parsing the next one instead of waiting for the end of
// the file. If a table comes after all, the early results are dropped
// (diagnostics and suggestion budget included) and `finish` resolves every
// group again, exactly as it would have.

/// What resolving groups early produced and changed.
struct EarlyGroups {
    var progress: GroupsInProgress
    /// The groups' diagnostics, kept apart until `finish` so that they come
    /// after every table's, as when the groups are resolved at the end.
    var diagnostics: DiagnosticCollector
    /// The resolver's suggestion budget before the first early group.
    var suggestionBudgetBefore: SuggestionBudget
}

extension Resolver {
    /// Resolves the next item of the file, in source order.
    mutating func resolve(_ item: StreamedItem) {
        switch item {
        case .table(let table):
            if earlyGroups != nil { abandonEarlyGroups() }
            resolveTable(table)
        case .group(let group):
            resolveGroupEarly(group)
        }
    }

    private mutating func resolveGroupEarly(_ syntax: GroupSyntax) {
        guard !groupsWaitForFinish else { return }
        var early = earlyGroups ?? EarlyGroups(
            progress: GroupsInProgress(tableCount: tables.count),
            diagnostics: DiagnosticCollector(keepsNotes: diagnostics.keepsNotes),
            suggestionBudgetBefore: suggestionBudget)
        earlyGroups = nil  // so that `early` is not copied as it grows
        swap(&diagnostics, &early.diagnostics)
        resolveNextGroup(syntax, into: &early.progress)
        swap(&diagnostics, &early.diagnostics)
        earlyGroups = early
    }

    /// A table came after groups already resolved: they did not see it, so
    /// `finish` resolves them all again (and those still to come), from the
    /// same budget as before.
    private mutating func abandonEarlyGroups() {
        if let early = earlyGroups { suggestionBudget = early.suggestionBudgetBefore }
        earlyGroups = nil
        groupsWaitForFinish = true
    }
}
