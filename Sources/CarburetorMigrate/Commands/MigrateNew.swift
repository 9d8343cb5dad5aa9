import CarburetorSchema

/// `migrate new CONFIG --dir DIR --name NAME`.
public struct MigrateNew: Sendable {
    public var directory: String
    public var name: String
    /// `nil`: the directory's layout, Diesel for a new directory.
    public var layout: MigrationLayout?
    public var planOptions: MigrationPlanOptions
    /// Lock slots one migration may hold; larger changes are split.
    public var lockBudget: Int
    public var clock: MigrationClock

    public init(directory: String, name: String, layout: MigrationLayout? = nil,
                planOptions: MigrationPlanOptions = .init(),
                lockBudget: Int = LockBudget.defaultPerMigration, clock: MigrationClock = .system) {
        self.directory = directory
        self.name = name
        self.layout = layout
        self.planOptions = planOptions
        self.lockBudget = lockBudget
        self.clock = clock
    }

    public func run(schema: Schema) -> MigrateCommandResult {
        guard isValidName(name) else {
            return .failure(["migration name '\(name)' must use only letters, digits, '_' and '-'"])
        }
        let current: MigrationDirectory
        do {
            current = try MigrationDirectory.read(directory)
        } catch {
            return .failure(["\(error)"])
        }
        let layout = self.layout ?? current.layout ?? .diesel
        if let existing = current.layout, existing != layout {
            return .failure(["\(directory) uses the \(existing.rawValue) layout, not \(layout.rawValue)"])
        }
        let problems = SumFile.verify(current)
        guard problems.isEmpty else {
            return .failure(problems.map(\.message) + ["\(directory) failed its integrity check; nothing written"])
        }
        let previous: Schema?
        var planOptions = self.planOptions
        switch loadSnapshot(current) {
        case .success(let schema, let legacy): previous = schema; planOptions.upgradesLegacyStamping = legacy
        case .failure(let message): return .failure([message])
        }

        let target = SchemaSnapshot.normalized(schema)
        let plan = MigrationPlanner.plan(from: previous, to: withRanges(target, from: schema), options: planOptions)
        if plan.hasErrors {
            return .failure(["the change cannot be migrated safely; no migration written"], diagnostics: plan.diagnostics)
        }
        if plan.isEmpty {
            return MigrateCommandResult(exitStatus: .success, diagnostics: plan.diagnostics,
                                        output: "No changes: the config matches the newest migration in \(directory).\n")
        }

        let parts = plan.split(lockBudget: lockBudget)
        var lastVersion = current.migrations.last?.version
        var written: [String] = []
        var output = ""
        do {
            for (index, part) in parts.enumerated() {
                let version = MigrationVersion.next(after: lastVersion, layout: layout, clock: clock)
                lastVersion = version
                let partName = parts.count == 1 ? name : "\(name)_\(index + 1)"
                let paths = layout.paths(version: version, name: partName)
                let identifier = "\(version)_\(partName)"
                var header = ["Migration \(identifier), planned by carburetor-compile from \(schema.sourceName). Review before applying."]
                if parts.count > 1 {
                    header.append("Part \(index + 1) of \(parts.count): the change is split so each part fits the lock budget (max_locks_per_transaction).")
                }
                let up = MigrationScript.render(header: header + ["up: runs in one transaction."],
                                                statements: part.flatMap(\.up))
                let down = MigrationScript.render(header: header + ["down: restores the schema before this migration (not dropped data)."],
                                                  statements: part.reversed().flatMap(\.down))
                try AtomicWriter.write(up, to: directory + "/" + paths.up)
                try AtomicWriter.write(down, to: directory + "/" + paths.down)
                written += [paths.up, paths.down]
                output += "\(identifier):\n" + part.map { "  \($0.summary)\n" }.joined()
            }
            try AtomicWriter.write(SchemaSnapshot.encode(target), to: directory + "/" + SchemaSnapshot.fileName)
            let updated = try MigrationDirectory.read(directory)
            try AtomicWriter.write(SumFile.render(updated.hashedFiles), to: directory + "/" + SumFile.fileName)
            written += [SchemaSnapshot.fileName, SumFile.fileName]
        } catch {
            return .failure(["could not write to \(directory): \(error)"], diagnostics: plan.diagnostics, output: output)
        }
        output += "Wrote \(written.count) files to \(directory).\n"
        return MigrateCommandResult(exitStatus: .success, diagnostics: plan.diagnostics, output: output,
                                    writtenFiles: written)
    }

    private func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}

enum SnapshotLoad {
    /// The schema, and whether its database still has the format-1 stamping layout.
    case success(Schema?, legacyStamping: Bool)
    case failure(String)
}

/// The schema as of the newest migration; `nil` for an empty directory.
func loadSnapshot(_ directory: MigrationDirectory) -> SnapshotLoad {
    guard let text = directory.snapshotText else {
        if directory.migrations.isEmpty { return .success(nil, legacyStamping: false) }
        return .failure("\(directory.path) has migrations but no \(SchemaSnapshot.fileName); restore it from version control")
    }
    do {
        let (schema, legacy) = try SchemaSnapshot.decodeWithLayout(text, sourceName: SchemaSnapshot.fileName)
        return .success(schema, legacyStamping: legacy)
    } catch {
        return .failure("cannot read \(SchemaSnapshot.fileName): \(error)")
    }
}

/// The normalized schema with the config's source ranges put back, so lints
/// point at the config line responsible.
/// Linear in the schema's size: the tables are changed in a local array and
/// stored back once.
func withRanges(_ normalized: Schema, from original: Schema) -> Schema {
    var result = normalized
    var tables = result.tables
    for tableIndex in tables.indices {
        guard let source = original.table(named: tables[tableIndex].name) else { continue }
        tables[tableIndex].range = source.range
        tables[tableIndex].renamedFrom = source.renamedFrom
        for columnIndex in tables[tableIndex].columns.indices {
            guard let sourceColumn = source.column(named: tables[tableIndex].columns[columnIndex].name) else { continue }
            tables[tableIndex].columns[columnIndex].range = sourceColumn.range
            tables[tableIndex].columns[columnIndex].renamedFrom = sourceColumn.renamedFrom
        }
    }
    result.tables = tables
    return result
}
