/// What a command printed and how it exits. Commands return this instead of
/// printing, so tests run them in-process and the executable stays thin.
public struct CommandOutput: Sendable, Equatable {
    public var standardOutput: String = ""
    public var standardError: String = ""
    public var exitCode: Int32 = ExitStatus.success

    public init(standardOutput: String = "", standardError: String = "", exitCode: Int32 = ExitStatus.success) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    mutating func fail(_ message: String, exitCode: Int32 = ExitStatus.failure) {
        standardError += "error: \(message)\n"
        self.exitCode = max(self.exitCode, exitCode)
    }
}

/// The exit codes documented in `Documentation/CLI.md`.
public enum ExitStatus {
    /// No errors (warnings allowed), or everything up to date.
    public static let success: Int32 = 0
    /// Errors in a config, an unreadable file, a missing backend, or `fmt --check` found changes.
    public static let failure: Int32 = 1
    /// `--out DIR --check`: generated files are missing or differ.
    public static let outOfDate: Int32 = 2
}
