import CarburetorSchema

/// Writes the statements that take one table from one shape to another.
/// The same code plans `up` (linting as it goes) and `down` (with the
/// schemas swapped, never refusing: down restores the previous schema).
struct TableDiffer {
    let ddl: MigrationDDL
    let isUp: Bool
    let allowDestructive: Bool
    let casts: [String: String]
    var diagnostics = DiagnosticCollector()
    var usedCasts: Set<String> = []
    /// What the last `alter` did, for the plan's summary.
    var lastSummary: [String] = []
    /// Shared by a plan's two differs: the down plan compares the same pair of tables.
    let functions: FunctionDefinitions

    init(ddl: MigrationDDL, isUp: Bool, allowDestructive: Bool, casts: [String: String],
         functions: FunctionDefinitions = FunctionDefinitions()) {
        self.ddl = ddl
        self.isUp = isUp
        self.allowDestructive = allowDestructive
        self.casts = casts
        self.functions = functions
    }

    // MARK: - Whole tables

    func create(_ table: Table, objects: SchemaObjects) -> [MigrationStatement] {
        var sql = ddl.createTable(table, objects: objects)
        sql += objects.indexes(of: table).map(\.createSQL)
        sql += ddl.functions(of: table).map(\.createSQL)
        sql += ddl.triggers(of: table).map(\.createSQL)
        return sql.map { MigrationStatement($0) }
    }

    /// Dropping the table drops its indexes and triggers with it; its
    /// functions are dropped after it.
    func drop(_ table: Table) -> [MigrationStatement] {
        [MigrationStatement("DROP TABLE \(ddl.qualified(table.plural))")]
            + ddl.functions(of: table).map { MigrationStatement(ddl.dropFunction($0)) }
    }

    mutating func lintDrop(_ table: Table) {
        report(MigrationLint.dropTable,
               "table '\(table.name)' (\(table.plural)) was removed from the config; dropping it deletes all its rows",
               at: .empty(at: 0), allowed: allowDestructive,
               help: "keep the table in the config, or pass --allow-destructive to drop it")
    }

    // MARK: - Changing a table

    mutating func alter(from a: Table, in aObjects: SchemaObjects, to b: Table, in bObjects: SchemaObjects,
                        columns pairs: [(old: String, new: String)]) -> [MigrationStatement] {
        lastSummary = []
        var early: [String] = []
        var middle: [String] = []
        var late: [String] = []
        let table = ddl.qualified(b.plural)
        let tableRange = b.range ?? .empty(at: 0)

        if a.plural != b.plural {
            early.append("ALTER TABLE \(ddl.qualified(a.plural)) RENAME TO \(ddl.quote(b.plural))")
            lastSummary.append("rename from \(ddl.quote(a.plural))")
            report(MigrationLint.renameTable,
                   "table '\(b.name)' is renamed from \(a.plural) to \(b.plural); app versions that still use the old name stop syncing it",
                   at: tableRange, allowed: true)
        }
        let renamedColumns = Dictionary(uniqueKeysWithValues: pairs.map { ($0.old, $0.new) })
        if renamedColumns[a.idColumn.name] != b.idColumn.name {
            report(MigrationLint.idColumnChanged,
                   "the id column of '\(b.name)' changes from '\(a.idColumn.name)' to '\(b.idColumn.name)'; sync ids cannot be migrated",
                   at: b.idColumn.range ?? tableRange, allowed: false,
                   help: "keep the id column; create a new table instead")
        }

        // The triggers name the table's function, which follows its plural;
        // when a trigger's definition changes it is dropped first and
        // recreated last. The functions name the table's columns: a changed
        // body is replaced in place, a renamed function (the plural changed)
        // is created anew and the old one dropped once no trigger uses it.
        var renamedOld = a
        renamedOld.plural = b.plural
        let oldTriggers = ddl.triggers(of: a)
        let newTriggers = ddl.triggers(of: b)
        // Most altered tables keep what their functions are made of (a
        // column's nullability changed, say): then neither is generated.
        let sameFunctions = FunctionInputs(a) == FunctionInputs(b)
        let oldFunctions = sameFunctions ? [] : functions.of(a, ddl: ddl)
        let newFunctions = sameFunctions ? [] : functions.of(b, ddl: ddl)
        var renamedTriggers = ddl.triggers(of: renamedOld)
        if oldFunctions.map(\.name) != newFunctions.map(\.name) { renamedTriggers = oldTriggers }
        for (old, new) in zip(oldFunctions, newFunctions) where old.createSQL != new.createSQL {
            late.append(new.createSQL)
        }
        for (old, new) in zip(renamedTriggers, newTriggers) where old.createSQL != new.createSQL {
            early.append("DROP TRIGGER \(ddl.quote(old.name)) ON \(table)")
            late.append(new.createSQL)
        }
        for (old, new) in zip(oldFunctions, newFunctions) where old.name != new.name {
            early.append(ddl.dropFunction(old))
        }

        // Indexes match by their columns (after column renames); a derived
        // name that changed is renamed, never rebuilt.
        let oldKey = aObjects.primaryKeyName(of: a)
        let newKey = bObjects.primaryKeyName(of: b)
        if oldKey != newKey {
            early.append("ALTER INDEX \(ddl.qualified(oldKey)) RENAME TO \(ddl.quote(newKey))")
        }
        var newIndexes = bObjects.indexes(of: b)
        for index in aObjects.indexes(of: a) {
            let columns = index.columns.map { renamedColumns[$0] ?? "\u{0}" }
            if let match = newIndexes.firstIndex(where: { $0.columns == columns }) {
                let kept = newIndexes.remove(at: match)
                if kept.name != index.name {
                    early.append("ALTER INDEX \(ddl.qualified(index.name)) RENAME TO \(ddl.quote(kept.name))")
                }
            } else {
                early.append("DROP INDEX \(ddl.qualified(index.name))")
                lastSummary.append("drop index \(ddl.quote(index.name))")
            }
        }
        for index in newIndexes {
            late.append(index.createSQL)
            lastSummary.append("create index \(ddl.quote(index.name))")
        }

        // Columns: renames, drops, adds, then changes to kept columns.
        for (old, new) in pairs where old != new {
            middle.append("ALTER TABLE \(table) RENAME COLUMN \(ddl.quote(old)) TO \(ddl.quote(new))")
            lastSummary.append("rename column \(ddl.quote(old)) to \(ddl.quote(new))")
            report(MigrationLint.renameColumn,
                   "column '\(new)' of '\(b.name)' is renamed from '\(old)'; app versions that still use the old name stop syncing it",
                   at: b.column(named: new)?.range ?? tableRange, allowed: true)
        }
        let keptOld = Set(pairs.map(\.old))
        for column in a.serverColumns where !keptOld.contains(column.name) {
            middle.append("ALTER TABLE \(table) DROP COLUMN \(ddl.quote(column.name))")
            lastSummary.append("drop column \(ddl.quote(column.name))")
            report(MigrationLint.dropColumn,
                   "column '\(column.name)' was removed from '\(b.name)'; dropping it deletes its data",
                   at: tableRange, allowed: allowDestructive,
                   help: "keep the column (mark it Nullable<…> if it is no longer written), or pass --allow-destructive")
        }
        let keptNew = Set(pairs.map(\.new))
        for column in b.serverColumns where !keptNew.contains(column.name) {
            middle += addColumn(column, to: b)
            lastSummary.append("add column \(ddl.quote(column.name))")
        }
        let oldColumns = Dictionary(uniqueKeysWithValues: a.serverColumns.map { ($0.name, $0) })
        for (old, new) in pairs {
            guard let before = oldColumns[old], let after = b.column(named: new) else { continue }
            middle += changeColumn(from: before, to: after, in: b)
        }
        if a.documentation != b.documentation {
            middle.append("COMMENT ON TABLE \(table) IS \(b.documentation.map(ddl.literal) ?? "NULL")")
            lastSummary.append("comment")
        }
        return (early + middle + late).map { MigrationStatement($0) }
    }

    // MARK: - Columns

    private mutating func addColumn(_ column: Column, to table: Table) -> [String] {
        let alter = "ALTER TABLE \(ddl.qualified(table.plural))"
        let name = ddl.quote(column.name)
        var statements: [String] = []
        let range = column.range ?? table.range ?? .empty(at: 0)
        let hasKnownDefault = ddl.defaultExpression(for: column) != nil
        if column.isNullable || hasKnownDefault {
            statements.append("\(alter) ADD COLUMN \(ddl.columnDefinition(column))")
        } else {
            if column.role == .id {
                report(MigrationLint.idColumnChanged,
                       "'\(table.name)' gets a new id column '\(column.name)'; sync ids cannot be migrated",
                       at: range, allowed: false, help: "keep the id column; create a new table instead")
            } else if column.role == .syncStamp {
                // Existing rows are stamped now; later writes are stamped by the trigger.
            } else if column.sqlDefault == .databaseSupplied {
                report(MigrationLint.addNotNullDatabaseDefault,
                       "column '\(column.name)' is added as NOT NULL to '\(table.name)' with a default only the database knows",
                       at: range, allowed: false,
                       help: "give it a default the config knows, e.g. #[default(sql = …)], or make it Nullable<\(column.type.scalar.carbName)>")
            } else {
                report(MigrationLint.addNotNullWithoutDefault,
                       "column '\(column.name)' is added as NOT NULL to '\(table.name)' without a default; existing rows have no value for it",
                       at: range, allowed: false,
                       help: "make it Nullable<\(column.type.scalar.carbName)>, or add #[default(sql = …)] so existing rows get a value")
            }
            // Down restores a dropped NOT NULL column; its data is gone, so
            // existing rows get a placeholder (the sync stamp: now).
            let fill = column.role == .syncStamp ? "now()" : ZeroValue.expression(for: column.type.scalar)
            statements.append("\(alter) ADD COLUMN \(ddl.columnDefinition(column)) DEFAULT \(fill)")
            statements.append("\(alter) ALTER COLUMN \(name) DROP DEFAULT")
        }
        if let documentation = column.documentation {
            statements.append("COMMENT ON COLUMN \(ddl.qualified(table.plural)).\(name) IS \(ddl.literal(documentation))")
        }
        return statements
    }

    private mutating func changeColumn(from a: Column, to b: Column, in table: Table) -> [String] {
        let alter = "ALTER TABLE \(ddl.qualified(table.plural)) ALTER COLUMN \(ddl.quote(b.name))"
        let range = b.range ?? table.range ?? .empty(at: 0)
        var statements: [String] = []
        var oldDefault = ddl.defaultExpression(for: a)
        let newDefault = ddl.defaultExpression(for: b)

        if a.type.scalar != b.type.scalar {
            let newType = ddl.sqlType(b.type.scalar)
            let castKey = "\(table.plural).\(b.name)"
            let from = a.type.scalar.carbName, to = b.type.scalar.carbName
            let change = TypeChange.classify(from: a.type.scalar, to: b.type.scalar)
            switch change {
            case .widening:
                break
            case .narrowing:
                report(MigrationLint.narrowType,
                       "column '\(b.name)' of '\(table.name)' narrows from \(from) to \(to); values that do not fit make the migration fail or lose precision",
                       at: range, allowed: allowDestructive,
                       help: "keep the wider type, or pass --allow-destructive")
            case .lossy:
                report(MigrationLint.lossyType,
                       "column '\(b.name)' of '\(table.name)' changes from \(from) to \(to); stored values lose duplicate keys, whitespace and key order",
                       at: range, allowed: allowDestructive,
                       help: "keep \(from), or pass --allow-destructive")
            case .needsCast:
                if isUp, casts[castKey] == nil {
                    report(MigrationLint.typeChangeNeedsCast,
                           "column '\(b.name)' of '\(table.name)' changes from \(from) to \(to), which PostgreSQL cannot convert by itself",
                           at: range, allowed: false,
                           help: "give the conversion: --cast '\(castKey)=\(ddl.quote(b.name))::\(newType)' (any SQL expression over the old value)")
                }
            }
            // The user's expression when given; otherwise a plain cast where
            // PostgreSQL has no assignment cast of its own.
            var using = ""
            if change != .widening {
                if let expression = casts[castKey] {
                    usedCasts.insert(castKey)
                    using = " USING \(expression)"
                } else if change != .lossy {
                    using = " USING \(ddl.quote(b.name))::\(newType)"
                }
            }
            if oldDefault != nil {
                // The old default may not convert; it is set again below.
                statements.append("\(alter) DROP DEFAULT")
                oldDefault = nil
            }
            statements.append("\(alter) TYPE \(newType)\(using)")
            lastSummary.append("change type of \(ddl.quote(b.name)) to \(newType)")
        }

        let leaveDefault = a.sqlDefault == .databaseSupplied && b.sqlDefault == .databaseSupplied
            || b.sqlDefault == .databaseSupplied && oldDefault == nil && a.type.scalar == b.type.scalar
        if !leaveDefault, oldDefault != newDefault || a.sqlDefault == .databaseSupplied && newDefault != nil {
            if let newDefault {
                statements.append("\(alter) SET DEFAULT \(newDefault)")
                lastSummary.append("set default of \(ddl.quote(b.name))")
            } else if b.sqlDefault != .databaseSupplied {
                statements.append("\(alter) DROP DEFAULT")
                lastSummary.append("drop default of \(ddl.quote(b.name))")
            }
        }

        if a.isNullable, !b.isNullable {
            report(MigrationLint.tightenNotNull,
                   "column '\(b.name)' of '\(table.name)' becomes NOT NULL; the migration fails if a row holds NULL",
                   at: range, allowed: true,
                   help: newDefault == nil ? "add #[default(sql = …)] so NULLs are replaced by the default first" : nil)
            // NULLs are replaced by the default, or (undoing a relaxation)
            // by a placeholder, so the statement cannot fail.
            if let fill = newDefault ?? (isUp ? nil : ZeroValue.expression(for: b.type.scalar)) {
                statements.append("UPDATE \(ddl.qualified(table.plural)) SET \(ddl.quote(b.name)) = \(fill) WHERE \(ddl.quote(b.name)) IS NULL")
            }
            statements.append("\(alter) SET NOT NULL")
            lastSummary.append("set NOT NULL on \(ddl.quote(b.name))")
        } else if !a.isNullable, b.isNullable {
            statements.append("\(alter) DROP NOT NULL")
            lastSummary.append("drop NOT NULL on \(ddl.quote(b.name))")
        }

        if a.documentation != b.documentation {
            statements.append("COMMENT ON COLUMN \(ddl.qualified(table.plural)).\(ddl.quote(b.name)) IS \(b.documentation.map(ddl.literal) ?? "NULL")")
        }
        return statements
    }

    // MARK: - Helpers

    mutating func report(_ lint: MigrationLint.Descriptor, _ message: String, at range: SourceRange,
                         allowed: Bool, help: String? = nil) {
        guard isUp else { return }
        let severity: Severity = allowed && lint.severity == .error ? .warning : lint.severity
        diagnostics.append(Diagnostic(severity: severity, code: lint.code, message: message, range: range, help: help))
    }
}

/// A table's generated functions, made once per table value for a whole
/// plan: every altered table's up and down comparisons both need the old and
/// the new bodies, the largest text the planner writes.
final class FunctionDefinitions {
    private var byTable: [Table: [FunctionDefinition]] = [:]
    /// How many tables' functions were generated (a work count for tests).
    private(set) var generated = 0

    func of(_ table: Table, ddl: MigrationDDL) -> [FunctionDefinition] {
        if let known = byTable[table] { return known }
        let made = ddl.functions(of: table)
        generated += 1
        byTable[table] = made
        return made
    }
}

/// Everything a table's generated functions are made of: its names and, per
/// server column, what the stamping and purge functions read (not ranges,
/// documentation, Swift defaults or previous names). Equal inputs make equal
/// functions, which `FunctionInputsTests` checks against the generator.
struct FunctionInputs: Equatable {
    struct ColumnInputs: Equatable {
        var name: String
        var type: ColumnType
        var role: ColumnRole
        var isSynthesized: Bool
        var isImmutable: Bool
        var sqlDefault: SQLDefault?
    }

    var name: String
    var plural: String
    var columns: [ColumnInputs]

    init(_ table: Table) {
        name = table.name
        plural = table.plural
        columns = table.serverColumns.map {
            ColumnInputs(name: $0.name, type: $0.type, role: $0.role, isSynthesized: $0.isSynthesized,
                         isImmutable: $0.isImmutable, sqlDefault: $0.sqlDefault)
        }
    }
}
