import CarburetorSchema

/// Diffs two schemas into an ordered list of changes with their undo, and
/// lints each change.
public enum MigrationPlanner {
    /// `old == nil` means an empty database: the plan creates the shared
    /// objects and every table.
    public static func plan(from old: Schema?, to new: Schema, options: MigrationPlanOptions = .init()) -> MigrationPlan {
        plan(from: old, to: new, options: options, functions: FunctionDefinitions())
    }

    /// `functions` made once per table for the whole plan (tests count them).
    static func plan(from old: Schema?, to new: Schema, options: MigrationPlanOptions,
                     functions: FunctionDefinitions) -> MigrationPlan {
        var up = TableDiffer(ddl: options.ddl, isUp: true, allowDestructive: options.allowDestructive,
                             casts: options.casts, functions: functions)
        var down = TableDiffer(ddl: options.ddl, isUp: false, allowDestructive: true, casts: [:], functions: functions)
        var changes: [PlannedChange] = []
        let oldSchema = old ?? Schema(sourceName: new.sourceName, tables: [], groups: [])

        if old == nil, !options.ddl.sharedObjects.isEmpty {
            changes.append(PlannedChange(
                summary: "create the schema",
                up: options.ddl.sharedObjects.map { MigrationStatement($0) },
                down: options.ddl.dropSharedObjects.map { MigrationStatement($0) },
                lockWeight: 1))
        }
        if let old, options.upgradesLegacyStamping, !old.tables.isEmpty {
            changes.append(LegacyStamping.upgrade(old, ddl: options.ddl))
        }
        let matching = SchemaMatching(old: oldSchema, new: new)
        let oldObjects = options.ddl.objects(in: oldSchema)
        let newObjects = options.ddl.objects(in: new)
        for table in matching.droppedTables {
            up.lintDrop(table)
            changes.append(PlannedChange(
                summary: "drop table \(options.ddl.qualified(table.plural))",
                up: up.drop(table),
                down: down.create(table, objects: oldObjects),
                lockWeight: LockBudget.createTable(indexes: 0)))
        }
        for pair in matching.pairs {
            let forward = up.alter(from: pair.old, in: oldObjects, to: pair.new, in: newObjects, columns: pair.columns)
            guard !forward.isEmpty else { continue }
            let backward = down.alter(from: pair.new, in: newObjects, to: pair.old, in: oldObjects,
                                      columns: pair.columns.map { (old: $0.new, new: $0.old) })
            changes.append(PlannedChange(
                summary: "alter table \(options.ddl.qualified(pair.new.plural)): " + up.lastSummary.joined(separator: ", "),
                up: forward, down: backward,
                lockWeight: LockBudget.alterTable(indexes: newObjects.indexes(of: pair.new).count)))
        }
        for table in matching.createdTables {
            let statements = up.create(table, objects: newObjects)
            changes.append(PlannedChange(
                summary: "create table \(options.ddl.qualified(table.plural))",
                up: statements,
                down: down.drop(table),
                lockWeight: LockBudget.createTable(indexes: newObjects.indexes(of: table).count)))
        }
        for key in options.casts.keys.sorted() where !up.usedCasts.contains(key) {
            up.report(MigrationLint.unusedCast, "--cast \(key) names no column whose type changes",
                      at: .empty(at: 0), allowed: false)
        }
        return MigrationPlan(changes: changes, diagnostics: up.diagnostics.sorted)
    }
}
