import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax
import CarburetorMigrate
import CarburetorMigrateLive

/// `carburetor-compile migrate new|check|hash|apply|status|diff`: reads the config
/// (when the command has one), runs the migration library and turns its
/// result into printed output. Exit codes: 0 ok, 1 error, 2 changes or drift.
public struct MigrateCommand {
    public enum Action {
        case new(config: String, directory: String, name: String, layout: MigrationLayout?,
                 allowDestructive: Bool, casts: [String: String], schemaName: String?)
        case check(config: String, directory: String, schemaName: String?)
        case hash(directory: String)
        case apply(directory: String, databaseURL: String, dryRun: Bool, schemaName: String? = nil,
                   lockTimeout: Duration = MigrateApply.defaultLockTimeout,
                   lockRetries: Int = MigrateApply.defaultLockRetries)
        case status(directory: String, databaseURL: String, schemaName: String? = nil)
        case diff(config: String, databaseURL: String, format: MigrateDiff.Format, schemaName: String?)
    }

    public var action: Action
    public var policy: DiagnosticPolicy
    /// Receives each progress line of `apply` as it happens, so a long
    /// deployment shows where it is; those lines are not repeated at the end.
    public var progress: (String) -> Void

    public init(_ action: Action, policy: DiagnosticPolicy = DiagnosticPolicy(),
                progress: @escaping (String) -> Void = { _ in }) {
        self.action = action
        self.policy = policy
        self.progress = progress
    }

    public func run(in environment: CommandEnvironment) -> CommandOutput {
        switch action {
        case let .new(config, directory, name, layout, allowDestructive, casts, schemaName):
            return withSchema(config, environment, refusal: "no migration written") { schema in
                MigrateNew(directory: directory, name: name, layout: layout,
                           planOptions: Self.planOptions(allowDestructive, casts, schemaName))
                    .run(schema: schema)
            }
        case let .check(config, directory, schemaName):
            return withSchema(config, environment) { schema in
                MigrateCheck(directory: directory, planOptions: Self.planOptions(false, [:], schemaName))
                    .run(schema: schema)
            }
        case let .hash(directory):
            return render(MigrateHash(directory: directory).run(), file: nil, environment)
        case let .apply(directory, databaseURL, dryRun, schemaName, lockTimeout, lockRetries):
            var result = MigrateApply(directory: directory, databaseURL: databaseURL, dryRun: dryRun,
                                      schemaName: schemaName, lockTimeout: lockTimeout, lockRetries: lockRetries,
                                      progress: progress).run()
            result.output = ""  // already shown line by line through `progress`
            return render(result, file: nil, environment)
        case let .status(directory, databaseURL, schemaName):
            return render(MigrateStatus(directory: directory, databaseURL: databaseURL, schemaName: schemaName).run(),
                          file: nil, environment)
        case let .diff(config, databaseURL, format, schemaName):
            return withSchema(config, environment) { schema in
                MigrateDiff(databaseURL: databaseURL, format: format, schemaName: schemaName).run(schema: schema)
            }
        }
    }

    private static func planOptions(_ allowDestructive: Bool, _ casts: [String: String],
                                    _ schemaName: String?) -> MigrationPlanOptions {
        MigrationPlanOptions(allowDestructive: allowDestructive, casts: casts,
                             ddl: MigrationDDL(schemaName: schemaName))
    }

    /// Compiles the config and runs `body` on its schema; the front end's
    /// diagnostics come before the command's, and errors end the command.
    private func withSchema(_ path: String, _ environment: CommandEnvironment, refusal: String? = nil,
                            _ body: (Schema) -> MigrateCommandResult) -> CommandOutput {
        withConfig(path, environment) { file in
            let compiled = Frontend.compile(file)
            guard let schema = compiled.schema else {
                let reason = "\(file.name) has errors" + (refusal.map { "; \($0)" } ?? "")
                return MigrateCommandResult(exitStatus: .failure, diagnostics: compiled.diagnostics, errors: [reason])
            }
            var result = body(schema)
            result.diagnostics = compiled.diagnostics + result.diagnostics
            return result
        }
    }

    private func withConfig(_ path: String, _ environment: CommandEnvironment,
                            _ body: (SourceFile) -> MigrateCommandResult) -> CommandOutput {
        switch InputReader.read(path, environment: environment) {
        case .failure(let error):
            var output = CommandOutput()
            output.fail(error.description)
            return output
        case .success(let file):
            return render(body(file), file: file, environment)
        }
    }

    private func render(_ result: MigrateCommandResult, file: SourceFile?,
                        _ environment: CommandEnvironment) -> CommandOutput {
        var output = CommandOutput(standardOutput: result.output, exitCode: result.exitStatus)
        if let file, !result.diagnostics.isEmpty {
            let diagnostics = policy.apply(to: result.diagnostics)
            output.standardError += TextDiagnosticRenderer(useColor: environment.useColor)
                .render([FileDiagnostics(file: file, diagnostics: diagnostics)])
            if diagnostics.contains(where: { $0.severity == .error }) {
                output.exitCode = max(output.exitCode, .failure)
            }
        }
        for error in result.errors {
            output.standardError += "error: \(error)\n"
        }
        return output
    }
}
