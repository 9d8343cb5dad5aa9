import CarburetorCore

/// What a `migrate` command did, for the CLI to print: diagnostics about the
/// config (rendered against its source), plain messages, and the exit status.
public struct MigrateCommandResult: Sendable {
    /// Exit statuses shared by every `migrate` command.
    public enum ExitStatus: Int32, Sendable {
        case success = 0
        case failure = 1
        /// `check`: changes no migration captures; `diff`: drift found.
        case changesFound = 2
    }

    public var exitStatus: ExitStatus
    /// Lints and front-end diagnostics; ranges are in the config file.
    public var diagnostics: [Diagnostic]
    /// What goes to standard output.
    public var output: String
    /// Error messages without a source location (I/O, integrity, database),
    /// for standard error. Never contains a password.
    public var errors: [String]
    /// Paths written, relative to the migration directory.
    public var writtenFiles: [String]

    public init(exitStatus: ExitStatus, diagnostics: [Diagnostic] = [], output: String = "",
                errors: [String] = [], writtenFiles: [String] = []) {
        self.exitStatus = exitStatus
        self.diagnostics = diagnostics
        self.output = output
        self.errors = errors
        self.writtenFiles = writtenFiles
    }

    static func failure(_ errors: [String], diagnostics: [Diagnostic] = [], output: String = "") -> MigrateCommandResult {
        MigrateCommandResult(exitStatus: .failure, diagnostics: diagnostics, output: output, errors: errors)
    }
}

/// Compiles a config for a `migrate` command; front-end errors end the command.
enum ConfigLoader {
    static func schema(of file: SourceFile) -> (Schema?, [Diagnostic]) {
        let result = Frontend.compile(file)
        return (result.hasErrors ? nil : result.schema, result.diagnostics)
    }
}
