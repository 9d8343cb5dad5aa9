import CarburetorSchema

/// What a `migrate` command did, for the CLI to print: diagnostics about the
/// config (rendered against its source), plain messages, and the exit status.
public struct MigrateCommandResult: Sendable {
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
