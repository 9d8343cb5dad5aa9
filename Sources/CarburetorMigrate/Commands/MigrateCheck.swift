import CarburetorSchema

/// `migrate check CONFIG --dir DIR`, for CI: exit 1 when the directory
/// fails its integrity check, 2 when the config has changes no migration
/// captures, 0 when everything is captured.
public struct MigrateCheck: Sendable {
    public var directory: String
    public var planOptions: MigrationPlanOptions

    public init(directory: String, planOptions: MigrationPlanOptions = .init()) {
        self.directory = directory
        self.planOptions = planOptions
    }

    public func run(schema: Schema) -> MigrateCommandResult {
        let current: MigrationDirectory
        do {
            current = try MigrationDirectory.read(directory)
        } catch {
            return .failure(["\(error)"])
        }
        let problems = SumFile.verify(current)
        guard problems.isEmpty else {
            return .failure(problems.map(\.message) + ["\(directory) failed its integrity check"])
        }
        let previous: Schema?
        var planOptions = self.planOptions
        switch loadSnapshot(current) {
        case .success(let schema, let legacy): previous = schema; planOptions.upgradesLegacyStamping = legacy
        case .failure(let message): return .failure([message])
        }
        let target = withRanges(SchemaSnapshot.normalized(schema), from: schema)
        let plan = MigrationPlanner.plan(from: previous, to: target, options: planOptions)
        if plan.isEmpty {
            return MigrateCommandResult(exitStatus: .success,
                                        output: "\(directory) is intact and captures the config (\(current.migrations.count) migrations).\n")
        }
        let summary = plan.changes.map { "  \($0.summary)\n" }.joined()
        return MigrateCommandResult(
            exitStatus: .changesFound, diagnostics: plan.diagnostics,
            output: "The config has changes no migration in \(directory) captures:\n\(summary)Run `migrate new` to write the migration.\n")
    }
}
